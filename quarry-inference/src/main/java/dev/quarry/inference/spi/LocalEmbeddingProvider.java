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
}
