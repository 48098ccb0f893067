package dev.quarry.inference;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.provider.EmbeddingProtocol;
import dev.quarry.inference.ratelimit.TokenCost;
import dev.quarry.inference.scheduler.CallStats;
import dev.quarry.inference.scheduler.ModelScheduler;
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
        private final HostedCalls calls;
        private final TokenCounter counter;
        private final boolean cacheEnabled;
        private final int dimensions;

        Remote(
                String alias,
                HostedModelConfig<?> config,
                EmbeddingProtocol protocol,
                ModelInfo info,
                int dimensions,
                boolean cacheEnabled,
                HostedCalls.Wiring wiring) {
            super(alias, info);
            this.config = config;
            this.protocol = protocol;
            this.cacheEnabled = cacheEnabled;
            this.dimensions = dimensions;
            this.counter = TokenCounter.forModel(config.provider(), config.modelName());
            this.calls = new HostedCalls(alias, config, dimensions, wiring);
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
            return calls.scheduler;
        }

        @Override
        CompletableFuture<Batch> embedBatch(List<String> texts) {
            long estimated = 0;
            for (String t : texts) estimated += counter.count(t);
            TokenCost estimate = new TokenCost(estimated, 0);
            CallStats stats = new CallStats();
            return calls.submit(
                            estimate,
                            stats,
                            () -> protocol.embedRequest(calls.endpoint(), texts),
                            response -> protocol.parseEmbed(response, texts.size()),
                            reply ->
                                    new TokenCost(reply.inputTokens() >= 0 ? reply.inputTokens() : estimate.input(), 0),
                            protocol::parseError,
                            protocol::serverLimits)
                    .thenApply(reply -> new Batch(
                            reply.vectors(), reply.inputTokens() >= 0 ? reply.inputTokens() : estimate.input(), stats));
        }

        @Override
        void close() {
            calls.scheduler.close();
        }
    }

    static final class Local extends EmbeddingModel {
        private final LocalEmbeddingModel config;
        private final boolean cacheEnabled;
        private final ExecutorService executor;
        private volatile LocalEmbeddingProvider provider;
        private volatile String version;
        private volatile LocalEmbedder embedder;

        Local(String alias, LocalEmbeddingModel config, ModelInfo info, boolean cacheEnabled) {
            super(alias, info);
            this.config = config;
            this.cacheEnabled = cacheEnabled;
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
                        embedder = e = provider().create(config);
                    }
                }
            }
            return e;
        }

        private LocalEmbeddingProvider provider() {
            LocalEmbeddingProvider p = provider;
            if (p == null) {
                synchronized (this) {
                    p = provider;
                    if (p == null) {
                        provider = p = find(alias, config);
                    }
                }
            }
            return p;
        }

        static LocalEmbeddingProvider find(String alias, LocalEmbeddingModel config) {
            for (LocalEmbeddingProvider p : ServiceLoader.load(LocalEmbeddingProvider.class)) {
                if (p.supports(config)) {
                    return p;
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
            return cacheEnabled;
        }

        /** "local:" and the provider's identifier of its vectors, so cache keys change with them. */
        @Override
        String baseUrl() {
            String v = version;
            if (v == null) {
                version = v = "local:" + provider().modelVersion(config);
            }
            return v;
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
