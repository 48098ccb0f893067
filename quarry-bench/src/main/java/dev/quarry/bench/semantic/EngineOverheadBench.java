package dev.quarry.bench.semantic;

import static dev.quarry.bench.semantic.SemanticBenchSupport.fmt;

import dev.quarry.OperatorMetrics;
import dev.quarry.QueryResult;
import dev.quarry.Session;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.RecordedRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Issue 4, benchmark (b): engine overhead. The same extract + classify run as {@link
 * DedupAndCacheBench} (fresh data directory each time, so nothing is cached) once with the
 * simulator answering instantly and once with 200 ms per answer. Two figures:
 *
 * <ul>
 *   <li>the instant run's wall time against the 200 ms run's: everything that is not waiting for a
 *       model (DuckDB, prompt rendering, deduplication, the runtime's scheduling, token counting,
 *       JSON parsing and validation, HTTP on loopback — and the simulator's own work, which runs in
 *       the same process on the same cores);
 *   <li>in the 200 ms run, the wall time during which no model call was in flight (wall time minus
 *       the union of the intervals [arrival, arrival + 200 ms] the simulator logged): the time the
 *       engine makes the user wait beyond the model calls.
 * </ul>
 *
 * <pre>java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.semantic.EngineOverheadBench [rows] [concurrency]</pre>
 */
public final class EngineOverheadBench {
    private EngineOverheadBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional row count (default 10,000) and {@code quarry.max_concurrency} (default 64)
     */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        List<Map<String, Object>> tickets = SemanticBenchSupport.tickets(rows, 0.30, 42);
        // warm up the JVM, DuckDB and the HTTP client
        run(SemanticBenchSupport.tickets(2_000, 0.30, 7), Latency.instant(), concurrency);
        Result instant = run(tickets, Latency.instant(), concurrency);
        Result slow = run(tickets, Latency.fixed(Duration.ofMillis(200)), concurrency);
        System.out.println(fmt(
                "instant run: %.2f s wall, %.2f s process CPU = %.2f ms CPU per request (engine, runtime, HTTP"
                        + " and simulator together)",
                instant.seconds, instant.cpuSeconds, 1000 * instant.cpuSeconds / instant.requests));
        System.out.println(fmt(
                "instant run: the thread driving the query (DuckDB reads and writes, prompt rendering,"
                        + " deduplication, answer conversion, handing requests to the runtime) used %.2f s CPU"
                        + " = %.3f ms per request",
                instant.driverCpuSeconds, 1000 * instant.driverCpuSeconds / instant.requests));
        System.out.println(fmt(
                "200 ms run: %.2f s wall; no model call in flight during %.2f s = %.1f %% of the wall time",
                slow.seconds, slow.idleSeconds, 100 * slow.idleSeconds / slow.seconds));
        System.out.println(fmt(
                "instant wall / 200 ms wall = %.1f %% (target <= 10 %%): %s",
                100 * instant.seconds / slow.seconds, instant.seconds <= 0.10 * slow.seconds ? "MET" : "NOT MET"));
        System.out.println(fmt(
                "time outside model calls at 200 ms = %.1f %% (target <= 10 %%): %s",
                100 * slow.idleSeconds / slow.seconds, slow.idleSeconds <= 0.10 * slow.seconds ? "MET" : "NOT MET"));
    }

    private record Result(
            double seconds, double cpuSeconds, double driverCpuSeconds, long requests, double idleSeconds) {}

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static Result run(List<Map<String, Object>> tickets, Latency latency, int concurrency) {
        try (LlmSimulator sim = LlmSimulator.builder().latency(latency).seed(1).start();
                Session session = Session.builder()
                        .appName("semantic-bench")
                        .dataDir(SemanticBenchSupport.tempDir())
                        .languageModel("fast", SemanticBenchSupport.model(sim))
                        .config("quarry.max_concurrency", Integer.toString(concurrency))
                        .build()) {
            double cpu = processCpuSeconds();
            long driver = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            Instant begin = Instant.now();
            long start = System.nanoTime();
            QueryResult result = SemanticBenchSupport.pipeline(session, tickets).collect();
            double seconds = (System.nanoTime() - start) / 1e9;
            Instant end = Instant.now();
            cpu = processCpuSeconds() - cpu;
            double driverSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - driver) / 1e9;
            long requests = sim.counters().requests();
            double busy = busySeconds(sim.requests(), begin, end);
            System.out.println(fmt(
                    "latency %s, concurrency %d: %d rows, %d requests in %.2f s",
                    latency, concurrency, result.size(), requests, seconds));
            for (OperatorMetrics op : result.metrics().operators()) {
                System.out.println(fmt(
                        "  %-20s %8.2f s  %,7d rows  %,6d requests",
                        op.operator(),
                        op.time().toNanos() / 1e9,
                        op.outputRows(),
                        op.languageModel().requests()));
            }
            return new Result(seconds, cpu, driverSeconds, requests, Math.max(0, seconds - busy));
        }
    }

    /** The length of the union of the intervals during which the simulator was answering. */
    private static double busySeconds(List<RecordedRequest> log, Instant begin, Instant end) {
        List<long[]> intervals = new ArrayList<>();
        for (RecordedRequest r : log) {
            long from = nanos(r.receivedAt());
            intervals.add(new long[] {from, from + r.latency().toNanos()});
        }
        intervals.sort(Comparator.comparingLong(i -> i[0]));
        long total = 0;
        long curFrom = Long.MIN_VALUE;
        long curTo = Long.MIN_VALUE;
        for (long[] i : intervals) {
            long from = Math.max(i[0], nanos(begin));
            long to = Math.min(i[1], nanos(end));
            if (to <= from) {
                continue;
            }
            if (from > curTo) {
                if (curTo > curFrom) {
                    total += curTo - curFrom;
                }
                curFrom = from;
                curTo = to;
            } else {
                curTo = Math.max(curTo, to);
            }
        }
        if (curTo > curFrom) {
            total += curTo - curFrom;
        }
        return total / 1e9;
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
