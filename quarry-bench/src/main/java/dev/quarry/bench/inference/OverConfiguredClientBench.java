package dev.quarry.bench.inference;

import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.models.GeminiModel;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.time.Duration;

/**
 * Figure 3: the client is configured at 2× the server's real limit (3,000 vs 1,500 RPM). Every
 * request must complete, at no less than 80 % of the server's limit. Run twice: OpenAI protocol
 * (the server reports its limit in {@code x-ratelimit-*} headers) and Gemini protocol (no limit
 * headers: only 429s with a retry delay, so AIMD does the work).
 *
 * <pre>{@code java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.inference.OverConfiguredClientBench [requests]}</pre>
 */
public final class OverConfiguredClientBench {
    private OverConfiguredClientBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_500;
        run(Provider.OPENAI, n);
        run(Provider.GEMINI, n);
    }

    private static void run(Provider provider, int n) {
        int serverRpm = 1_500;
        int clientRpm = 3_000;
        try (LlmSimulator sim = LlmSimulator.builder()
                .rpm(serverRpm)
                .latency(Latency.normal(Duration.ofMillis(200), Duration.ofMillis(50)))
                .seed(3)
                .start()) {
            LanguageModelConfig config = provider == Provider.OPENAI
                    ? OpenAIModel.of("gpt-4.1-nano")
                            .baseUrl(sim.baseUrl(provider))
                            .apiKey("sk-bench")
                            .rpm(clientRpm)
                            .tpm(100_000_000)
                    : GeminiModel.of("gemini-2.5-flash")
                            .baseUrl(sim.baseUrl(provider))
                            .apiKey("bench")
                            .rpm(clientRpm)
                            .tpm(100_000_000);
            try (InferenceRuntime rt = InferenceRuntime.builder()
                    .languageModel("m", config)
                    .dataDir(BenchSupport.tempDataDir())
                    .responseCache(false)
                    .build()) {
                long t0 = System.nanoTime();
                int ok = 0;
                for (var r : BenchSupport.sendAll(rt, "m", n, i -> ChatRequest.of("Request " + i))) if (r.isOk()) ok++;
                double seconds = (System.nanoTime() - t0) / 1e9;
                double[] dry = BenchSupport.rateAfterBucketRanDry(sim.requests(), serverRpm);
                double steady = dry[0];
                System.out.println(BenchSupport.fmt(
                        "%s: requests=%d completed_ok=%d wall=%.1fs http_429=%d rate_once_server_bucket_ran_dry=%.0f rpm"
                                + " (%.1f%% of server %d, over the last %.0f requests) retries=%d",
                        provider,
                        n,
                        ok,
                        seconds,
                        sim.counters().responses(429),
                        steady,
                        100 * steady / serverRpm,
                        serverRpm,
                        dry[1],
                        rt.usage().total().retries()));
            }
        }
    }
}
