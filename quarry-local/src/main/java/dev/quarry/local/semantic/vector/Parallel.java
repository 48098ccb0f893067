package dev.quarry.local.semantic.vector;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Where the vector kernels run: by default one shared pool of daemon threads, one per available
 * processor (the common pool has one thread fewer than there are processors and shares them with
 * everything else in the JVM). Work is cut into pieces whose boundaries do not depend on the
 * number of threads, so results are the same on any pool.
 */
final class Parallel {
    private Parallel() {}

    private static final class Holder {
        static final ForkJoinPool SHARED = newPool();

        private static ForkJoinPool newPool() {
            AtomicInteger ids = new AtomicInteger();
            return new ForkJoinPool(
                    Runtime.getRuntime().availableProcessors(),
                    pool -> {
                        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                        t.setName("quarry-vector-" + ids.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    },
                    null,
                    false);
        }
    }

    /** The shared pool, created on first use. */
    static ForkJoinPool shared() {
        return Holder.SHARED;
    }

    /**
     * Runs {@code work.accept(i)} for every {@code i} in {@code [0, count)} on the pool and waits.
     *
     * @param pool the pool
     * @param count how many pieces
     * @param work the work, safe to run concurrently for different indexes
     */
    static void run(ForkJoinPool pool, int count, IntConsumer work) {
        if (count == 0) {
            return;
        }
        if (count == 1 || pool.getParallelism() == 1) {
            for (int i = 0; i < count; i++) {
                work.accept(i);
            }
            return;
        }
        pool.submit(() -> IntStream.range(0, count).parallel().forEach(work)).join();
    }
}
