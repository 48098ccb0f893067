package dev.quarry.models;

/**
 * A chat model served by the Anthropic Messages API, with separate input and output token budgets.
 *
 * <p>Defaults: 50 requests/minute, 50_000 input tokens/minute, 10_000 output tokens/minute; the key is read from
 * ANTHROPIC_API_KEY when first needed; base URL {@code https://api.anthropic.com}.
 *
 * <pre>{@code
 * AnthropicModel.of("claude-haiku-4-5").rpm(50).inputTpm(50_000).outputTpm(10_000)
 * }</pre>
 */
public final class AnthropicModel extends HostedModelConfig<AnthropicModel> implements LanguageModelConfig {
    private AnthropicModel(Settings settings) {
        super(settings);
    }

    /**
     * A configuration for the named model with the provider's default limits.
     *
     * <pre>{@code AnthropicModel.of("claude-haiku-4-5").rpm(50).inputTpm(50_000).outputTpm(10_000)}</pre>
     *
     * @param modelName the provider's model name
     * @return the configuration
     */
    public static AnthropicModel of(String modelName) {
        return new AnthropicModel(Settings.of(modelName, ApiKey.fromEnvironment("ANTHROPIC_API_KEY")));
    }

    @Override
    AnthropicModel with(Settings settings) {
        return new AnthropicModel(settings);
    }

    @Override
    public String provider() {
        return "anthropic";
    }

    @Override
    int defaultRpm() {
        return 50;
    }

    @Override
    long defaultTpm() {
        return 0;
    }

    @Override
    long defaultInputTpm() {
        return 50_000;
    }

    @Override
    long defaultOutputTpm() {
        return 10_000;
    }

    @Override
    String defaultBaseUrl() {
        return "https://api.anthropic.com";
    }
}
