package dev.quarry.models;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedding model that runs inside the JVM: no key, no network, no rate limit. The model itself
 * is provided by the {@code quarry-embeddings-local} module, which must be on the classpath.
 *
 * <pre>{@code
 * Session.builder().embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2().batchSize(64))
 * }</pre>
 */
public final class LocalEmbeddingModel implements EmbeddingModelConfig {
    /** The model name of all-MiniLM-L6-v2 (quantized, 384 dimensions). */
    public static final String ALL_MINILM_L6_V2 = "all-MiniLM-L6-v2";

    private final String modelName;
    private final int dimensions;
    private final int batchSize;
    private final int threads;
    private final Boolean responseCache;

    private LocalEmbeddingModel(String modelName, int dimensions, int batchSize, int threads, Boolean responseCache) {
        this.modelName = requireNonNull(modelName, "modelName is null");
        HostedModelConfig.positive("dimensions", dimensions);
        HostedModelConfig.positive("batchSize", batchSize);
        HostedModelConfig.positive("threads", threads);
        this.dimensions = dimensions;
        this.batchSize = batchSize;
        this.threads = threads;
        this.responseCache = responseCache;
    }

    /**
     * The quantized all-MiniLM-L6-v2 sentence embedding model (384 dimensions), batches of 32, one
     * thread per core.
     *
     * <pre>{@code LocalEmbeddingModel mini = LocalEmbeddingModel.allMiniLmL6V2();}</pre>
     *
     * @return the configuration
     */
    public static LocalEmbeddingModel allMiniLmL6V2() {
        return new LocalEmbeddingModel(
                ALL_MINILM_L6_V2, 384, 32, Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * Another in-process model, by the name a local embedding provider on the classpath knows.
     *
     * <pre>{@code LocalEmbeddingModel.of("my-onnx-model", 768)}</pre>
     *
     * @param modelName the model name
     * @param dimensions the length of its vectors
     * @return the configuration
     */
    public static LocalEmbeddingModel of(String modelName, int dimensions) {
        requireNonNull(modelName, "modelName is null");
        if (modelName.isBlank()) {
            throw new QuarryException(ErrorCode.INVALID_CONFIGURATION, "local embedding model name is blank");
        }
        return new LocalEmbeddingModel(
                modelName.strip(), dimensions, 32, Runtime.getRuntime().availableProcessors(), null);
    }

    /**
     * How many texts are embedded together.
     *
     * <pre>{@code LocalEmbeddingModel.allMiniLmL6V2().batchSize(64)}</pre>
     *
     * @param batchSize texts per batch, &gt; 0
     * @return a copy with the batch size
     */
    public LocalEmbeddingModel batchSize(int batchSize) {
        return new LocalEmbeddingModel(modelName, dimensions, batchSize, threads, responseCache);
    }

    /**
     * How many threads embed at once.
     *
     * <pre>{@code LocalEmbeddingModel.allMiniLmL6V2().threads(2)}</pre>
     *
     * @param threads worker threads, &gt; 0
     * @return a copy with the thread count
     */
    public LocalEmbeddingModel threads(int threads) {
        return new LocalEmbeddingModel(modelName, dimensions, batchSize, threads, responseCache);
    }

    /**
     * Whether vectors of this model are kept in the session's response cache (by default they are,
     * unless the session turns the cache off with {@code quarry.response_cache=false}), so a text
     * embedded once is not computed again, in this run or the next.
     *
     * <pre>{@code LocalEmbeddingModel.allMiniLmL6V2().responseCache(false)}</pre>
     *
     * @param enabled true to cache this model's vectors, false never to
     * @return a copy with the setting
     */
    public LocalEmbeddingModel responseCache(boolean enabled) {
        return new LocalEmbeddingModel(modelName, dimensions, batchSize, threads, enabled);
    }

    /**
     * The model's own response-cache setting, empty when it follows the session's.
     *
     * <pre>{@code LocalEmbeddingModel.allMiniLmL6V2().responseCache() // Optional.empty}</pre>
     *
     * @return the setting
     */
    public Optional<Boolean> responseCache() {
        return Optional.ofNullable(responseCache);
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public String provider() {
        return "local";
    }

    /**
     * The length of the vectors the model produces.
     *
     * <pre>{@code LocalEmbeddingModel.allMiniLmL6V2().dimensions() // 384}</pre>
     *
     * @return the dimensions
     */
    public int dimensions() {
        return dimensions;
    }

    /**
     * Texts embedded together.
     *
     * <pre>{@code int b = LocalEmbeddingModel.allMiniLmL6V2().batchSize(); // 32}</pre>
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Threads embedding at once.
     *
     * <pre>{@code int t = LocalEmbeddingModel.allMiniLmL6V2().threads();}</pre>
     *
     * @return the thread count
     */
    public int threads() {
        return threads;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalEmbeddingModel m
                && m.modelName.equals(modelName)
                && m.dimensions == dimensions
                && m.batchSize == batchSize
                && m.threads == threads
                && Objects.equals(m.responseCache, responseCache);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelName, dimensions, batchSize, threads, responseCache);
    }

    @Override
    public String toString() {
        return "LocalEmbeddingModel[model=" + modelName + ", dimensions=" + dimensions + ", batchSize=" + batchSize
                + ", threads=" + threads + (responseCache == null ? "" : ", responseCache=" + responseCache) + "]";
    }
}
