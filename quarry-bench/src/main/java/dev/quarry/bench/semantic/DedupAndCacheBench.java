package dev.quarry.bench.semantic;

import static dev.quarry.bench.semantic.SemanticBenchSupport.fmt;

import dev.quarry.QueryResult;
import dev.quarry.Session;
import dev.quarry.testkit.simulator.LlmSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 4, benchmark (a): 10,000 tickets, 30 % of them exact duplicates of another, through
 * {@code extract} + {@code classify} against the simulator. Requests sent must equal the distinct
 * prompts (distinct texts x 2 operators); a second run of the same program, in a new session on the
 * same data directory, must send none (persistent response cache).
 *
 * <pre>java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.semantic.DedupAndCacheBench [rows]</pre>
 */
public final class DedupAndCacheBench {
    private DedupAndCacheBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional row count (default 10,000)
     */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<Map<String, Object>> tickets = SemanticBenchSupport.tickets(rows, 0.30, 42);
        long distinct = SemanticBenchSupport.distinctTexts(tickets);
        long expected = 2 * distinct;
        Path dataDir = SemanticBenchSupport.tempDir();
        try (LlmSimulator sim = LlmSimulator.builder().seed(1).start()) {
            long start = System.nanoTime();
            QueryResult first;
            try (Session session = SemanticBenchSupport.session(sim, dataDir)) {
                first = SemanticBenchSupport.pipeline(session, tickets).collect();
            }
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            long sentFirst = sim.counters().requests();

            start = System.nanoTime();
            QueryResult second;
            try (Session session = SemanticBenchSupport.session(sim, dataDir)) {
                second = SemanticBenchSupport.pipeline(session, tickets).collect();
            }
            double secondSeconds = (System.nanoTime() - start) / 1e9;
            long sentSecond = sim.counters().requests() - sentFirst;

            System.out.println(fmt(
                    "rows=%d distinct texts=%d (%.1f %% duplicates) distinct prompts=%d",
                    rows, distinct, 100.0 * (rows - distinct) / rows, expected));
            System.out.println(fmt(
                    "run 1: %d rows in %.1f s, requests sent %d (metrics: %d requests, %d cache hits, $%.4f)",
                    first.size(),
                    firstSeconds,
                    sentFirst,
                    first.metrics().languageModel().requests(),
                    first.metrics().languageModel().cacheHits(),
                    first.metrics().languageModel().costUsd()));
            System.out.println(fmt(
                    "run 2: %d rows in %.1f s, requests sent %d (metrics: %d requests, %d cache hits)",
                    second.size(),
                    secondSeconds,
                    sentSecond,
                    second.metrics().languageModel().requests(),
                    second.metrics().languageModel().cacheHits()));
            boolean ok = sentFirst == expected && sentSecond == 0 && first.size() == rows && second.size() == rows;
            System.out.println(
                    ok
                            ? "MET: requests sent = distinct prompts; second run sent 0"
                            : "NOT MET: expected " + expected + " then 0 requests");
        }
    }
}
