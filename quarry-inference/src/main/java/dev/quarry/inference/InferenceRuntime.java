package dev.quarry.inference;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.anthropic.AnthropicProtocol;
import dev.quarry.inference.cache.ResponseCache;
import dev.quarry.inference.cohere.CohereProtocol;
import dev.quarry.inference.gemini.GeminiProtocol;
import dev.quarry.inference.http.HttpTransport;
import dev.quarry.inference.http.JdkHttpTransport;
import dev.quarry.inference.openai.OpenAiProtocol;
import dev.quarry.inference.pricing.CatalogEntry;
import dev.quarry.inference.pricing.PriceCatalog;
import dev.quarry.inference.provider.ChatProtocol;
import dev.quarry.inference.provider.ChatReply;
import dev.quarry.inference.provider.EmbeddingProtocol;
import dev.quarry.inference.provider.Json;
import dev.quarry.inference.provider.TokenUsage;
import dev.quarry.inference.ratelimit.Backoff;
import dev.quarry.inference.ratelimit.TokenCost;
import dev.quarry.inference.scheduler.ModelScheduler;
import dev.quarry.models.AnthropicModel;
import dev.quarry.models.CohereEmbeddingModel;
import dev.quarry.models.EmbeddingModelConfig;
import dev.quarry.models.GeminiEmbeddingModel;
import dev.quarry.models.GeminiModel;
import dev.quarry.models.HostedModelConfig;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.models.ModelPrice;
import dev.quarry.models.OpenAIEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sends a session's model requests: one scheduler per configured model (rate limits, concurrency,
 * retries), a persistent response cache under the data directory, deduplication of identical
 * requests in flight, token and cost accounting per query and operator, and cost estimates before
 * anything is sent.
 *
 * <pre>{@code
 * try (InferenceRuntime runtime = InferenceRuntime.builder()
 *         .languageModel("fast", OpenAIModel.of("gpt-4.1-nano").rpm(500).tpm(200_000))
 *         .embeddingModel("emb", OpenAIEmbeddingModel.of("text-embedding-3-small"))
 *         .dataDir(Path.of(".quarry"))
 *         .build()) {
 *     ChatResult r = runtime.chat("fast", ChatRequest.of("Say hi"), UsageKey.of("q1", "map#1")).join();
 *     List<float[]> v = runtime.embed("emb", List.of("hello"), UsageKey.of("q1", "embed#2")).join();
 *     System.out.println(runtime.usage().usageOfQuery("q1", ModelKind.LANGUAGE));
 * }
 * }</pre>
 */
public final class InferenceRuntime implements AutoCloseable {
    private final Map<String, ChatModel> chatModels;
    private final Map<String, EmbeddingModel> embeddingModels;
    private final ResponseCache cache;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final UsageLedger ledger;
    private final ConcurrentHashMap<ByteKey, CompletableFuture<ChatModel.Sent>> inFlight = new ConcurrentHashMap<>();

