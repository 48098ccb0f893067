package dev.quarry.testkit.simulator;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP server that speaks the OpenAI, Anthropic, Gemini and Cohere wire protocols, for
 * tests, benchmarks and offline demos. It validates requests as the real services do, answers with
 * their response shapes and usage fields, enforces per-model rate limits with their 429 bodies and
 * headers, waits as a latency model says, and injects faults on request. It binds to 127.0.0.1
 * only.
 *
 * <pre>{@code
 * try (LlmSimulator sim = LlmSimulator.builder()
 *         .rpm(3000).tpm(1_000_000)
 *         .latency(Latency.normal(Duration.ofMillis(200), Duration.ofMillis(50)))
 *         .faults(Faults.rate(0.05, FaultKind.SERVER_ERROR))
 *         .seed(42)
 *         .start()) {
 *     String openAiBase = sim.baseUrl(Provider.OPENAI); // http://127.0.0.1:PORT/v1
 *     // ... run the code under test against it ...
 *     assertThat(sim.counters().rateLimited()).isZero();
 * }
 * }</pre>
 */
public final class LlmSimulator implements AutoCloseable {
    private final SimulatorEngine engine;
    private final HttpFront front;
    private final String description;

    private LlmSimulator(SimulatorEngine engine, HttpFront front, String description) {
        this.engine = engine;
        this.front = front;
        this.description = description;
    }

    /**
     * A builder with the defaults: ephemeral port, no rate limits, instant answers, default answers,
     * hashed embeddings, no faults, seed 0, any non-empty API key accepted.
     *
     * <pre>{@code LlmSimulator sim = LlmSimulator.builder().start();}</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The TCP port the simulator listens on (on 127.0.0.1).
     *
     * <pre>{@code int port = sim.port();}</pre>
     *
     * @return the port
     */
    public int port() {
        return front.port();
    }

    /**
     * The base URL to configure a provider client with: {@code http://127.0.0.1:PORT/v1} for OpenAI
     * (clients append {@code /chat/completions}), {@code http://127.0.0.1:PORT} for Anthropic
     * ({@code /v1/messages}), Gemini ({@code /v1beta/models/...}) and Cohere ({@code /v2/embed}).
     *
     * <pre>{@code OpenAIModel.of("gpt-4.1-nano").baseUrl(sim.baseUrl(Provider.OPENAI))}</pre>
     *
     * @param provider the provider
     * @return its base URL, without a trailing slash
     */
    public String baseUrl(Provider provider) {
        requireNonNull(provider, "provider is null");
        return "http://127.0.0.1:" + port() + provider.basePath();
    }

    /**
     * Every request received (up to the request-log limit, oldest dropped first), in arrival order.
     *
     * <pre>{@code assertThat(sim.requests()).hasSize(3);}</pre>
     *
     * @return an immutable copy of the request log
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(engine.requests());
    }

    /**
     * A snapshot of the counters.
     *
     * <pre>{@code long served = sim.counters().responses(200);}</pre>
     *
     * @return the counters now
     */
    public Counters counters() {
        return engine.counters();
    }

    /**
     * Clears the request log and the counters, refills every rate-limit bucket and restarts the fault
     * script, as if the simulator had just started (on the same port).
     *
     * <pre>{@code sim.reset();}</pre>
     */
    public void reset() {
        engine.reset();
    }

    /**
     * Replaces the fault plan for requests that arrive from now on. The script restarts at its first
     * entry.
     *
     * <pre>{@code sim.faults(Faults.script(FaultKind.OVERLOADED));}</pre>
     *
     * @param faults the new plan
     */
    public void faults(Faults faults) {
        requireNonNull(faults, "faults is null");
        engine.faults(faults);
    }

    /**
     * Stops the server; pending answers and held connections are closed.
     *
     * <pre>{@code sim.close();}</pre>
     */
    @Override
    public void close() {
        front.close();
    }

    @Override
    public String toString() {
        return "LlmSimulator[http://127.0.0.1:" + port() + ", " + description + "]";
    }

    /** Configures and starts an {@link LlmSimulator}. Each setter validates its argument. */
    public static final class Builder {
        private int port;
        private Limits limits = Limits.none();
        private final Map<String, Limits> modelLimits = new HashMap<>();
        private final Set<String> models = new LinkedHashSet<>();
        private @Nullable String apiKey;
        private Latency latency = Latency.instant();
        private AnswerFunction answers = AnswerFunction.defaults();
        private @Nullable EmbeddingFunction embeddings;
        private final Map<String, Integer> dimensions = new HashMap<>();
        private int defaultDimensions = 1536;
        private Faults faults = Faults.none();
        private long seed;
        private InstantSource clock = InstantSource.system();
        private TokenCharge tokenCharge = TokenCharge.ACTUAL_OUTPUT;
        private int requestLogLimit = 100_000;

        private Builder() {}

