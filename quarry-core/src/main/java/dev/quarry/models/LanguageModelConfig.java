package dev.quarry.models;

/**
 * The configuration of a chat language model, registered on a session under an alias with
 * {@code Session.builder().languageModel("fast", OpenAIModel.of("gpt-4.1-nano"))}. Implemented by
 * {@link OpenAIModel}, {@link AnthropicModel} and {@link GeminiModel}.
 */
public interface LanguageModelConfig extends ModelConfig {}
