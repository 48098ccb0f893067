package dev.quarry.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What the benchmarks read about their own JVM: process CPU time, the heap's peak, JIT and GC time.
 *
 * <pre>{@code
 * JvmMeasures.resetPeakHeap();
 * double cpu = JvmMeasures.processCpuSeconds();
 * runStep();
 * System.out.println(JvmMeasures.processCpuSeconds() - cpu + " s CPU, peak heap " + JvmMeasures.peakHeapBytes());
 * }</pre>
 */
public final class JvmMeasures {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private JvmMeasures() {}

    /**
     * CPU time of every thread of this process so far.
     *
     * <pre>{@code double cpu = JvmMeasures.processCpuSeconds();}</pre>
     *
     * @return seconds
     */
    public static double processCpuSeconds() {
        return OS.getProcessCpuTime() / 1e9;
    }

    /**
     * The sum of the peak usage of all heap pools since the JVM started or since {@link
     * #resetPeakHeap()}.
     *
     * <pre>{@code long peak = JvmMeasures.peakHeapBytes();}</pre>
     *
     * @return bytes
     */
    public static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /**
     * Starts the peak of every memory pool afresh from its current usage.
     *
     * <pre>{@code JvmMeasures.resetPeakHeap();}</pre>
     */
    public static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /**
     * Time the JIT compilers have spent so far (elapsed time summed over compiler threads).
     *
     * <pre>{@code double jit = JvmMeasures.jitSeconds();}</pre>
     *
     * @return seconds
     */
    public static double jitSeconds() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
    }

    /**
     * Time the garbage collectors have spent collecting so far.
     *
     * <pre>{@code double gc = JvmMeasures.gcSeconds();}</pre>
     *
     * @return seconds
     */
    public static double gcSeconds() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms / 1e3;
    }
}
