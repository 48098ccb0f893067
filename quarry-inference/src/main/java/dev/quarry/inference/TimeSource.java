package dev.quarry.inference;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's view of time: a monotonic clock for rate limits and backoff, a wall clock for cache
 * expiry, and a way to run a task later. Tests inject a manual implementation so that nothing ever
 * sleeps.
 *
 * <pre>{@code
 * InferenceRuntime runtime = InferenceRuntime.builder().timeSource(TimeSource.system()).build();
 * }</pre>
 */
public interface TimeSource {
    /**
     * Monotonic nanoseconds, only meaningful as differences.
     *
     * <pre>{@code long t0 = time.nanoTime();}</pre>
     *
     * @return the current monotonic time in nanoseconds
     */
    long nanoTime();

    /**
     * Wall-clock milliseconds since the epoch, for cache expiry.
     *
     * <pre>{@code long now = time.currentTimeMillis();}</pre>
     *
     * @return the current wall time
     */
    long currentTimeMillis();

    /**
     * Runs {@code task} once, after {@code delayNanos} (at once when not positive). The task must be
     * short; it runs on the time source's thread.
     *
     * <pre>{@code time.schedule(TimeUnit.MILLISECONDS.toNanos(50), scheduler::pump);}</pre>
     *
     * @param delayNanos the delay in nanoseconds
     * @param task the task
     */
    void schedule(long delayNanos, Runnable task);

    /**
     * The real clock with one daemon timer thread, shared by all runtimes of the JVM.
     *
     * <pre>{@code TimeSource t = TimeSource.system();}</pre>
     *
     * @return the system time source
     */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}

final class SystemTimeSource implements TimeSource {
    static final SystemTimeSource INSTANCE = new SystemTimeSource();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quarry-inference-timer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void schedule(long delayNanos, Runnable task) {
        if (delayNanos <= 0) {
            timer.execute(task);
        } else {
            timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
    }
}
