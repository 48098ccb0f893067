package dev.quarry.bench.semantic;

import static dev.quarry.bench.semantic.SemanticBenchSupport.fmt;

import dev.quarry.OperatorMetrics;
import dev.quarry.QueryResult;
import dev.quarry.Session;
import dev.quarry.bench.JvmMeasures;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issue 4, benchmark (b): engine overhead. The same extract + classify run as {@link
 * DedupAndCacheBench} (fresh data directory each time, so nothing is cached) once with the
 * simulator answering instantly and once with 200 ms per answer. The simulator runs in a child JVM
 * ({@link SimulatorProcess}), so this process's CPU time is the engine's own; both share the
 * machine's cores. Figures:
 *
 * <ul>
 *   <li>the instant run's wall time against the 200 ms run's: everything that is not waiting for a
 *       model (DuckDB, prompt rendering, deduplication, the runtime's scheduling, token counting,
 *       JSON writing, parsing and validation, HTTP on loopback), plus the simulator's own work,
 *       which competes for the same cores;
 *   <li>the engine's CPU per request (this process only) and the simulator's;
 *   <li>in the 200 ms run, the wall time beyond the ideal {@code requests × 200 ms / concurrency},
 *       and the wall time during which no model call was in flight (wall time minus the union of the
 *       intervals [arrival, arrival + 200 ms] the simulator logged).
 * </ul>
 *
 * <pre>java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.semantic.EngineOverheadBench [rows] [concurrency] [warm-ups]</pre>
 */
public final class EngineOverheadBench {
    private static final Duration SLOW = Duration.ofMillis(200);

    private EngineOverheadBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional row count (default 10,000), {@code quarry.max_concurrency} (default 64) and
     *     the number of warm-up runs (default 4)
     */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<Map<String, Object>> tickets = SemanticBenchSupport.tickets(rows, 0.30, 42);
        Result instant;
        Result slow;
        try (SimulatorProcess sims = SimulatorProcess.start(Duration.ZERO, SLOW)) {
            // warm up both JVMs (until the JIT has compiled the request paths), DuckDB and the HTTP client
            for (int i = 0; i < warmups; i++) {
                run(SemanticBenchSupport.tickets(rows, 0.30, 7 + i), sims, 0, concurrency);
            }
            instant = run(tickets, sims, 0, concurrency);
            slow = run(tickets, sims, 1, concurrency);
        }
        double ideal = slow.requests * (SLOW.toNanos() / 1e9) / concurrency;
        System.out.println(fmt(
                "instant run: %.2f s wall; engine process %.2f s CPU = %.3f ms per request; simulator process"
                        + " %.2f s CPU = %.3f ms per request",
                instant.seconds,
                instant.cpuSeconds,
                1000 * instant.cpuSeconds / instant.requests,
                instant.simulatorCpuSeconds,
                1000 * instant.simulatorCpuSeconds / instant.requests));
        System.out.println(fmt(
                "instant run: the thread driving the query (DuckDB reads and writes, prompt rendering,"
                        + " deduplication, answer conversion, handing requests to the runtime) used %.2f s CPU"
                        + " = %.3f ms per request",
                instant.driverCpuSeconds, 1000 * instant.driverCpuSeconds / instant.requests));
        System.out.println(fmt(
                "instant run: JIT compilation %.2f s, garbage collection %.2f s (of the engine's CPU and wall time)",
                instant.jitSeconds, instant.gcSeconds));
        System.out.println(fmt(
                "200 ms run: %.2f s wall, ideal %d x 0.2 s / %d = %.2f s, beyond the ideal %.1f %%; no model call"
                        + " in flight during %.2f s = %.1f %% of the wall time",
                slow.seconds,
                slow.requests,
                concurrency,
                ideal,
                100 * (slow.seconds - ideal) / slow.seconds,
                slow.idleSeconds,
                100 * slow.idleSeconds / slow.seconds));
        System.out.println(fmt(
                "instant wall / 200 ms wall = %.1f %% (target <= 10 %%): %s",
                100 * instant.seconds / slow.seconds, instant.seconds <= 0.10 * slow.seconds ? "MET" : "NOT MET"));
        System.out.println(fmt(
                "time outside model calls at 200 ms = %.1f %% (target <= 10 %%): %s",
                100 * slow.idleSeconds / slow.seconds, slow.idleSeconds <= 0.10 * slow.seconds ? "MET" : "NOT MET"));
    }

    private record Result(
            double seconds,
            double cpuSeconds,
            double driverCpuSeconds,
            double simulatorCpuSeconds,
            long requests,
            double idleSeconds,
            double jitSeconds,
            double gcSeconds) {}

    private static Result run(
            List<Map<String, Object>> tickets, SimulatorProcess sims, int simulator, int concurrency) {
        try (Session session = Session.builder()
                .appName("semantic-bench")
                .dataDir(SemanticBenchSupport.tempDir())
                .languageModel("fast", SemanticBenchSupport.model(sims.openAiBaseUrl(simulator)))
                .config("quarry.max_concurrency", Integer.toString(concurrency))
                .build()) {
            SimulatorProcess.Stats before = sims.stats(simulator, Instant.now(), Instant.now());
            double jit = JvmMeasures.jitSeconds();
            double gc = JvmMeasures.gcSeconds();
            double cpu = JvmMeasures.processCpuSeconds();
            long driver = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            Instant begin = Instant.now();
            long start = System.nanoTime();
            QueryResult result = SemanticBenchSupport.pipeline(session, tickets).collect();
            double seconds = (System.nanoTime() - start) / 1e9;
            Instant end = Instant.now();
            cpu = JvmMeasures.processCpuSeconds() - cpu;
            jit = JvmMeasures.jitSeconds() - jit;
            gc = JvmMeasures.gcSeconds() - gc;
            double driverSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - driver) / 1e9;
            SimulatorProcess.Stats after = sims.stats(simulator, begin, end);
            long requests = after.requests() - before.requests();
            System.out.println(fmt(
                    "latency %d ms, concurrency %d: %d rows, %d requests in %.2f s",
                    simulator == 0 ? 0 : SLOW.toMillis(), concurrency, result.size(), requests, seconds));
            for (OperatorMetrics op : result.metrics().operators()) {
                if (op.languageModel().requests() == 0) continue;
                System.out.println(fmt(
                        "  %-28s %8.2f s  %,7d rows  %,6d requests",
                        op.operator(),
                        op.time().toNanos() / 1e9,
                        op.outputRows(),
                        op.languageModel().requests()));
            }
            return new Result(
                    seconds,
                    cpu,
                    driverSeconds,
                    after.cpuSeconds() - before.cpuSeconds(),
                    requests,
                    Math.max(0, seconds - after.busySeconds()),
                    jit,
                    gc);
        }
    }
}
