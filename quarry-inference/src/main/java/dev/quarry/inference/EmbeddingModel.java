package dev.quarry.inference;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.http.HttpTransport;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.provider.EmbedReply;
import dev.quarry.inference.provider.EmbeddingProtocol;
import dev.quarry.inference.provider.Endpoint;
import dev.quarry.inference.provider.MalformedResponseException;
import dev.quarry.inference.provider.ProviderError;
import dev.quarry.inference.ratelimit.Backoff;
import dev.quarry.inference.ratelimit.RateLimiter;
import dev.quarry.inference.ratelimit.ServerLimits;
import dev.quarry.inference.ratelimit.TokenCost;
import dev.quarry.inference.scheduler.CallStats;
import dev.quarry.inference.scheduler.Job;
import dev.quarry.inference.scheduler.ModelScheduler;
import dev.quarry.inference.scheduler.Outcome;
import dev.quarry.inference.spi.LocalEmbedder;
import dev.quarry.inference.spi.LocalEmbeddingProvider;
import dev.quarry.inference.tokens.TokenCounter;
import dev.quarry.models.HostedModelConfig;
import dev.quarry.models.LocalEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** One configured embedding model: remote (batched HTTP requests) or local (a plugged-in embedder). */
abstract sealed class EmbeddingModel permits EmbeddingModel.Remote, EmbeddingModel.Local {
    /** A batch's vectors with what it cost. */
    record Batch(List<float[]> vectors, long inputTokens, CallStats stats) {}

    final String alias;
    final ModelInfo info;

    EmbeddingModel(String alias, ModelInfo info) {
        this.alias = alias;
        this.info = info;
    }

    /** The most texts one batch may carry. */
    abstract int batchSize();

    /** Embeds one batch of at most {@link #batchSize()} texts. */
    abstract CompletableFuture<Batch> embedBatch(List<String> texts);

    abstract int countTokens(String text);

    abstract boolean cacheEnabled();

    abstract String baseUrl();

    abstract int requestedDimensions();

    void close() {}

