package dev.quarry.bench.inference;

import dev.quarry.ModelUsage;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.testkit.simulator.FaultKind;
import dev.quarry.testkit.simulator.Faults;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import java.time.Duration;
import java.util.List;

/**
 * Figure 4: 5 % of requests get a transient fault (500, 503 overloaded, injected 429, connection
 * reset, timeout, malformed JSON). Target: zero requests lost, retries counted in the metrics.
 *
 * <pre>{@code java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.inference.TransientFaultBench [requests]}</pre>
 */
public final class TransientFaultBench {
    private TransientFaultBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        try (LlmSimulator sim = LlmSimulator.builder()
                        .latency(Latency.fixed(Duration.ofMillis(50)))
                        .faults(Faults.rate(
                                        0.05,
                                        FaultKind.SERVER_ERROR,
                                        FaultKind.OVERLOADED,
                                        FaultKind.RATE_LIMITED,
                                        FaultKind.CONNECTION_RESET,
                                        FaultKind.TIMEOUT,
                                        FaultKind.MALFORMED_JSON)
                                .hangFor(Duration.ofSeconds(5)))
                        .seed(4)
                        .start();
                InferenceRuntime rt = InferenceRuntime.builder()
                        .languageModel(
                                "m",
                                BenchSupport.model(sim)
                                        .rpm(100_000)
                                        .tpm(100_000_000)
                                        .requestTimeout(Duration.ofSeconds(2)))
                        .dataDir(BenchSupport.tempDataDir())
                        .responseCache(false)
                        .build()) {
            long t0 = System.nanoTime();
            List<ChatResult> results = BenchSupport.sendAll(rt, "m", n, i -> ChatRequest.of("Request " + i));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long ok = results.stream().filter(ChatResult::isOk).count();
            ModelUsage u = rt.usage().total();
            System.out.println(BenchSupport.fmt(
                    "requests=%d answered_ok=%d lost=%d wall=%.1fs faults_injected=%d requests_received_by_server=%d"
                            + " retries_in_metrics=%d rate_limited_in_metrics=%d",
                    n,
                    ok,
                    n - ok,
                    seconds,
                    sim.counters().faultsInjected(),
                    sim.counters().requests(),
                    u.retries(),
                    u.rateLimited()));
        }
    }
}