        /**
         * The port to listen on; 0 (the default) picks a free one.
         *
         * <pre>{@code LlmSimulator.builder().port(8089)}</pre>
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Port must be between 0 and 65535 (0 = any free port), got " + port + ".");
            }
            this.port = port;
            return this;
        }

        /**
         * Requests per minute allowed for each model (0 = unlimited, the default).
         *
         * <pre>{@code LlmSimulator.builder().rpm(3000)}</pre>
         *
         * @param rpm requests per minute
         * @return this builder
         */
        public Builder rpm(long rpm) {
            this.limits = limits.withRpm(rpm);
            return this;
        }

        /**
         * Input + output tokens per minute allowed for each model (0 = unlimited, the default).
         *
         * <pre>{@code LlmSimulator.builder().tpm(1_000_000)}</pre>
         *
         * @param tpm tokens per minute
         * @return this builder
         */
        public Builder tpm(long tpm) {
            this.limits = limits.withTpm(tpm);
            return this;
        }

        /**
         * Input tokens per minute allowed for each model, Anthropic style (0 = unlimited).
         *
         * <pre>{@code LlmSimulator.builder().inputTpm(50_000)}</pre>
         *
         * @param inputTpm input tokens per minute
         * @return this builder
         */
        public Builder inputTpm(long inputTpm) {
            this.limits = limits.withInputTpm(inputTpm);
            return this;
        }

        /**
         * Output tokens per minute allowed for each model, Anthropic style (0 = unlimited).
         *
         * <pre>{@code LlmSimulator.builder().outputTpm(10_000)}</pre>
         *
         * @param outputTpm output tokens per minute
         * @return this builder
         */
        public Builder outputTpm(long outputTpm) {
            this.limits = limits.withOutputTpm(outputTpm);
            return this;
        }

        /**
         * The limits of every model that has no limits of its own.
         *
         * <pre>{@code LlmSimulator.builder().limits(Limits.of(500, 200_000))}</pre>
         *
         * @param limits the default limits
         * @return this builder
         */
        public Builder limits(Limits limits) {
            this.limits = requireNonNull(limits, "limits is null");
            return this;
        }

        /**
         * Limits for one model, replacing the defaults for it. Buckets are per model, as at the real
         * providers.
         *
         * <pre>{@code LlmSimulator.builder().modelLimits("claude-haiku-4-5", Limits.none().withRpm(50).withInputTpm(50_000))}</pre>
         *
         * @param model the model name as clients send it
         * @param limits its limits
         * @return this builder
         */
        public Builder modelLimits(String model, Limits limits) {
            requireNonNull(model, "model is null");
            requireNonNull(limits, "limits is null");
            modelLimits.put(model, limits);
            return this;
        }

