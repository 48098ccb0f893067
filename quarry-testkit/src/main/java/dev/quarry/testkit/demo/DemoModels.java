package dev.quarry.testkit.demo;

import static java.util.Objects.requireNonNull;

import dev.quarry.QuarryException;
import dev.quarry.models.AnthropicModel;
import dev.quarry.models.GeminiModel;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The language model a demo or example runs on: a real provider when its key is in the
 * environment ({@code OPENAI_API_KEY}, else {@code ANTHROPIC_API_KEY}, else {@code GEMINI_API_KEY}
 * or {@code GOOGLE_API_KEY}; a cheap model of that provider), otherwise the LLM simulator started
 * on 127.0.0.1 with {@link DemoAnswers}. Close it to stop the simulator.
 *
 * <pre>{@code
 * try (DemoModels models = DemoModels.fromEnvironment(System.getenv())) {
 *     System.out.println(models.description());
 *     Session session = Session.builder().languageModel("fast", models.languageModel()).build();
 *     // ...
 * }
 * }</pre>
 */
public final class DemoModels implements AutoCloseable {
    /** The OpenAI model used with {@code OPENAI_API_KEY}, and the model name the simulator answers as. */
    public static final String OPENAI_MODEL = "gpt-4.1-nano";
    /** The Anthropic model used with {@code ANTHROPIC_API_KEY}. */
    public static final String ANTHROPIC_MODEL = "claude-haiku-4-5";
    /** The Gemini model used with {@code GEMINI_API_KEY} or {@code GOOGLE_API_KEY}. */
    public static final String GEMINI_MODEL = "gemini-2.5-flash-lite";
    /** The simulator's latency: quick, but not instant, so concurrency shows. */
    public static final Latency SIMULATED_LATENCY = Latency.normal(Duration.ofMillis(30), Duration.ofMillis(10));

    private final LanguageModelConfig model;
    private final String description;
    private final @Nullable LlmSimulator simulator;

    private DemoModels(LanguageModelConfig model, String description, @Nullable LlmSimulator simulator) {
        this.model = model;
        this.description = description;
        this.simulator = simulator;
    }

    /**
     * Picks the provider whose key {@code environment} holds, or starts the simulator when none does.
     *
     * <pre>{@code DemoModels models = DemoModels.fromEnvironment(System.getenv());}</pre>
     *
     * @param environment environment variables (usually {@code System.getenv()})
     * @return the choice; close it when done
     */
    public static DemoModels fromEnvironment(Map<String, String> environment) {
        requireNonNull(environment, "environment is null");
        String openAi = key(environment, "OPENAI_API_KEY");
        if (openAi != null) {
            return new DemoModels(
                    OpenAIModel.of(OPENAI_MODEL).apiKey(openAi),
                    "using OpenAI " + OPENAI_MODEL + " (key from OPENAI_API_KEY)",
                    null);
        }
        String anthropic = key(environment, "ANTHROPIC_API_KEY");
        if (anthropic != null) {
            return new DemoModels(
                    AnthropicModel.of(ANTHROPIC_MODEL).apiKey(anthropic),
                    "using Anthropic " + ANTHROPIC_MODEL + " (key from ANTHROPIC_API_KEY)",
                    null);
        }
        String geminiVariable = key(environment, "GEMINI_API_KEY") != null ? "GEMINI_API_KEY" : "GOOGLE_API_KEY";
        String gemini = key(environment, geminiVariable);
        if (gemini != null) {
            return new DemoModels(
                    GeminiModel.of(GEMINI_MODEL).apiKey(gemini),
                    "using Gemini " + GEMINI_MODEL + " (key from " + geminiVariable + ")",
                    null);
        }
        return simulated(SIMULATED_LATENCY);
    }

    /**
     * Starts the simulator with {@link DemoAnswers} on 127.0.0.1 and a model config pointed at it.
     *
     * <pre>{@code DemoModels models = DemoModels.simulated(Latency.instant());}</pre>
     *
     * @param latency the simulated answer latency
     * @return the choice; close it to stop the simulator
     */
    public static DemoModels simulated(Latency latency) {
        return simulated(latency, 0);
    }

    /**
     * Like {@link #simulated(Latency)}, listening on {@code preferredPort} when it is free (else on
     * any free port). The base URL is part of what the response cache keys answers on, so a demo
     * that runs the simulator on the same port as last time finds last time's answers in its cache.
     *
     * <pre>{@code DemoModels models = DemoModels.simulated(DemoModels.SIMULATED_LATENCY, 18089);}</pre>
     *
     * @param latency the simulated answer latency
     * @param preferredPort the port to try first, 0 for any free port
     * @return the choice; close it to stop the simulator
     */
    public static DemoModels simulated(Latency latency, int preferredPort) {
        requireNonNull(latency, "latency is null");
        LlmSimulator sim;
        try {
            sim = startSimulator(latency, preferredPort);
        } catch (QuarryException e) {
            if (preferredPort == 0) {
                throw e;
            }
            sim = startSimulator(latency, 0);
        }
        String baseUrl = sim.baseUrl(Provider.OPENAI);
        // the simulator has no rate limits: let the client go as fast as it answers
        LanguageModelConfig model = OpenAIModel.of(OPENAI_MODEL)
                .baseUrl(baseUrl)
                .apiKey("simulated")
                .rpm(60_000)
                .tpm(100_000_000);
        return new DemoModels(
                model,
                "no provider key found, using the built-in LLM simulator at " + baseUrl + " (answers are simulated)",
                sim);
    }

    private static LlmSimulator startSimulator(Latency latency, int port) {
        return LlmSimulator.builder()
                .answers(DemoAnswers.create())
                .latency(latency)
                .port(port)
                .start();
    }

    private static @Nullable String key(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The language model to configure in the session.
     *
     * <pre>{@code Session.builder().languageModel("fast", models.languageModel())}</pre>
     *
     * @return the model config
     */
    public LanguageModelConfig languageModel() {
        return model;
    }

    /**
     * What runs the model, for the first line a demo prints, e.g. {@code no provider key found,
     * using the built-in LLM simulator at http://127.0.0.1:PORT/v1 (answers are simulated)}. Never
     * contains a key.
     *
     * <pre>{@code System.out.println("Quarry demo — " + models.description());}</pre>
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Whether the answers come from the simulator.
     *
     * <pre>{@code if (models.isSimulated()) { ... }}</pre>
     *
     * @return true when no provider key was found
     */
    public boolean isSimulated() {
        return simulator != null;
    }

    /**
     * The running simulator, when the answers are simulated.
     *
     * <pre>{@code long sent = models.simulator().map(s -> s.counters().requests()).orElse(-1L);}</pre>
     *
     * @return the simulator, or empty with a real provider
     */
    public Optional<LlmSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /**
     * Stops the simulator, if one was started.
     *
     * <pre>{@code models.close();}</pre>
     */
    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Override
    public String toString() {
        return "DemoModels[" + description + "]";
    }
}
