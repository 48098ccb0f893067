package dev.quarry.bench.inference;

import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import java.time.Duration;

/**
 * Figure 2: a TPM-bound run whose output lengths are unknown in advance (each answer 10 to 400
 * words, decided by a hash of the prompt; every request allows up to 1,000 output tokens). Reports
 * the share of the TPM limit used after the initial full bucket (target: at least 90 %) and the
 * share of requests answered 429 (target: at most 1 %).
 *
 * <pre>{@code java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.inference.TokenBoundBench [requests]}</pre>
 */
public final class TokenBoundBench {
    private TokenBoundBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        long tpm = 200_000;
        try (LlmSimulator sim = LlmSimulator.builder()
                        .tpm(tpm)
                        .latency(Latency.normal(Duration.ofMillis(200), Duration.ofMillis(50)))
                        .answers(r -> {
                            int words = 10 + Math.floorMod(r.lastUserText().hashCode() * 31, 391);
                            return "word ".repeat(words).strip();
                        })
                        .seed(2)
                        .start();
                InferenceRuntime rt = InferenceRuntime.builder()
                        .languageModel("m", BenchSupport.model(sim).rpm(100_000).tpm(tpm))
                        .dataDir(BenchSupport.tempDataDir())
                        .responseCache(false)
                        .build()) {
            long t0 = System.nanoTime();
            BenchSupport.sendAll(
                    rt,
                    "m",
                    n,
                    i -> ChatRequest.builder()
                            .user("Item " + i + ": describe it at whatever length you like.")
                            .maxOutputTokens(1_000)
                            .build());
            double minutes = (System.nanoTime() - t0) / 60e9;
            long charged = sim.counters().tokensCharged();
            double used = (charged - tpm) / minutes; // the bucket starts full: the first minute's worth is a gift
            long r429 = sim.counters().responses(429);
            long received = sim.counters().requests();
            System.out.println(BenchSupport.fmt(
                    "requests=%d wall=%.1fs tokens_charged=%d tpm_used_after_initial_bucket=%.0f (%.1f%% of %d) http_429=%d"
                            + " (%.2f%% of %d requests received) mean_output=%.0f tokens",
                    n,
                    minutes * 60,
                    charged,
                    used,
                    100 * used / tpm,
                    tpm,
                    r429,
                    100.0 * r429 / received,
                    received,
                    (double) sim.counters().outputTokens() / n));
        }
    }
}