    /** Splits texts into batches by count and by an estimated token budget per request. */
    List<List<String>> batches(List<String> texts) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long tokens = 0;
        for (String t : texts) {
            int n = countTokens(t);
            if (!current.isEmpty() && (current.size() >= batchSize() || tokens + n > 100_000)) {
                out.add(current);
                current = new ArrayList<>();
                tokens = 0;
            }
            current.add(t);
            tokens += n;
        }
        if (!current.isEmpty()) out.add(current);
        return out;
    }

    static final class Remote extends EmbeddingModel {
        private final HostedModelConfig<?> config;
        private final EmbeddingProtocol protocol;
        private final ModelScheduler scheduler;
        private final TokenCounter counter;
        private final boolean cacheEnabled;
        private final int dimensions;
        private final Function<String, String> environment;
        private volatile Endpoint endpoint;

        Remote(
                String alias,
                HostedModelConfig<?> config,
                EmbeddingProtocol protocol,
                ModelInfo info,
                int dimensions,
                boolean cacheEnabled,
                int defaultConcurrency,
                HttpTransport transport,
                TimeSource time,
                Backoff backoff,
                int maxRetries,
                Function<String, String> environment) {
            super(alias, info);
            this.config = config;
            this.protocol = protocol;
            this.cacheEnabled = cacheEnabled;
            this.dimensions = dimensions;
            this.environment = environment;
            this.counter = TokenCounter.forModel(config.provider(), config.modelName());
            RateLimiter limiter = new RateLimiter(
                    config.rpm(),
                    config.tpm(),
                    config.inputTpm(),
                    config.outputTpm(),
                    time.nanoTime(),
                    ChatModel.JITTER_NANOS);
            this.scheduler = new ModelScheduler(
                    alias,
                    config.provider(),
                    limiter,
                    config.maxConcurrency().orElse(defaultConcurrency),
                    transport,
                    time,
                    backoff,
                    maxRetries);
        }

        private Endpoint endpoint() {
            Endpoint e = endpoint;
            if (e == null) {
                String key = config.apiKey().resolve(alias, config.provider(), environment);
                e = new Endpoint(
                        alias,
                        config.provider(),
                        config.modelName(),
                        config.baseUrl(),
                        key,
                        config.hasCustomBaseUrl(),
                        config.requestTimeout(),
                        dimensions);
                endpoint = e;
            }
            return e;
        }

        @Override
        int batchSize() {
            return protocol.maxBatchSize();
        }

        @Override
        int countTokens(String text) {
            return counter.count(text);
        }

        @Override
        boolean cacheEnabled() {
            return cacheEnabled;
        }

        @Override
        String baseUrl() {
            return config.baseUrl();
        }

        @Override
        int requestedDimensions() {
            return dimensions;
        }

        ModelScheduler scheduler() {
            return scheduler;
        }

        @Override
        CompletableFuture<Batch> embedBatch(List<String> texts) {
            long estimated = 0;
            for (String t : texts) estimated += counter.count(t);
            TokenCost estimate = new TokenCost(estimated, 0);
            CallStats stats = new CallStats();
            Job<EmbedReply> job = new Job<>() {
                @Override
                public TokenCost estimate() {
                    return estimate;
                }

                @Override
                public WireRequest request() {
                    return protocol.embedRequest(endpoint(), texts);
                }

                @Override
                public Outcome<EmbedReply> judge(WireResponse response) {
                    if (!response.isSuccess()) {
                        return new Outcome.Failure<>(protocol.parseError(response), response.status());
                    }
                    try {
                        EmbedReply reply = protocol.parseEmbed(response, texts.size());
                        long in = reply.inputTokens() >= 0 ? reply.inputTokens() : estimate.input();
                        return new Outcome.Success<>(reply, new TokenCost(in, 0));
                    } catch (MalformedResponseException e) {
                        return new Outcome.Failure<>(
                                new ProviderError(
                                        ProviderError.Kind.TRANSIENT,
                                        ErrorCode.PROVIDER_UNAVAILABLE,
                                        "malformed response: " + e.getMessage(),
                                        0),
                                response.status());
                    }
                }

                @Override
                public ServerLimits serverLimits(WireResponse response) {
                    return protocol.serverLimits(response);
                }

                @Override
                public CallStats stats() {
                    return stats;
                }
            };
            return scheduler
                    .submit(job)
                    .thenApply(reply -> new Batch(
                            reply.vectors(), reply.inputTokens() >= 0 ? reply.inputTokens() : estimate.input(), stats));
        }

        @Override
        void close() {
            scheduler.close();
        }
    }

    static final class Local extends EmbeddingModel {
        private final LocalEmbeddingModel config;
        private final ExecutorService executor;
        private volatile LocalEmbedder embedder;

        Local(String alias, LocalEmbeddingModel config, ModelInfo info) {
            super(alias, info);
            this.config = config;
            this.executor = Executors.newFixedThreadPool(config.threads(), r -> {
                Thread t = new Thread(r, "quarry-embed-" + alias);
                t.setDaemon(true);
                return t;
            });
        }

        private LocalEmbedder embedder() {
            LocalEmbedder e = embedder;
            if (e == null) {
                synchronized (this) {
                    e = embedder;
                    if (e == null) {
                        embedder = e = load(alias, config);
                    }
                }
            }
            return e;
        }

        static LocalEmbedder load(String alias, LocalEmbeddingModel config) {
            for (LocalEmbeddingProvider p : ServiceLoader.load(LocalEmbeddingProvider.class)) {
                if (p.supports(config)) {
                    return p.create(config);
                }
            }
            throw new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "Embedding model '" + alias + "' (local " + config.modelName() + ") needs an in-process embedding"
                            + " implementation, and none on the classpath supports it. Add the dependency"
                            + " dev.quarry:quarry-embeddings-local (included in dev.quarry:quarry), or configure a"
                            + " hosted embedding model such as OpenAIEmbeddingModel.of(\"text-embedding-3-small\").");
        }

        @Override
        int batchSize() {
            return config.batchSize();
        }

        @Override
        int countTokens(String text) {
            return 0;
        }

        @Override
        boolean cacheEnabled() {
            return false;
        }

        @Override
        String baseUrl() {
            return "local";
        }

        @Override
        int requestedDimensions() {
            return config.dimensions();
        }

        @Override
        CompletableFuture<Batch> embedBatch(List<String> texts) {
            LocalEmbedder e;
            try {
                e = embedder();
            } catch (RuntimeException ex) {
                return CompletableFuture.failedFuture(ex);
            }
            return CompletableFuture.supplyAsync(() -> new Batch(e.embed(texts), 0, new CallStats()), executor);
        }

        @Override
        void close() {
            executor.shutdownNow();
            LocalEmbedder e = embedder;
            if (e != null) e.close();
        }
    }
}
