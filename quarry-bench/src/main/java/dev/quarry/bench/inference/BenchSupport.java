package dev.quarry.bench.inference;

import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.ChatResult;
import dev.quarry.inference.InferenceRuntime;
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
     * Requests per minute accepted by the server after its bucket's initial burst: counts the
     * 200-answered requests after the first {@code burst} ones and divides by the time they took.
     */
    static double steadyRatePerMinute(List<RecordedRequest> log, int burst) {
        List<Instant> ok = new ArrayList<>();
        for (RecordedRequest r : log) if (r.status() == 200) ok.add(r.receivedAt());
        ok.sort(null);
        if (ok.size() <= burst + 1) return Double.NaN;
        Instant start = ok.get(burst);
        Instant end = ok.get(ok.size() - 1);
        double seconds = (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
        return (ok.size() - 1 - burst) / seconds * 60.0;
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
