package dev.quarry.inference;

/**
 * Language models and embedding models are accounted separately ({@code QueryMetrics.languageModel()}
 * and {@code embeddingModel()}).
 *
 * <pre>{@code ModelUsage lm = runtime.usage().usageOfQuery("q1", ModelKind.LANGUAGE);}</pre>
 */
public enum ModelKind {
    /** Chat models. */
    LANGUAGE,
    /** Embedding models. */
    EMBEDDING
}
