package dev.quarry.models;

import java.util.OptionalInt;

/**
 * An embedding model served by the Gemini API ({@code batchEmbedContents}).
 *
 * <p>Defaults: 3000 requests/minute, 1_000_000 tokens/minute; the key is read from
 * GEMINI_API_KEY, GOOGLE_API_KEY when first needed; base URL {@code https://generativelanguage.googleapis.com}.
 *
 * <pre>{@code
 * GeminiEmbeddingModel.of("gemini-embedding-001").rpm(3000)
 * }</pre>
 */
public final class GeminiEmbeddingModel extends HostedModelConfig<GeminiEmbeddingModel>
        implements EmbeddingModelConfig {
    private GeminiEmbeddingModel(Settings settings) {
        super(settings);
    }

    /**
     * A configuration for the named model with the provider's default limits.
     *
     * <pre>{@code GeminiEmbeddingModel.of("gemini-embedding-001").rpm(3000)}</pre>
     *
     * @param modelName the provider's model name
     * @return the configuration
     */
    public static GeminiEmbeddingModel of(String modelName) {
        return new GeminiEmbeddingModel(
                Settings.of(modelName, ApiKey.fromEnvironment("GEMINI_API_KEY", "GOOGLE_API_KEY")));
    }

    /**
     * Asks the provider for embeddings of this many dimensions (models that support shortening).
     *
     * <pre>{@code GeminiEmbeddingModel.of("model").dimensions(256)}</pre>
     *
     * @param dimensions the vector length, &gt; 0
     * @return a copy with the setting
     */
    public GeminiEmbeddingModel dimensions(int dimensions) {
        return withDimensions(dimensions);
    }

    /**
     * The requested vector length, empty for the model's native length.
     *
     * <pre>{@code int d = model.dimensions().orElse(1536);}</pre>
     *
     * @return the requested dimensions
     */
    public OptionalInt dimensions() {
        return configuredDimensions();
    }

    @Override
    GeminiEmbeddingModel with(Settings settings) {
        return new GeminiEmbeddingModel(settings);
    }

    @Override
    public String provider() {
        return "gemini";
    }

    @Override
    int defaultRpm() {
        return 3000;
    }

    @Override
    long defaultTpm() {
        return 1_000_000;
    }

    @Override
    String defaultBaseUrl() {
        return "https://generativelanguage.googleapis.com";
    }
}
