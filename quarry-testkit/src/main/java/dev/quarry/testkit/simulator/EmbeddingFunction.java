package dev.quarry.testkit.simulator;

/**
 * Computes the simulated embedding of one text. Must be thread safe and deterministic: equal inputs
 * give equal vectors.
 *
 * <pre>{@code
 * LlmSimulator.builder().embeddings(EmbeddingFunction.hashed(7)).start();
 * }</pre>
 */
@FunctionalInterface
public interface EmbeddingFunction {

    /**
     * The embedding of {@code text}.
     *
     * <pre>{@code float[] v = EmbeddingFunction.hashed(42).embed("text-embedding-3-small", "hello", 8);}</pre>
     *
     * @param model the model name as sent
     * @param text the input text
     * @param dimensions the number of dimensions requested (or the model's default)
     * @return a vector of exactly {@code dimensions} floats
     */
    float[] embed(String model, String text, int dimensions);

    /**
     * Pseudo-random unit vectors seeded by a hash of the seed, the model name and the text: equal
     * texts get equal vectors, different texts get (almost surely) different, unrelated ones.
     *
     * <pre>{@code EmbeddingFunction.hashed(42)}</pre>
     *
     * @param seed the seed mixed into every vector
     * @return the hashed embedding function
     */
    static EmbeddingFunction hashed(long seed) {
        return (model, text, dimensions) -> HashedEmbeddings.embed(seed, model, text, dimensions);
    }
}
