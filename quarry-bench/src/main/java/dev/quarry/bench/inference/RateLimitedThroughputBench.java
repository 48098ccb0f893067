package dev.quarry.bench.inference;

import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import java.time.Duration;

/**
 * Figure 1: 5,000 chat requests, server and client both at 3,000 RPM, latency 200 ms ± 50 ms.
 * Reports the rate the server accepted after its full bucket's initial burst (target: at least 95 %
 * of 3,000 RPM) and the 429s (target: zero).
 *
 * <pre>{@code java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.inference.RateLimitedThroughputBench [requests]}</pre>
 */
public final class RateLimitedThroughputBench {
    private RateLimitedThroughputBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rpm = 3_000;
        try (LlmSimulator sim = LlmSimulator.builder()
                        .rpm(rpm)
                        .latency(Latency.normal(Duration.ofMillis(200), Duration.ofMillis(50)))
                        .seed(1)
                        .start();
                InferenceRuntime rt = InferenceRuntime.builder()
                        .languageModel("m", BenchSupport.model(sim).rpm(rpm).tpm(100_000_000))
                        .dataDir(BenchSupport.tempDataDir())
                        .responseCache(false)
                        .build()) {
            long t0 = System.nanoTime();
            BenchSupport.sendAll(rt, "m", n, i -> ChatRequest.of("Request number " + i + ": say something short."));
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] dry = BenchSupport.rateAfterBucketRanDry(sim.requests(), rpm);
            double steady = dry[0];
            long r429 = sim.counters().responses(429);
            System.out.println(BenchSupport.fmt(
                    "requests=%d wall=%.1fs server_200=%d http_429=%d rate_once_server_bucket_ran_dry=%.0f rpm (%.1f%% of %d,"
                            + " over the last %.0f requests) overall=%.0f rpm",
                    n,
                    seconds,
                    sim.counters().responses(200),
                    r429,
                    steady,
                    100 * steady / rpm,
                    rpm,
                    dry[1],
                    n / seconds * 60));
        }
    }
}
