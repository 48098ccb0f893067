package dev.quarry;

/**
 * How {@link SemanticFrame#simJoin(DataFrame, Column, Column, int, SimilarityMetric)} measures the
 * similarity of two embeddings; higher is always more similar.
 *
 * <pre>{@code left.semantic().simJoin(right, col("emb"), col("title_emb"), 5, SimilarityMetric.DOT)}</pre>
 */
public enum SimilarityMetric {
    /** The cosine of the angle between the vectors, from -1 to 1 (the default). */
    COSINE,
    /** The dot product, for vectors already normalized or where length carries meaning. */
    DOT,
    /** The Euclidean distance, negated so that higher is more similar. */
    L2
}
