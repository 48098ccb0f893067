package dev.quarry.models;

/**
 * What every model configuration has: the provider's model name and the provider it is served by.
 * Configurations are immutable; every setter returns a copy.
 */
public interface ModelConfig {
    /**
     * The provider's name for the model.
     *
     * <pre>{@code OpenAIModel.of("gpt-4.1-nano").modelName() // "gpt-4.1-nano"}</pre>
     *
     * @return the model name as the provider knows it
     */
    String modelName();

    /**
     * The provider serving the model: {@code openai}, {@code anthropic}, {@code gemini},
     * {@code cohere} or {@code local}.
     *
     * <pre>{@code AnthropicModel.of("claude-haiku-4-5").provider() // "anthropic"}</pre>
     *
     * @return the provider id
     */
    String provider();
}
