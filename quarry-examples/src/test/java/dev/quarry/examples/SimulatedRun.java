package dev.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.demo.DemoAnswers;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of an example against its own LLM simulator (demo answers, a little latency): what it
 * returned, what it printed, and what the simulator counted.
 */
final class SimulatedRun<T> {
    private static final Pattern PRINTED_REQUESTS =
            Pattern.compile(Pattern.quote(ExampleKit.TOTAL) + "requests=(\\d+)");

    final T result;
    final String printed;
    final long simulatorRequests;
    final Duration elapsed;

    private SimulatedRun(T result, String printed, long simulatorRequests, Duration elapsed) {
        this.result = result;
        this.printed = printed;
        this.simulatorRequests = simulatorRequests;
        this.elapsed = elapsed;
    }

    static <T> SimulatedRun<T> of(BiFunction<LanguageModelConfig, PrintStream, T> example) {
        try (LlmSimulator sim = LlmSimulator.builder()
                .answers(DemoAnswers.create())
                .latency(Latency.fixed(Duration.ofMillis(5)))
                .start()) {
            LanguageModelConfig model = OpenAIModel.of("gpt-4.1-nano")
                    .baseUrl(sim.baseUrl(Provider.OPENAI))
                    .apiKey("sk-example-test")
                    .rpm(60_000)
                    .tpm(100_000_000);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            long start = System.nanoTime();
            T result = example.apply(model, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            return new SimulatedRun<>(
                    result,
                    bytes.toString(StandardCharsets.UTF_8),
                    sim.counters().requests(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The request count on the example's printed total line. */
    long printedRequests() {
        Matcher m = PRINTED_REQUESTS.matcher(printed);
        assertThat(m.find()).as("total line in:%n%s", printed).isTrue();
        return Long.parseLong(m.group(1));
    }
}
