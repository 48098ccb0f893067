package dev.quarry.inference.spi;

import java.util.List;

/**
 * An embedding model running in this JVM, created by a {@link LocalEmbeddingProvider}.
 *
 * <pre>{@code List<float[]> vectors = embedder.embed(List.of("hello", "world"));}</pre>
 */
public interface LocalEmbedder extends AutoCloseable {
    /**
     * The vector length.
     *
     * <pre>{@code int d = embedder.dimensions(); // 384}</pre>
     *
     * @return the dimensions
     */
    int dimensions();

    /**
     * Embeds a batch; called from the runtime's worker threads, possibly concurrently.
     *
     * <pre>{@code embedder.embed(List.of("a", "b")).size() // 2}</pre>
     *
     * @param texts the texts
     * @return one vector per text, in order
     */
    List<float[]> embed(List<String> texts);

    @Override
    default void close() {}
}
