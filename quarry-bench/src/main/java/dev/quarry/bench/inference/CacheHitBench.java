package dev.quarry.bench.inference;

import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.testkit.simulator.LlmSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 5: the cache-hit path. Warms the persistent response cache with 10,000 distinct answers,
 * then calls {@code chat} on them from two threads (fingerprint, cache lookup, answer decoding,
 * accounting) for a few seconds. Target: at least 100,000 requests/s.
 *
 * <pre>{@code java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.inference.CacheHitBench [seconds]}</pre>
 */
public final class CacheHitBench {
    private CacheHitBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int distinct = 10_000;
        try (LlmSimulator sim = LlmSimulator.builder().start();
                InferenceRuntime rt = InferenceRuntime.builder()
                        .languageModel(
                                "m", BenchSupport.model(sim).rpm(1_000_000).tpm(1_000_000_000))
                        .dataDir(BenchSupport.tempDataDir())
                        .build()) {
            List<ChatRequest> requests = new ArrayList<>();
            for (int i = 0; i < distinct; i++)
                requests.add(ChatRequest.builder()
                        .system("Classify the ticket.")
                        .user("Ticket " + i + ": my order never arrived")
                        .build());
            for (ChatRequest r : requests) rt.chat("m", r); // warm (sent once each)
            for (ChatRequest r : requests) rt.chat("m", r).join();
            long sentAfterWarmup = sim.counters().requests();
            AtomicLong calls = new AtomicLong();
            int threads = 2;
            long warmEnd = System.nanoTime() + 1_000_000_000L;
            long end = warmEnd + seconds * 1_000_000_000L;
            long[] measured = new long[threads];
            long[] cpuNanos = new long[threads];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            Thread[] ts = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                ts[t] = new Thread(() -> {
                    int i = id;
                    long count = 0;
                    long cpuStart = -1;
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end) break;
                        rt.chat("m", requests.get(i % distinct)).join();
                        i += threads;
                        if (now >= warmEnd) {
                            if (cpuStart < 0) cpuStart = mx.getCurrentThreadCpuTime();
                            count++;
                        }
                    }
                    measured[id] = count;
                    cpuNanos[id] = mx.getCurrentThreadCpuTime() - cpuStart;
                });
                ts[t].start();
            }
            for (Thread t : ts) t.join();
            long total = 0;
            long cpu = 0;
            for (int t = 0; t < threads; t++) {
                total += measured[t];
                cpu += cpuNanos[t];
            }
            calls.set(total);
            System.out.println(BenchSupport.fmt(
                    "cache_hits=%d in %ds on %d threads: %.0f requests/s wall-clock; %.0f requests per CPU-second of the"
                            + " calling threads; requests reaching the server during the run=%d; cache_hits_in_metrics=%d",
                    total,
                    seconds,
                    threads,
                    total / (double) seconds,
                    total / (cpu / 1e9),
                    sim.counters().requests() - sentAfterWarmup,
                    rt.usage().total().cacheHits()));
        }
    }
}
