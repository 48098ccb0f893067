package dev.quarry.models;

/**
 * A chat model served by the Gemini API ({@code generateContent}).
 *
 * <p>Defaults: 1000 requests/minute, 1_000_000 tokens/minute; the key is read from
 * GEMINI_API_KEY, GOOGLE_API_KEY when first needed; base URL {@code https://generativelanguage.googleapis.com}.
 *
 * <pre>{@code
 * GeminiModel.of("gemini-2.5-flash").rpm(1000).tpm(1_000_000)
 * }</pre>
 */
public final class GeminiModel extends HostedModelConfig<GeminiModel> implements LanguageModelConfig {
    private GeminiModel(Settings settings) {
        super(settings);
    }

    /**
     * A configuration for the named model with the provider's default limits.
     *
     * <pre>{@code GeminiModel.of("gemini-2.5-flash").rpm(1000).tpm(1_000_000)}</pre>
     *
     * @param modelName the provider's model name
     * @return the configuration
     */
    public static GeminiModel of(String modelName) {
        return new GeminiModel(Settings.of(modelName, ApiKey.fromEnvironment("GEMINI_API_KEY", "GOOGLE_API_KEY")));
    }

    @Override
    GeminiModel with(Settings settings) {
        return new GeminiModel(settings);
    }

    @Override
    public String provider() {
        return "gemini";
    }

    @Override
    int defaultRpm() {
        return 1000;
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