    private record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ByteKey k && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private InferenceRuntime(Builder b) {
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null ? b.transport : new JdkHttpTransport(Duration.ofSeconds(10));
        Random random = b.seed == null ? new Random() : new Random(b.seed);
        Backoff backoff = new Backoff(250_000_000L, 30_000_000_000L, () -> {
            synchronized (random) {
                return random.nextDouble();
            }
        });
        HostedCalls.Wiring wiring =
                new HostedCalls.Wiring(b.maxConcurrency, transport, b.timeSource, backoff, b.maxRetries, b.environment);
        Map<String, ModelKind> kinds = new HashMap<>();
        Map<String, ChatModel> chats = new LinkedHashMap<>();
        boolean anyCache = false;
        for (Map.Entry<String, LanguageModelConfig> e : b.languageModels.entrySet()) {
            String alias = e.getKey();
            HostedModelConfig<?> config = hosted(alias, e.getValue());
            ChatProtocol protocol = chatProtocol(alias, e.getValue());
            boolean cacheOn = config.responseCache().orElse(b.responseCache);
            anyCache |= cacheOn;
            chats.put(
                    alias,
                    new ChatModel(
                            alias, config, protocol, info(alias, config, ModelKind.LANGUAGE, 0), cacheOn, wiring));
            kinds.put(alias, ModelKind.LANGUAGE);
        }
        Map<String, EmbeddingModel> embeddings = new LinkedHashMap<>();
        for (Map.Entry<String, EmbeddingModelConfig> e : b.embeddingModels.entrySet()) {
            String alias = e.getKey();
            if (kinds.containsKey(alias)) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "Alias '" + alias
                                + "' names both a language model and an embedding model; give each its own alias");
            }
            EmbeddingModelConfig cfg = e.getValue();
            if (cfg instanceof LocalEmbeddingModel local) {
                boolean cacheOn = local.responseCache().orElse(b.responseCache);
                anyCache |= cacheOn;
                embeddings.put(
                        alias,
                        new EmbeddingModel.Local(
                                alias,
                                local,
                                new ModelInfo(
                                        alias,
                                        "local",
                                        local.modelName(),
                                        ModelKind.EMBEDDING,
                                        0,
                                        0,
                                        local.dimensions(),
                                        ModelPrice.FREE,
                                        true),
                                cacheOn));
            } else {
                HostedModelConfig<?> config = hosted(alias, cfg);
                int dims = requestedDimensions(cfg);
                boolean cacheOn = config.responseCache().orElse(b.responseCache);
                anyCache |= cacheOn;
                embeddings.put(
                        alias,
                        new EmbeddingModel.Remote(
                                alias,
                                config,
                                embeddingProtocol(alias, cfg),
                                info(alias, config, ModelKind.EMBEDDING, dims),
                                dims,
                                cacheOn,
                                wiring));
            }
            kinds.put(alias, ModelKind.EMBEDDING);
        }
        this.chatModels = Map.copyOf(chats);
        this.embeddingModels = Map.copyOf(embeddings);
        this.ledger = new UsageLedger(kinds);
        this.cache = anyCache
                ? ResponseCache.open(
                        b.dataDir.resolve("cache").resolve("responses"),
                        b.cacheMaxBytes,
                        b.cacheTtl.toMillis(),
                        b.timeSource::currentTimeMillis)
                : null;
    }

    private static HostedModelConfig<?> hosted(String alias, Object config) {
        if (config instanceof HostedModelConfig<?> h) return h;
        throw new QuarryException(
                ErrorCode.INVALID_CONFIGURATION,
                "Model '" + alias + "' has an unsupported configuration type "
                        + config.getClass().getName()
                        + "; use OpenAIModel, AnthropicModel, GeminiModel or an embedding model class of dev.quarry.models");
    }

    private static ChatProtocol chatProtocol(String alias, LanguageModelConfig config) {
        if (config instanceof OpenAIModel) return OpenAiProtocol.INSTANCE;
        if (config instanceof AnthropicModel) return AnthropicProtocol.INSTANCE;
        if (config instanceof GeminiModel) return GeminiProtocol.INSTANCE;
        throw unsupported("Language", alias, config);
    }

    private static EmbeddingProtocol embeddingProtocol(String alias, EmbeddingModelConfig config) {
        if (config instanceof OpenAIEmbeddingModel) return OpenAiProtocol.INSTANCE;
        if (config instanceof CohereEmbeddingModel) return CohereProtocol.INSTANCE;
        if (config instanceof GeminiEmbeddingModel) return GeminiProtocol.INSTANCE;
        throw unsupported("Embedding", alias, config);
    }

    private static QuarryException unsupported(String kind, String alias, Object config) {
        return new QuarryException(
                ErrorCode.INVALID_CONFIGURATION,
                kind + " model '" + alias + "' has an unsupported configuration "
                        + config.getClass().getName());
    }

    private static int requestedDimensions(EmbeddingModelConfig config) {
        if (config instanceof OpenAIEmbeddingModel m) return m.dimensions().orElse(0);
        if (config instanceof CohereEmbeddingModel m) return m.dimensions().orElse(0);
        if (config instanceof GeminiEmbeddingModel m) return m.dimensions().orElse(0);
        return 0;
    }

    private static ModelInfo info(String alias, HostedModelConfig<?> config, ModelKind kind, int dims) {
        Optional<CatalogEntry> entry = PriceCatalog.lookup(config.provider(), config.modelName());
        ModelPrice price = config.price().orElse(entry.map(CatalogEntry::price).orElse(ModelPrice.FREE));
        boolean priced = config.price().isPresent() || entry.isPresent();
        return new ModelInfo(
                alias,
                config.provider(),
                config.modelName(),
                kind,
                entry.map(CatalogEntry::contextWindow).orElse(0),
                entry.map(CatalogEntry::maxOutputTokens).orElse(0),
                dims > 0 ? dims : entry.map(CatalogEntry::dimensions).orElse(0),
                price,
                priced);
    }

    /**
     * A builder.
     *
     * <pre>{@code InferenceRuntime.builder().languageModel("fast", OpenAIModel.of("gpt-4.1-nano")).build()}</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- chat

    private ChatModel chatModel(String alias) {
        return configured(chatModels, "Language", alias);
    }

    /** The model under an alias, or an error naming the configured aliases of that kind. */
    private static <M> M configured(Map<String, M> models, String kind, String alias) {
        M m = models.get(alias);
        if (m == null) {
            throw new QuarryException(
                    ErrorCode.MODEL_NOT_CONFIGURED,
                    kind + " model alias '" + alias + "' is not configured; configured: "
                            + (models.isEmpty() ? "none" : String.join(", ", new TreeSet<>(models.keySet()))));
        }
        return m;
    }

    /**
     * Sends a chat request (or answers it from the response cache, or joins an identical request in
     * flight). The future completes with a result — possibly a {@link BadOutput} — or exceptionally
     * with a {@link ProviderException} for fatal failures.
     *
     * <pre>{@code
     * ChatResult r = runtime.chat("fast", ChatRequest.builder().user("2+2?").build(), UsageKey.of("q1", "map#1")).join();
     * }</pre>
     *
     * @param alias the language model alias
     * @param request the request
     * @param key the query and operator to account the usage to
     * @return the result
     */
    public CompletableFuture<ChatResult> chat(String alias, ChatRequest request, UsageKey key) {
        requireNonNull(request, "request is null");
        requireNonNull(key, "key is null");
        ChatModel model;
        try {
            model = chatModel(alias);
        } catch (QuarryException e) {
            return CompletableFuture.failedFuture(e);
        }
        boolean deterministic = request.temperature() != null && request.temperature() == 0.0;
        boolean useCache = cache != null && model.cacheEnabled && deterministic;
        byte[] fingerprint = deterministic
                ? Fingerprint.chat(model.config.provider(), model.config.modelName(), model.config.baseUrl(), request)
                : null;
        if (useCache) {
            Optional<byte[]> hit = cache.get(fingerprint);
            if (hit.isPresent()) {
                ChatReply reply = decodeReply(hit.get());
                if (reply != null) {
                    ledger.record(key, alias, 0, CallUsage.CACHE_HIT);
                    return CompletableFuture.completedFuture(
                            AnswerInterpreter.interpret(request, reply, CallUsage.CACHE_HIT));
                }
            }
        }
        if (!deterministic) {
            return model.send(request).handle((sent, error) -> finish(model, request, key, sent, error, null));
        }
        ByteKey k = new ByteKey(fingerprint);
        CompletableFuture<ChatModel.Sent> mine = new CompletableFuture<>();
        CompletableFuture<ChatModel.Sent> existing = inFlight.putIfAbsent(k, mine);
        if (existing != null) {
            return existing.thenApply(sent -> {
                ledger.record(key, alias, 0, CallUsage.CACHE_HIT);
                return AnswerInterpreter.interpret(request, sent.reply(), CallUsage.CACHE_HIT);
            });
        }
        return model.send(request).handle((sent, error) -> {
            try {
                return finish(model, request, key, sent, error, useCache ? fingerprint : null);
            } finally {
                inFlight.remove(k, mine);
                if (error != null) mine.completeExceptionally(unwrap(error));
                else mine.complete(sent);
            }
        });
    }

    /**
     * Sends a chat request whose usage is accounted to no particular query.
     *
     * <pre>{@code ChatResult r = runtime.chat("fast", ChatRequest.of("hello")).join();}</pre>
     *
     * @param alias the language model alias
     * @param request the request
     * @return the result
     */
    public CompletableFuture<ChatResult> chat(String alias, ChatRequest request) {
        return chat(alias, request, UsageKey.UNATTRIBUTED);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) t = t.getCause();
        return t;
    }

    private ChatResult finish(
            ChatModel model, ChatRequest request, UsageKey key, ChatModel.Sent sent, Throwable error, byte[] cacheKey) {
        if (error != null) {
            Throwable cause = unwrap(error);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new QuarryException(
                    ErrorCode.INTERNAL_ERROR, "Unexpected failure calling '" + model.alias + "': " + cause, cause);
        }
        TokenUsage u = sent.reply().usage();
        ModelPrice price = model.info.price();
        CallUsage usage = new CallUsage(
                u.input(),
                u.cachedInput(),
                u.output(),
                u.reasoning(),
                price.cost(u.input(), u.cachedInput(), u.output()),
                false,
                sent.stats().retries(),
                sent.stats().rateLimited());
        ledger.record(key, model.alias, 1, usage);
        ChatResult result = AnswerInterpreter.interpret(request, sent.reply(), usage);
        if (cacheKey != null
                && !sent.reply().empty()
                && sent.reply().finishReason().equals("stop")) {
            cache.put(cacheKey, encodeReply(sent.reply()));
        }
        return result;
    }

    /** Cached answers: a version byte, text, structured JSON text ("" for none), finish reason, four token counts. */
    private static byte[] encodeReply(ChatReply reply) {
        try {
            java.io.ByteArrayOutputStream bytes =
                    new java.io.ByteArrayOutputStream(64 + reply.text().length());
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            out.writeByte(1);
            writeString(out, reply.text());
            writeString(
                    out, reply.structured() == null ? "" : reply.structured().toString());
            writeString(out, reply.finishReason());
            TokenUsage u = reply.usage();
            out.writeLong(u.input());
            out.writeLong(u.cachedInput());
            out.writeLong(u.output());
            out.writeLong(u.reasoning());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeString(java.io.DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) {
        int n = in.getInt();
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, java.nio.charset.StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static ChatReply decodeReply(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.get() != 1) return null;
            String text = readString(in);
            String structured = readString(in);
            String finish = readString(in);
            TokenUsage usage = new TokenUsage(in.getLong(), in.getLong(), in.getLong(), in.getLong());
            JsonNode json = structured.isEmpty() ? null : Json.MAPPER.readTree(structured);
            return new ChatReply(text, json, finish, usage, false);
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable entry is a miss
        }
    }

    // ---------------------------------------------------------------- embeddings

    private EmbeddingModel embeddingModel(String alias) {
        return configured(embeddingModels, "Embedding", alias);
    }

    /**
     * Embeds texts: cached vectors are reused, identical texts are sent once, and the rest go in as
     * few requests as the provider allows (up to 2048 inputs for OpenAI, 100 for Gemini, 96 for
     * Cohere, about 100k tokens per request).
     *
     * <pre>{@code List<float[]> v = runtime.embed("emb", List.of("a", "b"), UsageKey.of("q1", "embed#1")).join();}</pre>
     *
     * @param alias the embedding model alias
     * @param texts the texts (none null)
     * @param key the query and operator to account the usage to
     * @return one vector per text, in order
     */
    public CompletableFuture<List<float[]>> embed(String alias, List<String> texts, UsageKey key) {
        requireNonNull(texts, "texts is null");
        requireNonNull(key, "key is null");
        EmbeddingModel model;
        try {
            model = embeddingModel(alias);
        } catch (QuarryException e) {
            return CompletableFuture.failedFuture(e);
        }
        float[][] out = new float[texts.size()][];
        Map<String, List<Integer>> pending = new LinkedHashMap<>();
        Map<String, byte[]> keys = new HashMap<>();
        boolean useCache = cache != null && model.cacheEnabled();
        String baseUrl;
        try {
            baseUrl = useCache ? model.baseUrl() : null;
        } catch (QuarryException e) {
            return CompletableFuture.failedFuture(e);
        }
        long hits = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = requireNonNull(texts.get(i), "text " + i + " is null");
            List<Integer> slots = pending.get(t);
            if (slots != null) {
                slots.add(i);
                continue;
            }
            if (useCache) {
                byte[] fp = Fingerprint.embedding(
                        model.info.provider(), model.info.modelName(), baseUrl, model.requestedDimensions(), t);
                Optional<byte[]> hit = cache.get(fp);
                if (hit.isPresent()) {
                    out[i] = decodeVector(hit.get());
                    hits++;
                    for (int j = i + 1; j < texts.size(); j++) {
                        if (out[j] == null && texts.get(j).equals(t)) out[j] = out[i];
                    }
                    continue;
                }
                keys.put(t, fp);
            }
            if (out[i] == null)
                pending.computeIfAbsent(t, x -> new ArrayList<>()).add(i);
        }
        for (long h = 0; h < hits; h++) ledger.record(key, alias, 0, CallUsage.CACHE_HIT);
        List<String> unique = new ArrayList<>(pending.keySet());
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (List<String> batch : model.batches(unique)) {
            parts.add(model.embedBatch(batch).thenAccept(result -> {
                for (int j = 0; j < batch.size(); j++) {
                    float[] v = result.vectors().get(j);
                    for (int slot : pending.get(batch.get(j))) out[slot] = v;
                    byte[] fp = keys.get(batch.get(j));
                    if (fp != null) cache.put(fp, encodeVector(v));
                }
                ModelPrice price = model.info.price();
                ledger.record(
                        key,
                        alias,
                        1,
                        new CallUsage(
                                result.inputTokens(),
                                0,
                                0,
                                0,
                                price.cost(result.inputTokens(), 0, 0),
                                false,
                                result.stats().retries(),
                                result.stats().rateLimited()));
            }));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> List.of(out));
    }

    /**
     * Embeds texts without attributing the usage to a query.
     *
     * <pre>{@code float[] v = runtime.embed("emb", List.of("hello")).join().get(0);}</pre>
     *
     * @param alias the embedding model alias
     * @param texts the texts
     * @return one vector per text, in order
     */
    public CompletableFuture<List<float[]>> embed(String alias, List<String> texts) {
        return embed(alias, texts, UsageKey.UNATTRIBUTED);
    }

    private static byte[] encodeVector(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private static float[] decodeVector(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }

    // ---------------------------------------------------------------- estimates and facts

    /**
     * Estimates one chat request before sending it: calibrated prompt tokens, expected output
     * tokens (learned from earlier answers of the same shape, bounded by the cap) and cost.
     *
     * <pre>{@code RequestEstimate e = runtime.estimate("fast", request).times(rows);}</pre>
     *
     * @param alias the language model alias
     * @param request the request
     * @return the estimate
     */
    public RequestEstimate estimate(String alias, ChatRequest request) {
        ChatModel m = chatModel(alias);
        TokenCost c = m.estimate(request, m.counter.countRequest(request));
        return new RequestEstimate(
                1, c.input(), c.output(), m.info.price().cost(c.input(), 0, c.output()), m.info.priced());
    }

    /**
     * Estimates embedding texts: requests after batching, tokens and cost.
     *
     * <pre>{@code RequestEstimate e = runtime.estimateEmbedding("emb", texts);}</pre>
     *
     * @param alias the embedding model alias
     * @param texts the texts
     * @return the estimate
     */
    public RequestEstimate estimateEmbedding(String alias, List<String> texts) {
        EmbeddingModel m = embeddingModel(alias);
        long tokens = 0;
        for (String t : texts) tokens += m.countTokens(t);
        long requests =
                m.batches(List.copyOf(new java.util.LinkedHashSet<>(texts))).size();
        return new RequestEstimate(requests, tokens, 0, m.info.price().cost(tokens, 0, 0), m.info.priced());
    }

    /**
     * Counts the tokens of a text as the model's tokenizer would (calibrated for providers without a
     * public tokenizer).
     *
     * <pre>{@code int n = runtime.countTokens("fast", document);}</pre>
     *
     * @param alias a language or embedding model alias
     * @param text the text
     * @return the token count
     */
    public long countTokens(String alias, String text) {
        ChatModel m = chatModels.get(alias);
        if (m != null) {
            return m.calibration(ChatRequest.of("")).inputEstimate(m.counter.count(text));
        }
        return embeddingModel(alias).countTokens(text);
    }

    /**
     * What the runtime knows about a model: provider, name, context window, price, dimensions.
     *
     * <pre>{@code int window = runtime.modelInfo("fast").contextWindow();}</pre>
     *
     * @param alias a language or embedding model alias
     * @return the facts
     */
    public ModelInfo modelInfo(String alias) {
        ChatModel m = chatModels.get(alias);
        if (m != null) return m.info;
        EmbeddingModel e = embeddingModels.get(alias);
        if (e != null) return e.info;
        throw new QuarryException(
                ErrorCode.MODEL_NOT_CONFIGURED,
                "Model alias '" + alias + "' is not configured; configured: " + String.join(", ", aliases()));
    }

    private Set<String> aliases() {
        Set<String> all = new TreeSet<>(chatModels.keySet());
        all.addAll(embeddingModels.keySet());
        return all;
    }

    /**
     * The configured language model aliases.
     *
     * <pre>{@code runtime.languageModels().contains("fast")}</pre>
     *
     * @return the aliases
     */
    public Set<String> languageModels() {
        return new TreeSet<>(chatModels.keySet());
    }

    /**
     * The configured embedding model aliases.
     *
     * <pre>{@code runtime.embeddingModels().contains("mini")}</pre>
     *
     * @return the aliases
     */
    public Set<String> embeddingModels() {
        return new TreeSet<>(embeddingModels.keySet());
    }

    /**
     * The usage ledger.
     *
     * <pre>{@code ModelUsage u = runtime.usage().usage(UsageKey.of("q1", "extract#1"));}</pre>
     *
     * @return the ledger
     */
    public UsageLedger usage() {
        return ledger;
    }

    /**
     * HTTP attempts sent to a model so far, retries included (cache hits send nothing).
     *
     * <pre>{@code long sent = runtime.attemptsSent("fast");}</pre>
     *
     * @param alias a hosted model alias
     * @return the count, 0 for local models
     */
    public long attemptsSent(String alias) {
        ModelScheduler s = hostedScheduler(alias);
        return s == null ? 0 : s.sent();
    }

    /**
     * The current AIMD rate factor of a hosted model: 1 at the configured rate, lower while the
     * provider answers 429.
     *
     * <pre>{@code double f = runtime.rateFactor("fast");}</pre>
     *
     * @param alias a hosted model alias
     * @return the factor
     */
    public double rateFactor(String alias) {
        ModelScheduler s = hostedScheduler(alias);
        return s == null ? 1.0 : s.limiter().rateFactor();
    }

    /** The scheduler of a hosted model, null for local and unknown aliases. */
    private ModelScheduler hostedScheduler(String alias) {
        ChatModel m = chatModels.get(alias);
        if (m != null) return m.scheduler;
        EmbeddingModel e = embeddingModels.get(alias);
        if (e instanceof EmbeddingModel.Remote r) return r.scheduler();
        return null;
    }

    @Override
    public void close() {
        for (ChatModel m : chatModels.values()) m.scheduler.close();
        for (EmbeddingModel m : embeddingModels.values()) m.close();
        if (cache != null) cache.close();
        if (ownsTransport) transport.close();
    }

    /** Configures an {@link InferenceRuntime}. */
    public static final class Builder {
        private final Map<String, LanguageModelConfig> languageModels = new LinkedHashMap<>();
        private final Map<String, EmbeddingModelConfig> embeddingModels = new LinkedHashMap<>();
        private Path dataDir = Path.of(".quarry");
        private boolean responseCache = true;
        private Duration cacheTtl = Duration.ofDays(30);
        private long cacheMaxBytes = 512L << 20;
        private int maxConcurrency = 64;
        private int maxRetries = 8;
        private TimeSource timeSource = TimeSource.system();
        private Function<String, String> environment = System::getenv;
        private HttpTransport transport;
        private Long seed;

        private Builder() {}

        private static void positive(String name, long value) {
            if (value <= 0) {
                throw new QuarryException(ErrorCode.INVALID_CONFIGURATION, name + " must be > 0, was " + value);
            }
        }

        private static void checkAlias(String alias) {
            requireNonNull(alias, "alias is null");
            if (alias.isBlank()) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION, "model alias is blank; use a short name such as 'fast'");
            }
        }

        /**
         * Adds a language model under an alias.
         *
         * <pre>{@code builder.languageModel("fast", OpenAIModel.of("gpt-4.1-nano"))}</pre>
         *
         * @param alias the alias
         * @param config the configuration
         * @return this builder
         */
        public Builder languageModel(String alias, LanguageModelConfig config) {
            add(languageModels, "Language", alias, config);
            return this;
        }

        private static <C> void add(Map<String, C> models, String kind, String alias, C config) {
            checkAlias(alias);
            if (models.containsKey(alias)) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION, kind + " model alias '" + alias + "' is configured twice");
            }
            models.put(alias, requireNonNull(config, "config is null"));
        }

        /**
         * Adds language models.
         *
         * <pre>{@code builder.languageModels(Map.of("fast", OpenAIModel.of("gpt-4.1-nano")))}</pre>
         *
         * @param models alias to configuration
         * @return this builder
         */
        public Builder languageModels(Map<String, ? extends LanguageModelConfig> models) {
            models.forEach(this::languageModel);
            return this;
        }

        /**
         * Adds an embedding model under an alias.
         *
         * <pre>{@code builder.embeddingModel("emb", OpenAIEmbeddingModel.of("text-embedding-3-small"))}</pre>
         *
         * @param alias the alias
         * @param config the configuration
         * @return this builder
         */
        public Builder embeddingModel(String alias, EmbeddingModelConfig config) {
            add(embeddingModels, "Embedding", alias, config);
            return this;
        }

        /**
         * Adds embedding models.
         *
         * <pre>{@code builder.embeddingModels(Map.of("mini", LocalEmbeddingModel.allMiniLmL6V2()))}</pre>
         *
         * @param models alias to configuration
         * @return this builder
         */
        public Builder embeddingModels(Map<String, ? extends EmbeddingModelConfig> models) {
            models.forEach(this::embeddingModel);
            return this;
        }

        /**
         * The session's data directory; the response cache lives in {@code <dataDir>/cache/responses}.
         *
         * <pre>{@code builder.dataDir(Path.of(".quarry"))}</pre>
         *
         * @param dataDir the directory (default {@code .quarry})
         * @return this builder
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = requireNonNull(dataDir, "dataDir is null");
            return this;
        }

        /**
         * Turns the persistent response cache on or off for every model that does not say otherwise
         * (default on; only temperature-0 requests are cached).
         *
         * <pre>{@code builder.responseCache(false)}</pre>
         *
         * @param enabled whether to cache
         * @return this builder
         */
        public Builder responseCache(boolean enabled) {
            this.responseCache = enabled;
            return this;
        }

        /**
         * How long cached answers stay valid (default 30 days).
         *
         * <pre>{@code builder.cacheTtl(Duration.ofDays(7))}</pre>
         *
         * @param ttl a positive duration
         * @return this builder
         */
        public Builder cacheTtl(Duration ttl) {
            requireNonNull(ttl, "ttl is null");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new QuarryException(ErrorCode.INVALID_CONFIGURATION, "cacheTtl must be positive, was " + ttl);
            }
            this.cacheTtl = ttl;
            return this;
        }

        /**
         * The size bound of the response cache; least recently used answers are evicted beyond it
         * (default 512 MiB).
         *
         * <pre>{@code builder.cacheMaxBytes(64L << 20)}</pre>
         *
         * @param bytes &gt; 0
         * @return this builder
         */
        public Builder cacheMaxBytes(long bytes) {
            positive("cacheMaxBytes", bytes);
            this.cacheMaxBytes = bytes;
            return this;
        }

        /**
         * The default cap on requests in flight per model (default 64); a model's own
         * {@code maxConcurrency} wins.
         *
         * <pre>{@code builder.maxConcurrency(16)}</pre>
         *
         * @param maxConcurrency &gt; 0
         * @return this builder
         */
        public Builder maxConcurrency(int maxConcurrency) {
            positive("maxConcurrency", maxConcurrency);
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * How many times a request failing with a 5xx, timeout or reset is retried (default 8; 429s
         * are retried up to 30 times).
         *
         * <pre>{@code builder.maxRetries(3)}</pre>
         *
         * @param maxRetries &gt;= 0
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION, "maxRetries must be >= 0, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The time source (tests inject a manual one).
         *
         * <pre>{@code builder.timeSource(TimeSource.system())}</pre>
         *
         * @param timeSource the time source
         * @return this builder
         */
        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = requireNonNull(timeSource, "timeSource is null");
            return this;
        }

        /**
         * Where API keys are looked up (default {@code System::getenv}).
         *
         * <pre>{@code builder.environment(Map.of("OPENAI_API_KEY", "sk-test")::get)}</pre>
         *
         * @param environment variable name to value, null when unset
         * @return this builder
         */
        public Builder environment(Function<String, String> environment) {
            this.environment = requireNonNull(environment, "environment is null");
            return this;
        }

        /**
         * The HTTP transport (default: {@code java.net.http}); the runtime does not close a given one.
         *
         * <pre>{@code builder.transport(new JdkHttpTransport(Duration.ofSeconds(5)))}</pre>
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = requireNonNull(transport, "transport is null");
            return this;
        }

        /**
         * Seeds the backoff jitter, for reproducible tests.
         *
         * <pre>{@code builder.seed(42)}</pre>
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the runtime (opening the response cache if any model uses it).
         *
         * <pre>{@code InferenceRuntime runtime = builder.build();}</pre>
         *
         * @return the runtime
         */
        public InferenceRuntime build() {
            return new InferenceRuntime(this);
        }
    }
}
