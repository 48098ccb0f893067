package dev.quarry.embeddings.local;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.spi.LocalEmbedder;
import dev.quarry.inference.spi.LocalEmbeddingProvider;
import dev.quarry.models.LocalEmbeddingModel;

/**
 * Runs {@link LocalEmbeddingModel#allMiniLmL6V2()} in this JVM: the int8-quantized
 * all-MiniLM-L6-v2 sentence model (384 dimensions) on ONNX Runtime, read from the classpath, never
 * downloaded. The inference runtime finds it through {@link java.util.ServiceLoader}; programs
 * normally just configure the model:
 *
 * <pre>{@code
 * Session.builder().embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
 * }</pre>
 *
 * <p>What the embedder does with a text: it is lower-cased and split into WordPiece tokens, cut
 * after 256 tokens ([CLS] and [SEP] included, about 190 English words; the rest is ignored, so
 * split long documents first), run through the network alone, and its token vectors are averaged
 * and scaled to length 1. The same text always gets the same vector, whichever texts it is batched
 * with and however many threads run. The empty string has a vector too. Texts are spread over
 * {@link LocalEmbeddingModel#threads()} worker threads (default: one per core).
 */
public final class MiniLmEmbeddingProvider implements LocalEmbeddingProvider {
    /** The dimensions of every vector this provider's embedders return. */
    public static final int DIMENSIONS = MiniLmModel.DIMENSIONS;

    /** The most tokens read of one text, [CLS] and [SEP] included; later tokens are ignored. */
    public static final int MAX_TOKENS = MiniLmModel.MAX_TOKENS;

    /**
     * Creates the provider; {@link java.util.ServiceLoader} calls this.
     *
     * <pre>{@code LocalEmbeddingProvider p = new MiniLmEmbeddingProvider();}</pre>
     */
    public MiniLmEmbeddingProvider() {}

    /**
     * True for all-MiniLM-L6-v2 (the name compared ignoring case) configured with 384 dimensions.
     *
     * <pre>{@code
     * new MiniLmEmbeddingProvider().supports(LocalEmbeddingModel.allMiniLmL6V2());   // true
     * new MiniLmEmbeddingProvider().supports(LocalEmbeddingModel.of("other", 10));   // false
     * }</pre>
     *
     * @param model the configuration
     * @return whether {@link #create} accepts it
     */
    @Override
    public boolean supports(LocalEmbeddingModel model) {
        requireNonNull(model, "model is null");
        return model.modelName().equalsIgnoreCase(LocalEmbeddingModel.ALL_MINILM_L6_V2)
                && model.dimensions() == DIMENSIONS;
    }

    /**
     * Creates an embedder with the configuration's thread count. It is cheap: the model is loaded
     * by the first {@code embed} call. Close the embedder to stop its threads and free the model.
     *
     * <pre>{@code
     * try (LocalEmbedder mini = new MiniLmEmbeddingProvider().create(LocalEmbeddingModel.allMiniLmL6V2())) {
     *     float[] v = mini.embed(List.of("The invoice was charged twice")).get(0); // 384 floats, length 1
     * }
     * }</pre>
     *
     * @param model an all-MiniLM-L6-v2 configuration
     * @return a new embedder
     * @throws QuarryException {@link ErrorCode#INVALID_CONFIGURATION} when {@link #supports} is false
     */
    @Override
    public LocalEmbedder create(LocalEmbeddingModel model) {
        if (!supports(model)) {
            throw new QuarryException(
                    ErrorCode.INVALID_CONFIGURATION,
                    "The in-process all-MiniLM-L6-v2 provider cannot run " + model
                            + "; it runs model '" + LocalEmbeddingModel.ALL_MINILM_L6_V2 + "' with " + DIMENSIONS
                            + " dimensions. Use LocalEmbeddingModel.allMiniLmL6V2().");
        }
        return new MiniLmEmbedder(model);
    }

    /**
     * Identifies the vectors: checksums of the bundled model and tokenizer files, the truncation
     * and the pooling, so cached vectors are not reused across a change of any of them.
     *
     * <pre>{@code new MiniLmEmbeddingProvider().modelVersion(LocalEmbeddingModel.allMiniLmL6V2())}</pre>
     *
     * @param model an all-MiniLM-L6-v2 configuration
     * @return the identifier
     */
    @Override
    public String modelVersion(LocalEmbeddingModel model) {
        return MiniLmModel.version();
    }
}
