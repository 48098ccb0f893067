package dev.quarry.testkit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A text-generation request as the simulator understood it, the same shape for every provider. An
 * {@link AnswerFunction} receives it and decides what the model says.
 *
 * <pre>{@code
 * AnswerFunction echo = request -> "You said: " + request.lastUserText();
 * }</pre>
 *
 * @param provider whose protocol carried the request
 * @param model the model name as sent
 * @param system the system prompt, or null
 * @param messages the conversation, in order, system turns excluded
 * @param schema the JSON Schema the answer must satisfy (OpenAI {@code json_schema}, Anthropic
 *     forced tool {@code input_schema}, Gemini {@code responseSchema}), or null for free text
 * @param schemaName the schema's name (OpenAI {@code json_schema.name}, the forced tool's name), or null
 * @param jsonMode true when the answer must be a JSON object (a schema, or OpenAI {@code json_object},
 *     or Gemini {@code responseMimeType: application/json})
 * @param temperature the sampling temperature, or null when not sent
 * @param maxOutputTokens the output limit, or null when not sent
 */
public record ChatRequest(
        Provider provider,
        String model,
        @Nullable String system,
        List<ChatMessage> messages,
        @Nullable JsonNode schema,
        @Nullable String schemaName,
        boolean jsonMode,
        @Nullable Double temperature,
        @Nullable Integer maxOutputTokens) {

    /** Validates and copies the fields. */
    public ChatRequest {
        requireNonNull(provider, "provider is null");
        requireNonNull(model, "model is null");
        messages = List.copyOf(requireNonNull(messages, "messages is null"));
        if (schema != null) {
            schema = schema.deepCopy();
        }
    }

    /**
     * The text of the last {@code user} turn, or an empty string when there is none.
     *
     * <pre>{@code String ticket = request.lastUserText();}</pre>
     *
     * @return the last user text
     */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).text();
            }
        }
        return "";
    }

    /**
     * The whole prompt as one string: the system prompt and every turn, one per line. This is the
     * text the simulator counts tokens of and keys its default answers on.
     *
     * <pre>{@code boolean mentionsRefund = request.promptText().contains("refund");}</pre>
     *
     * @return the prompt text
     */
    public String promptText() {
        StringBuilder sb = new StringBuilder();
        if (system != null) {
            sb.append(system).append('\n');
        }
        for (ChatMessage m : messages) {
            sb.append(m.text()).append('\n');
        }
        return sb.toString();
    }
}
