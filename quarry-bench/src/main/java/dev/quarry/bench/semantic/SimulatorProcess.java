package dev.quarry.bench.semantic;

import dev.quarry.bench.JvmMeasures;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import dev.quarry.testkit.simulator.RecordedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The LLM simulator in a child JVM, so that a benchmark's process runs only the engine: its CPU
 * time is the engine's own, and the simulator's work is measured apart (still on the same cores).
 *
 * <p>The child runs one simulator per requested latency (so that all of them share one warmed-up
 * JVM), prints {@code READY <port> <port> ...} and then answers commands on standard input: {@code
 * stats <simulator-index> <from-epoch-nanos> <to-epoch-nanos>} prints {@code <requests>
 * <busy-seconds> <cpu-seconds>} (requests that simulator received since it started; busy = the
 * length of the union of the intervals during which it was delaying an answer; the child's CPU
 * since it started); {@code quit} stops it.
 *
 * <pre>{@code
 * try (SimulatorProcess sims = SimulatorProcess.start(Duration.ZERO, Duration.ofMillis(200))) {
 *     OpenAIModel slow = OpenAIModel.of("gpt-4.1-nano").baseUrl(sims.openAiBaseUrl(1));
 * }
 * }</pre>
 */
final class SimulatorProcess implements AutoCloseable {
    /** What the simulator saw over a period. */
    record Stats(long requests, double busySeconds, double cpuSeconds) {}

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final List<Integer> ports;

    private SimulatorProcess(Process process, BufferedReader out, PrintWriter in, List<Integer> ports) {
        this.process = process;
        this.out = out;
        this.in = in;
        this.ports = ports;
    }

    /**
     * Starts simulators in a child JVM with this class path.
     *
     * @param latencies the latency of every answer, one simulator each; zero answers at once
     * @return the running simulators
     */
    static SimulatorProcess start(Duration... latencies) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // e.g. -Dquarry.bench.simulatorJvmArgs=-XX:StartFlightRecording=filename=sim.jfr to profile it
        String extra = System.getProperty("quarry.bench.simulatorJvmArgs", "").strip();
        if (!extra.isEmpty()) command.addAll(List.of(extra.split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SimulatorProcess.class.getName()));
        for (Duration d : latencies) command.add(Long.toString(d.toMillis()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter in = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
            String line = out.readLine();
            while (line != null && !line.startsWith("READY ")) {
                System.err.println("simulator process: " + line);
                line = out.readLine();
            }
            if (line == null) {
                p.destroyForcibly();
                throw new IllegalStateException("the simulator process did not start; it printed: " + line);
            }
            List<Integer> ports = new ArrayList<>();
            for (String port : line.substring(6).trim().split(" ")) ports.add(Integer.parseInt(port));
            return new SimulatorProcess(p, out, in, ports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The OpenAI-protocol base URL of a simulator, on 127.0.0.1.
     *
     * @param index the simulator's index, in the order of the latencies given to {@link #start}
     * @return the base URL
     */
    String openAiBaseUrl(int index) {
        return "http://127.0.0.1:" + ports.get(index) + "/v1";
    }

    /**
     * What a simulator saw between two instants.
     *
     * @param index the simulator's index
     * @param from the start
     * @param to the end
     * @return requests, busy seconds and the child's CPU seconds since it started
     */
    Stats stats(int index, Instant from, Instant to) {
        in.println("stats " + index + " " + nanos(from) + " " + nanos(to));
        try {
            String[] parts = out.readLine().trim().split(" ");
            return new Stats(Long.parseLong(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        in.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * The child's entry point.
     *
     * @param args the latency of each simulator in milliseconds
     * @throws IOException if standard input fails
     */
    public static void main(String[] args) throws IOException {
        List<LlmSimulator> sims = new ArrayList<>();
        try {
            StringBuilder ready = new StringBuilder("READY");
            for (String arg : args) {
                long millis = Long.parseLong(arg);
                Latency latency = millis == 0 ? Latency.instant() : Latency.fixed(Duration.ofMillis(millis));
                LlmSimulator sim =
                        LlmSimulator.builder().latency(latency).seed(1).start();
                sims.add(sim);
                if (!sim.baseUrl(Provider.OPENAI).startsWith("http://127.0.0.1:")) {
                    throw new IllegalStateException("the simulator must listen on 127.0.0.1");
                }
                ready.append(' ').append(sim.port());
            }
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            out.println(ready);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String[] parts = line.split(" ");
                if (parts[0].equals("stats")) {
                    LlmSimulator sim = sims.get(Integer.parseInt(parts[1]));
                    long from = Long.parseLong(parts[2]);
                    long to = Long.parseLong(parts[3]);
                    double cpu = JvmMeasures.processCpuSeconds();
                    out.println(sim.counters().requests() + " " + busySeconds(sim.requests(), from, to) + " " + cpu);
                }
            }
        } finally {
            for (LlmSimulator sim : sims) sim.close();
        }
    }

    /** The length of the union of the intervals during which the simulator was answering. */
    static double busySeconds(List<RecordedRequest> log, long begin, long end) {
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
            long from = Math.max(i[0], begin);
            long to = Math.min(i[1], end);
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

    static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