        /**
         * The models the simulator knows; a request naming another gets the provider's 404 "model not
         * found" answer. By default every model name is accepted.
         *
         * <pre>{@code LlmSimulator.builder().models("gpt-4.1-nano", "text-embedding-3-small")}</pre>
         *
         * @param names model names
         * @return this builder
         */
        public Builder models(String... names) {
            requireNonNull(names, "names is null");
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    throw new QuarryException(
                            ErrorCode.INVALID_ARGUMENT,
                            "Model names must not be blank; got "
                                    + List.of(names).size() + " names with a blank one.");
                }
                models.add(n);
            }
            return this;
        }

        /**
         * Requires exactly this API key (by each provider's own header or parameter). By default any
         * non-empty key is accepted and a missing one is refused. The key is never logged or printed.
         *
         * <pre>{@code LlmSimulator.builder().apiKey("sk-test")}</pre>
         *
         * @param key the key clients must send
         * @return this builder
         */
        public Builder apiKey(String key) {
            requireNonNull(key, "key is null");
            if (key.isBlank()) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "The required API key must not be blank; omit apiKey(...) to" + " accept any non-empty key.");
            }
            this.apiKey = key;
            return this;
        }

        /**
         * The latency model for accepted requests (default {@link Latency#instant()}).
         *
         * <pre>{@code LlmSimulator.builder().latency(Latency.fixed(Duration.ofMillis(200)))}</pre>
         *
         * @param latency the latency model
         * @return this builder
         */
        public Builder latency(Latency latency) {
            this.latency = requireNonNull(latency, "latency is null");
            return this;
        }

        /**
         * What the simulated models answer (default {@link AnswerFunction#defaults()}).
         *
         * <pre>{@code LlmSimulator.builder().answers(request -> "{\"label\":\"billing\"}")}</pre>
         *
         * @param answers the answer function
         * @return this builder
         */
        public Builder answers(AnswerFunction answers) {
            this.answers = requireNonNull(answers, "answers is null");
            return this;
        }

        /**
         * How embeddings are computed (default {@link EmbeddingFunction#hashed(long)} with the seed).
         *
         * <pre>{@code LlmSimulator.builder().embeddings(EmbeddingFunction.hashed(7))}</pre>
         *
         * @param embeddings the embedding function
         * @return this builder
         */
        public Builder embeddings(EmbeddingFunction embeddings) {
            this.embeddings = requireNonNull(embeddings, "embeddings is null");
            return this;
        }

        /**
         * The native dimensions of an embedding model (well-known models are preset, e.g.
         * {@code text-embedding-3-small} 1536, {@code embed-english-v3.0} 1024,
         * {@code text-embedding-004} 768).
         *
         * <pre>{@code LlmSimulator.builder().embeddingDimensions("my-embedder", 384)}</pre>
         *
         * @param model the model name
         * @param dims its dimensions, positive
         * @return this builder
         */
        public Builder embeddingDimensions(String model, int dims) {
            requireNonNull(model, "model is null");
            this.dimensions.put(model, positiveDims(dims));
            return this;
        }

        /**
         * The dimensions of embedding models that are neither preset nor configured (default 1536).
         *
         * <pre>{@code LlmSimulator.builder().defaultEmbeddingDimensions(384)}</pre>
         *
         * @param dims dimensions, positive
         * @return this builder
         */
        public Builder defaultEmbeddingDimensions(int dims) {
            this.defaultDimensions = positiveDims(dims);
            return this;
        }

        private static int positiveDims(int dims) {
            if (dims < 1 || dims > 65536) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Embedding dimensions must be between 1 and 65536, got " + dims + ".");
            }
            return dims;
        }

        /**
         * Faults to inject (default {@link Faults#none()}).
         *
         * <pre>{@code LlmSimulator.builder().faults(Faults.rate(0.05, FaultKind.SERVER_ERROR))}</pre>
         *
         * @param faults the fault plan
         * @return this builder
         */
        public Builder faults(Faults faults) {
            this.faults = requireNonNull(faults, "faults is null");
            return this;
        }

        /**
         * The seed behind every random choice (latency, faults, ids, default answers' values). Equal
         * seeds and equal requests give equal answers.
         *
         * <pre>{@code LlmSimulator.builder().seed(42)}</pre>
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The clock the rate limits refill by and timestamps come from (default the system clock).
         * Tests pass a controllable one to exercise limits without sleeping.
         *
         * <pre>{@code LlmSimulator.builder().clock(fakeClock)}</pre>
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * How output tokens are charged against TPM limits (default {@link TokenCharge#ACTUAL_OUTPUT}).
         *
         * <pre>{@code LlmSimulator.builder().tokenCharge(TokenCharge.MAX_OUTPUT)}</pre>
         *
         * @param charge the charging rule
         * @return this builder
         */
        public Builder tokenCharge(TokenCharge charge) {
            this.tokenCharge = requireNonNull(charge, "charge is null");
            return this;
        }

        /**
         * How many requests the log keeps; older ones are dropped (default 100,000). Counters are not
         * affected.
         *
         * <pre>{@code LlmSimulator.builder().requestLogLimit(1000)}</pre>
         *
         * @param limit at least 0
         * @return this builder
         */
        public Builder requestLogLimit(int limit) {
            if (limit < 0) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT, "requestLogLimit must be >= 0, got " + limit + ".");
            }
            this.requestLogLimit = limit;
            return this;
        }

        /**
         * Starts the simulator on 127.0.0.1.
         *
         * <pre>{@code try (LlmSimulator sim = LlmSimulator.builder().start()) { ... }}</pre>
         *
         * @return the running simulator; close it when done
         * @throws QuarryException {@link ErrorCode#IO_ERROR} if the port cannot be bound
         */
        public LlmSimulator start() {
            Map<String, Integer> dims = Map.copyOf(dimensions);
            int fallback = defaultDimensions;
            ProviderProtocol.Context context = new ProviderProtocol.Context(
                    apiKey,
                    Set.copyOf(models),
                    model -> dims.getOrDefault(model, KnownModels.dimensions(model, fallback)),
                    clock);
            EmbeddingFunction emb = embeddings != null ? embeddings : EmbeddingFunction.hashed(seed);
            SimulatorEngine engine = new SimulatorEngine(
                    new SimulatorEngine.Settings(seed, clock, latency, answers, emb, tokenCharge, requestLogLimit),
                    context,
                    limits,
                    modelLimits,
                    faults);
            HttpFront front;
            try {
                front = new HttpFront(engine, port);
            } catch (IOException e) {
                throw new QuarryException(
                        ErrorCode.IO_ERROR,
                        "Cannot start the LLM simulator on 127.0.0.1:" + port + ": " + e.getMessage()
                                + ". Choose another port, or 0 for any free one.",
                        e);
            }
            String description = "limits=" + limits + (modelLimits.isEmpty() ? "" : ", modelLimits=" + modelLimits)
                    + ", latency=" + latency + ", faults=" + faults + ", seed=" + seed
                    + (apiKey == null ? "" : ", apiKey=[required]");
            return new LlmSimulator(engine, front, description);
        }
    }
}
