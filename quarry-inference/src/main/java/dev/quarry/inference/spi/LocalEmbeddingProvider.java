package dev.quarry.inference.spi;

import dev.quarry.models.LocalEmbeddingModel;

/**
 * Plugs an in-process embedding implementation into the runtime. Implementations are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.quarry.inference.spi.LocalEmbeddingProvider}.
 *
 * <pre>{@code
 * public final class MiniLmProvider implements LocalEmbeddingProvider {
 *     public boolean supports(LocalEmbeddingModel m) { return m.modelName().equals(LocalEmbeddingModel.ALL_MINILM_L6_V2); }
 *     public LocalEmbedder create(LocalEmbeddingModel m) { return new MiniLmEmbedder(); }
 * }
 * }</pre>
 */
public interface LocalEmbeddingProvider {
    /**
     * Whether this provider can run the model.
     *
     * <pre>{@code provider.supports(LocalEmbeddingModel.allMiniLmL6V2())}</pre>
     *
     * @param model the configuration
     * @return true when {@link #create} will succeed
     */
    boolean supports(LocalEmbeddingModel model);

    /**
     * Loads the model.
     *
     * <pre>{@code LocalEmbedder e = provider.create(model);}</pre>
     *
     * @param model the configuration
     * @return the embedder
     */
    LocalEmbedder create(LocalEmbeddingModel model);

    /**
     * What identifies the vectors this provider computes for a model: the weights and everything
     * else that shapes a vector (tokenizer, truncation, pooling). Cached vectors are keyed by it, so
     * it must change whenever a text's vector would; it is called once per runtime, before the model
     * is loaded, so it should be cheap. The default, the model name, suits providers whose vectors
     * never change.
     *
     * <pre>{@code String v = provider.modelVersion(LocalEmbeddingModel.allMiniLmL6V2());}</pre>
     *
     * @param model the configuration
     * @return an identifier of the computed vectors
     */
    default String modelVersion(LocalEmbeddingModel model) {
        return model.modelName();
    }
}
