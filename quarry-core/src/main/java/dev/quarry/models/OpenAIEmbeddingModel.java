package dev.quarry.models;

import java.util.OptionalInt;

/**
 * An embedding model served by OpenAI or an OpenAI-compatible server ({@code /embeddings}).
 *
 * <p>Defaults: 3000 requests/minute, 1_000_000 tokens/minute; the key is read from
 * OPENAI_API_KEY when first needed; base URL {@code https://api.openai.com/v1}.
 *
 * <pre>{@code
 * OpenAIEmbeddingModel.of("text-embedding-3-small").rpm(3000)
 * }</pre>
 */
public final class OpenAIEmbeddingModel extends HostedModelConfig<OpenAIEmbeddingModel>
        implements EmbeddingModelConfig {
    private OpenAIEmbeddingModel(Settings settings) {
        super(settings);
    }

    /**
     * A configuration for the named model with the provider's default limits.
     *
     * <pre>{@code OpenAIEmbeddingModel.of("text-embedding-3-small").rpm(3000)}</pre>
     *
     * @param modelName the provider's model name
     * @return the configuration
     */
    public static OpenAIEmbeddingModel of(String modelName) {
        return new OpenAIEmbeddingModel(Settings.of(modelName, ApiKey.fromEnvironment("OPENAI_API_KEY")));
    }

    /**
     * Asks the provider for embeddings of this many dimensions (models that support shortening).
     *
     * <pre>{@code OpenAIEmbeddingModel.of("model").dimensions(256)}</pre>
     *
     * @param dimensions the vector length, &gt; 0
     * @return a copy with the setting
     */
    public OpenAIEmbeddingModel dimensions(int dimensions) {
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
    OpenAIEmbeddingModel with(Settings settings) {
        return new OpenAIEmbeddingModel(settings);
    }

    @Override
    public String provider() {
        return "openai";
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
        return "https://api.openai.com/v1";
    }
}
