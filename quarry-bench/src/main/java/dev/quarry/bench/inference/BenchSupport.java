package dev.quarry.bench.inference;

import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import dev.quarry.testkit.simulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Shared helpers of the end-to-end inference benchmarks. */
final class BenchSupport {
    private BenchSupport() {}

    /** The simulator as model "gpt-4.1-nano" over the OpenAI protocol; callers set its limits. */
    static OpenAIModel model(LlmSimulator sim) {
        return OpenAIModel.of("gpt-4.1-nano")
                .baseUrl(sim.baseUrl(Provider.OPENAI))
                .apiKey("sk-bench");
    }

    static Path tempDataDir() {
        try {
            return Files.createTempDirectory("quarry-bench-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends {@code n} distinct requests, waits for all, returns the results. */
    static List<ChatResult> sendAll(
            InferenceRuntime rt, String alias, int n, java.util.function.IntFunction<ChatRequest> request) {
        List<CompletableFuture<ChatResult>> fs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) fs.add(rt.chat(alias, request.apply(i)));
        List<ChatResult> out = new ArrayList<>(n);
        for (CompletableFuture<ChatResult> f : fs) out.add(f.join());
        return out;
    }

    /**
     * Replays the server's request bucket (capacity = rpm, starts full, continuous refill) over the
     * arrival times of the answered requests, finds when it first ran (nearly) dry — under 2 % of its capacity —, and returns the rate
     * accepted from then to the end (requests per minute) and how many requests that window held.
     * Before the bucket runs dry a client is not limited by the rate at all (it rides the initial
     * burst), so only this window says how close to the limit a client can run.
     */
    static double[] rateAfterBucketRanDry(List<RecordedRequest> log, int rpm) {
        List<Instant> ok = new ArrayList<>();
        for (RecordedRequest r : log) if (r.status() == 200) ok.add(r.receivedAt());
        ok.sort(null);
        double level = rpm;
        double perNano = rpm / 60e9;
        long last = ok.isEmpty() ? 0 : nanos(ok.get(0));
        int dryAt = -1;
        for (int i = 0; i < ok.size(); i++) {
            long t = nanos(ok.get(i));
            level = Math.min(rpm, level + (t - last) * perNano);
            last = t;
            level -= 1;
            if (level < 0.02 * rpm && dryAt < 0) dryAt = i; // within 2 % of empty
        }
        if (dryAt < 0 || dryAt >= ok.size() - 2) return new double[] {Double.NaN, 0};
        double seconds = (nanos(ok.get(ok.size() - 1)) - nanos(ok.get(dryAt))) / 1e9;
        int count = ok.size() - 1 - dryAt;
        return new double[] {count / seconds * 60.0, count};
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
