package dev.quarry.models;

/**
 * A chat model served by OpenAI or by any OpenAI-compatible server (vLLM, Ollama, LM Studio, OpenRouter) set with {@link #baseUrl(String)}.
 *
 * <p>Defaults: 500 requests/minute, 200_000 tokens/minute; the key is read from
 * OPENAI_API_KEY when first needed; base URL {@code https://api.openai.com/v1}.
 *
 * <pre>{@code
 * OpenAIModel.of("gpt-4.1-nano").rpm(500).tpm(200_000)
 * }</pre>
 */
public final class OpenAIModel extends HostedModelConfig<OpenAIModel> implements LanguageModelConfig {
    private OpenAIModel(Settings settings) {
        super(settings);
    }

    /**
     * A configuration for the named model with the provider's default limits.
     *
     * <pre>{@code OpenAIModel.of("gpt-4.1-nano").rpm(500).tpm(200_000)}</pre>
     *
     * @param modelName the provider's model name
     * @return the configuration
     */
    public static OpenAIModel of(String modelName) {
        return new OpenAIModel(Settings.of(modelName, ApiKey.fromEnvironment("OPENAI_API_KEY")));
    }

    @Override
    OpenAIModel with(Settings settings) {
        return new OpenAIModel(settings);
    }

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    int defaultRpm() {
        return 500;
    }

    @Override
    long defaultTpm() {
        return 200_000;
    }

    @Override
    String defaultBaseUrl() {
        return "https://api.openai.com/v1";
    }
}
