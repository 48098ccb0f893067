package dev.quarry.models;

import java.util.OptionalInt;

/**
 * An embedding model served by the Cohere embed v2 API.
 *
 * <p>Defaults: 2000 requests/minute; the key is read from
 * COHERE_API_KEY when first needed; base URL {@code https://api.cohere.com}.
 *
 * <pre>{@code
 * CohereEmbeddingModel.of("embed-v4.0").rpm(2000)
 * }</pre>
 */
public final class CohereEmbeddingModel extends HostedModelConfig<CohereEmbeddingModel>
        implements EmbeddingModelConfig {
    private CohereEmbeddingModel(Settings settings) {
        super(settings);
    }

    /**
     * A configuration for the named model with the provider's default limits.
     *
     * <pre>{@code CohereEmbeddingModel.of("embed-v4.0").rpm(2000)}</pre>
     *
     * @param modelName the provider's model name
     * @return the configuration
     */
    public static CohereEmbeddingModel of(String modelName) {
        return new CohereEmbeddingModel(Settings.of(modelName, ApiKey.fromEnvironment("COHERE_API_KEY")));
    }

    /**
     * Asks the provider for embeddings of this many dimensions (models that support shortening).
     *
     * <pre>{@code CohereEmbeddingModel.of("model").dimensions(256)}</pre>
     *
     * @param dimensions the vector length, &gt; 0
     * @return a copy with the setting
     */
    public CohereEmbeddingModel dimensions(int dimensions) {
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
    CohereEmbeddingModel with(Settings settings) {
        return new CohereEmbeddingModel(settings);
    }

    @Override
    public String provider() {
        return "cohere";
    }

    @Override
    int defaultRpm() {
        return 2000;
    }

    @Override
    long defaultTpm() {
        return 0;
    }

    @Override
    String defaultBaseUrl() {
        return "https://api.cohere.com";
    }
}
