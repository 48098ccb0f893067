package dev.quarry.types;

import static java.util.Objects.requireNonNull;

/**
 * A fixed-length vector of floats produced by an embedding model; Java {@code float[]}.
 *
 * <pre>{@code DataType e = new EmbeddingType(384, "mini"); // embedding<384, mini>}</pre>
 *
 * @param dimensions the vector length, at least 1
 * @param model the alias of the model that produced it
 */
public record EmbeddingType(int dimensions, String model) implements DataType {
    /** Validates the dimensions and model. */
    public EmbeddingType {
        requireNonNull(model, "model is null");
        if (dimensions < 1) {
            throw new IllegalArgumentException("embedding dimensions must be >= 1, was " + dimensions);
        }
    }

    @Override
    public String simpleString() {
        return "embedding<" + dimensions + ", " + model + ">";
    }

    @Override
    public String toString() {
        return simpleString();
    }
}
