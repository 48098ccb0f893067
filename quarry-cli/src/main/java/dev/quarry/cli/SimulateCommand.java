package dev.quarry.cli;

import dev.quarry.QuarryException;
import dev.quarry.testkit.simulator.Counters;
import dev.quarry.testkit.simulator.FaultKind;
import dev.quarry.testkit.simulator.Faults;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code quarry simulate}: runs the LLM simulator on 127.0.0.1 until interrupted, so any client can
 * be pointed at it by hand.
 *
 * <pre>{@code
 * quarry simulate --port 8089 --rpm 500 --tpm 200000 --latency-ms 200
 * }</pre>
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the LLM simulator on 127.0.0.1: OpenAI, Anthropic, Gemini and Cohere wire protocols with rate"
                    + " limits, latency and fault injection.",
            "Prints each provider's base URL and serves until interrupted (Ctrl-C)."
        })
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 0;

    @Option(names = "--rpm", description = "Requests per minute per model; 0 = unlimited (default: ${DEFAULT-VALUE}).")
    long rpm = 0;

    @Option(
            names = "--tpm",
            description = "Input + output tokens per minute per model; 0 = unlimited (default: ${DEFAULT-VALUE}).")
    long tpm = 0;

    @Option(names = "--input-tpm", description = "Input tokens per minute per model (Anthropic style); 0 = unlimited.")
    long inputTpm = 0;

    @Option(
            names = "--output-tpm",
            description = "Output tokens per minute per model (Anthropic style); 0 = unlimited.")
    long outputTpm = 0;

    @Option(names = "--latency-ms", description = "Mean answer latency in milliseconds (default: ${DEFAULT-VALUE}).")
    long latencyMs = 0;

    @Option(
            names = "--latency-sd-ms",
            description = "Standard deviation of the latency in milliseconds: normal latency when > 0.")
    long latencySdMs = 0;

    @Option(
            names = "--latency-p99-ms",
            description = "99th percentile latency in milliseconds: long-tailed (log-normal) latency around"
                    + " --latency-ms as the median.")
    long latencyP99Ms = 0;

    @Option(
            names = "--fault-rate",
            description = "Share of accepted requests that get a fault, 0..1 (default: ${DEFAULT-VALUE}).")
    double faultRate = 0;

    @Option(
            names = "--faults",
            split = ",",
            description = "Fault kinds to draw from when --fault-rate > 0 (default: SERVER_ERROR,OVERLOADED). One of: "
                    + "${COMPLETION-CANDIDATES}.")
    List<FaultKind> faultKinds = new ArrayList<>(List.of(FaultKind.SERVER_ERROR, FaultKind.OVERLOADED));

    @Option(
            names = "--models",
            split = ",",
            description = "Known model names; others get the provider's 404. Default: any model name is accepted.")
    List<String> models = new ArrayList<>();

    @Option(
            names = "--api-key",
            description = "Require exactly this API key (never printed). Default: any non-empty key is accepted.")
    String apiKey;

    @Option(names = "--seed", description = "Seed for latency, faults and default answers (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(
            names = "--stats-seconds",
            description = "Print the counters every N seconds while requests arrive; 0 = never (default:"
                    + " ${DEFAULT-VALUE}).")
    int statsSeconds = 10;

    private final CountDownLatch stop = new CountDownLatch(1);
    /** Completed with the port once the simulator serves; lets tests and embedders wait for it. */
    final CompletableFuture<Integer> ready = new CompletableFuture<>();

    /**
     * Starts the simulator, prints the base URLs and serves until the process is interrupted.
     *
     * <pre>{@code int exit = new CommandLine(new SimulateCommand()).execute("--rpm", "500");}</pre>
     *
     * @return the exit code, 0 after a clean stop
     */
    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LlmSimulator sim = start();
        Thread hook = new Thread(this::stop, "quarry-simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            printBanner(out, sim);
            ready.complete(sim.port());
            serve(out, sim);
        } finally {
            sim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: that is how we got here
            }
        }
        out.println("Simulator stopped after " + sim.counters().requests() + " requests.");
        out.flush();
        return 0;
    }

    /**
     * Asks a running {@link #call()} to stop and return; what the shutdown hook does on Ctrl-C.
     *
     * <pre>{@code command.stop();}</pre>
     */
    public void stop() {
        stop.countDown();
    }

    private LlmSimulator start() {
        try {
            LlmSimulator.Builder b = LlmSimulator.builder()
                    .port(port)
                    .rpm(rpm)
                    .tpm(tpm)
                    .inputTpm(inputTpm)
                    .outputTpm(outputTpm)
                    .latency(latency())
                    .seed(seed)
                    .requestLogLimit(10_000);
            if (faultRate > 0) {
                b.faults(Faults.rate(faultRate, faultKinds.toArray(FaultKind[]::new)));
            }
            if (!models.isEmpty()) {
                b.models(models.toArray(String[]::new));
            }
            if (apiKey != null) {
                b.apiKey(apiKey);
            }
            return b.start();
        } catch (QuarryException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Latency latency() {
        if (latencyMs < 0 || latencySdMs < 0 || latencyP99Ms < 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Latencies must be >= 0 ms; got --latency-ms " + latencyMs + ", --latency-sd-ms " + latencySdMs
                            + ", --latency-p99-ms " + latencyP99Ms + ".");
        }
        if (latencyP99Ms > 0) {
            if (latencyMs == 0 || latencyP99Ms < latencyMs) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--latency-p99-ms " + latencyP99Ms + " needs --latency-ms (the median) > 0 and at most the"
                                + " p99; got --latency-ms " + latencyMs + ".");
            }
            return Latency.longTail(Duration.ofMillis(latencyMs), Duration.ofMillis(latencyP99Ms));
        }
        if (latencySdMs > 0) {
            return Latency.normal(Duration.ofMillis(latencyMs), Duration.ofMillis(latencySdMs));
        }
        return latencyMs == 0 ? Latency.instant() : Latency.fixed(Duration.ofMillis(latencyMs));
    }

    private void printBanner(PrintWriter out, LlmSimulator sim) {
        out.printf(
                Locale.ROOT,
                "Quarry LLM simulator on 127.0.0.1:%d (rpm %s, tpm %s, latency %s, faults %s)%n",
                sim.port(),
                limit(rpm),
                limit(tpm),
                describeLatency(),
                faultRate > 0 ? faultRate + " of " + faultKinds : "none");
        out.printf(
                "  OpenAI     %s   (POST /chat/completions, /embeddings; GET /models)%n", sim.baseUrl(Provider.OPENAI));
        out.printf("  Anthropic  %s      (POST /v1/messages)%n", sim.baseUrl(Provider.ANTHROPIC));
        out.printf(
                "  Gemini     %s      (POST /v1beta/models/{model}:generateContent, :embedContent,"
                        + " :batchEmbedContents)%n",
                sim.baseUrl(Provider.GEMINI));
        out.printf("  Cohere     %s      (POST /v2/embed)%n", sim.baseUrl(Provider.COHERE));
        out.println(
                apiKey == null
                        ? "Any non-empty API key is accepted. Press Ctrl-C to stop."
                        : "Only the configured API key is accepted. Press Ctrl-C to stop.");
        out.flush();
    }

    private void serve(PrintWriter out, LlmSimulator sim) throws InterruptedException {
        long lastSeen = 0;
        while (true) {
            boolean stopped = statsSeconds > 0 ? stop.await(statsSeconds, TimeUnit.SECONDS) : awaitForever();
            if (stopped) {
                return;
            }
            Counters c = sim.counters();
            if (c.requests() != lastSeen) {
                lastSeen = c.requests();
                out.println(describe(c));
                out.flush();
            }
        }
    }

    private boolean awaitForever() throws InterruptedException {
        stop.await();
        return true;
    }

    static String describe(Counters c) {
        Map<Integer, Long> statuses = new TreeMap<>(c.responsesByStatus());
        StringBuilder sb = new StringBuilder();
        sb.append("requests ").append(c.requests()).append(" (");
        boolean first = true;
        for (Map.Entry<Integer, Long> e : statuses.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
            first = false;
        }
        sb.append("), rate-limited ")
                .append(c.rateLimited())
                .append(", faults ")
                .append(c.faultsInjected())
                .append(", tokens in ")
                .append(c.inputTokens())
                .append(" out ")
                .append(c.outputTokens());
        return sb.toString();
    }

    private static String limit(long value) {
        return value == 0 ? "unlimited" : Long.toString(value);
    }

    private String describeLatency() {
        if (latencyP99Ms > 0) {
            return "median " + latencyMs + " ms, p99 " + latencyP99Ms + " ms";
        }
        if (latencySdMs > 0) {
            return latencyMs + " ± " + latencySdMs + " ms";
        }
        return latencyMs == 0 ? "instant" : latencyMs + " ms";
    }
}
