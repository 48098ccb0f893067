package dev.quarry.inference.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.quarry.ErrorCode;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.FewShotExample;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.provider.ChatProtocol;
import dev.quarry.inference.provider.ChatReply;
import dev.quarry.inference.provider.EmbedReply;
import dev.quarry.inference.provider.EmbeddingProtocol;
import dev.quarry.inference.provider.Endpoint;
import dev.quarry.inference.provider.Json;
import dev.quarry.inference.provider.MalformedResponseException;
import dev.quarry.inference.provider.ProviderError;
import dev.quarry.inference.provider.ProviderErrors;
import dev.quarry.inference.provider.TokenUsage;
import dev.quarry.inference.ratelimit.ServerLimits;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI chat completions and embeddings wire format, also spoken by vLLM, Ollama, LM Studio
 * and OpenRouter. Structured output uses {@code response_format} {@code json_schema} in strict mode.
 *
 * <pre>{@code WireRequest r = OpenAiProtocol.INSTANCE.chatRequest(endpoint, request);}</pre>
 */
public final class OpenAiProtocol implements ChatProtocol, EmbeddingProtocol {
    /** The shared instance. */
    public static final OpenAiProtocol INSTANCE = new OpenAiProtocol();

    private OpenAiProtocol() {}

    private static Map<String, String> headers(Endpoint endpoint) {
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", "application/json");
        if (!endpoint.apiKey().isEmpty()) {
            h.put("Authorization", "Bearer " + endpoint.apiKey());
        }
        return h;
    }

    @Override
    public WireRequest chatRequest(Endpoint endpoint, ChatRequest request) {
        ObjectNode body = Json.object();
        body.put("model", endpoint.modelName());
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        for (FewShotExample ex : request.examples()) {
            messages.addObject().put("role", "user").put("content", ex.user());
            messages.addObject().put("role", "assistant").put("content", ex.assistant());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.maxOutputTokens() != null) {
            // OpenAI's own API wants max_completion_tokens; compatible servers know max_tokens.
            body.put(endpoint.customBaseUrl() ? "max_tokens" : "max_completion_tokens", request.maxOutputTokens());
        }
        if (request.schema() != null) {
            ObjectNode format = body.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode js = format.putObject("json_schema");
            js.put("name", request.schema().name());
            js.put("strict", true);
            js.putRawValue("schema", new RawValue(request.schema().json()));
        }
        return new WireRequest(
                URI.create(endpoint.baseUrl() + "/chat/completions"),
                headers(endpoint),
                Json.bytes(body),
                request.timeout() != null ? request.timeout() : endpoint.timeout());
    }

    @Override
    public ChatReply parseChat(WireResponse response) {
        JsonNode root = Json.parseBody(response.body());
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray()) {
            throw new MalformedResponseException("no 'choices' array in chat completion");
        }
        TokenUsage usage = usage(root.path("usage"));
        if (choices.isEmpty()) {
            return new ChatReply("", null, "none", usage, true);
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        String finish = choice.path("finish_reason").asText("none");
        JsonNode refusal = message.get("refusal");
        if (refusal != null && refusal.isTextual() && !refusal.asText().isEmpty()) {
            return new ChatReply(refusal.asText(), null, "refusal", usage, false);
        }
        JsonNode content = message.get("content");
        String text = content == null || content.isNull() ? "" : content.asText();
        String normalized = switch (finish) {
            case "stop" -> "stop";
            case "length" -> "length";
            case "content_filter" -> "content_filter";
            case "tool_calls", "function_call" -> "stop";
            default -> finish;
        };
        return new ChatReply(text, null, normalized, usage, false);
    }

    private static TokenUsage usage(JsonNode u) {
        if (u.isMissingNode() || u.isNull()) return TokenUsage.NONE;
        return new TokenUsage(
                u.path("prompt_tokens").asLong(0),
                u.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                u.path("completion_tokens").asLong(0),
                u.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
    }

    @Override
    public ProviderError parseError(WireResponse response) {
        JsonNode err = Json.tryParse(response.body()).path("error");
        String message = err.path("message").asText("");
        if (message.isEmpty()) message = ProviderErrors.snippet(response);
        String code = err.path("code").asText("");
        String type = err.path("type").asText("");
        if (code.equals("insufficient_quota") || type.equals("insufficient_quota")) {
            return ProviderErrors.fatal(ErrorCode.QUOTA_EXHAUSTED, message);
        }
        if (code.equals("model_not_found")) {
            return ProviderErrors.fatal(ErrorCode.MODEL_NOT_FOUND, message);
        }
        if (code.equals("context_length_exceeded") || code.equals("string_above_max_length")) {
            return ProviderErrors.fatal(ErrorCode.REQUEST_TOO_LARGE, message);
        }
        if (code.equals("invalid_api_key")) {
            return ProviderErrors.fatal(ErrorCode.AUTHENTICATION_FAILED, message);
        }
        return ProviderErrors.byStatus(response.status(), message, response);
    }

    @Override
    public ServerLimits serverLimits(WireResponse response) {
        return ProviderErrors.openAiStyleLimits(response);
    }

    @Override
    public int maxBatchSize() {
        return 2048;
    }

    @Override
    public WireRequest embedRequest(Endpoint endpoint, List<String> texts) {
        ObjectNode body = Json.object();
        body.put("model", endpoint.modelName());
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        body.put("encoding_format", "float");
        if (endpoint.dimensions() > 0) {
            body.put("dimensions", endpoint.dimensions());
        }
        return new WireRequest(
                URI.create(endpoint.baseUrl() + "/embeddings"),
                headers(endpoint),
                Json.bytes(body),
                endpoint.timeout());
    }

    @Override
    public EmbedReply parseEmbed(WireResponse response, int expected) {
        JsonNode root = Json.parseBody(response.body());
        JsonNode data = root.get("data");
        if (data == null || !data.isArray() || data.size() != expected) {
            throw new MalformedResponseException(
                    "expected " + expected + " embeddings in 'data', got " + (data == null ? "none" : data.size()));
        }
        float[][] out = new float[expected][];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").asInt(i);
            if (index < 0 || index >= expected || out[index] != null) {
                throw new MalformedResponseException("embedding index " + index + " out of range or repeated");
            }
            out[index] = vector(item.get("embedding"));
        }
        long tokens = root.path("usage").path("prompt_tokens").asLong(-1);
        return new EmbedReply(List.of(out), tokens);
    }

    /**
     * Reads a JSON array of numbers.
     *
     * <pre>{@code float[] v = OpenAiProtocol.vector(node);}</pre>
     *
     * @param node the array
     * @return the vector
     */
    public static float[] vector(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new MalformedResponseException("embedding is not a non-empty array of numbers");
        }
        float[] v = new float[node.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = node.get(i);
            if (!x.isNumber()) throw new MalformedResponseException("embedding holds a non-number: " + x);
            v[i] = (float) x.asDouble();
        }
        return v;
    }
}
