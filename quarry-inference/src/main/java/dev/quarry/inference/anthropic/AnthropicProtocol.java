package dev.quarry.inference.anthropic;

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
import dev.quarry.inference.provider.Endpoint;
import dev.quarry.inference.provider.Json;
import dev.quarry.inference.provider.MalformedResponseException;
import dev.quarry.inference.provider.ProviderError;
import dev.quarry.inference.provider.ProviderErrors;
import dev.quarry.inference.provider.TokenUsage;
import dev.quarry.inference.ratelimit.ServerLimits;
import java.net.URI;
import java.util.Map;

/**
 * The Anthropic Messages wire format. Structured output is a forced tool call whose input schema is
 * the output schema; the tool input is the answer.
 *
 * <pre>{@code WireRequest r = AnthropicProtocol.INSTANCE.chatRequest(endpoint, request);}</pre>
 */
public final class AnthropicProtocol implements ChatProtocol {
    /** The shared instance. */
    public static final AnthropicProtocol INSTANCE = new AnthropicProtocol();

    /** The API version sent with every request. */
    public static final String VERSION = "2023-06-01";

    /** {@code max_tokens} is required by the API; this is sent when the request sets none. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    private AnthropicProtocol() {}

    @Override
    public WireRequest chatRequest(Endpoint endpoint, ChatRequest request) {
        ObjectNode body = Json.object();
        body.put("model", endpoint.modelName());
        body.put("max_tokens", request.maxOutputTokens() != null ? request.maxOutputTokens() : DEFAULT_MAX_TOKENS);
        if (request.system() != null) {
            body.put("system", request.system());
        }
        ArrayNode messages = body.putArray("messages");
        for (FewShotExample ex : request.examples()) {
            messages.addObject().put("role", "user").put("content", ex.user());
            messages.addObject().put("role", "assistant").put("content", ex.assistant());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        if (request.temperature() != null) {
            body.put("temperature", Math.min(1.0, request.temperature()));
        }
        if (request.schema() != null) {
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", request.schema().name());
            tool.put("description", "Record the answer. Always call this tool with the complete answer.");
            tool.putRawValue("input_schema", new RawValue(request.schema().json()));
            body.putObject("tool_choice")
                    .put("type", "tool")
                    .put("name", request.schema().name());
        }
        return new WireRequest(
                URI.create(endpoint.baseUrl() + "/v1/messages"),
                Map.of(
                        "Content-Type",
                        "application/json",
                        "x-api-key",
                        endpoint.apiKey(),
                        "anthropic-version",
                        VERSION),
                Json.bytes(body),
                request.timeout() != null ? request.timeout() : endpoint.timeout());
    }

    @Override
    public ChatReply parseChat(WireResponse response) {
        JsonNode root = Json.parseBody(response.body());
        JsonNode content = root.get("content");
        if (content == null || !content.isArray()) {
            throw new MalformedResponseException("no 'content' array in message");
        }
        JsonNode u = root.path("usage");
        long cacheRead = u.path("cache_read_input_tokens").asLong(0);
        long input = u.path("input_tokens").asLong(0)
                + cacheRead
                + u.path("cache_creation_input_tokens").asLong(0);
        TokenUsage usage =
                new TokenUsage(input, cacheRead, u.path("output_tokens").asLong(0), 0);
        String stop = root.path("stop_reason").asText("none");
        String finish = switch (stop) {
            case "end_turn", "stop_sequence", "tool_use" -> "stop";
            case "max_tokens" -> "length";
            case "refusal" -> "refusal";
            default -> stop;
        };
        JsonNode structured = null;
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            if (type.equals("tool_use") && structured == null) {
                structured = block.get("input");
            } else if (type.equals("text")) {
                text.append(block.path("text").asText());
            }
        }
        if (structured != null) {
            return new ChatReply(structured.toString(), structured, finish, usage, false);
        }
        return new ChatReply(text.toString(), null, finish, usage, content.isEmpty());
    }

    @Override
    public ProviderError parseError(WireResponse response) {
        JsonNode err = Json.tryParse(response.body()).path("error");
        String message = err.path("message").asText("");
        if (message.isEmpty()) message = ProviderErrors.snippet(response);
        String type = err.path("type").asText("");
        switch (type) {
            case "authentication_error", "permission_error":
                return ProviderErrors.fatal(ErrorCode.AUTHENTICATION_FAILED, message);
            case "not_found_error":
                return ProviderErrors.fatal(ErrorCode.MODEL_NOT_FOUND, message);
            case "request_too_large":
                return ProviderErrors.fatal(ErrorCode.REQUEST_TOO_LARGE, message);
            case "billing_error":
                return ProviderErrors.fatal(ErrorCode.QUOTA_EXHAUSTED, message);
            case "overloaded_error", "api_error":
                return new ProviderError(
                        ProviderError.Kind.TRANSIENT,
                        ErrorCode.PROVIDER_UNAVAILABLE,
                        message,
                        ProviderErrors.retryAfterNanos(response).orElse(0L));
            default:
                if (message.toLowerCase(java.util.Locale.ROOT).contains("credit balance")) {
                    return ProviderErrors.fatal(ErrorCode.QUOTA_EXHAUSTED, message);
                }
                return ProviderErrors.byStatus(response.status(), message, response);
        }
    }

    @Override
    public ServerLimits serverLimits(WireResponse response) {
        long rpm = ProviderErrors.longHeader(response, "anthropic-ratelimit-requests-limit");
        long tpm = ProviderErrors.longHeader(response, "anthropic-ratelimit-tokens-limit");
        long in = ProviderErrors.longHeader(response, "anthropic-ratelimit-input-tokens-limit");
        long out = ProviderErrors.longHeader(response, "anthropic-ratelimit-output-tokens-limit");
        return rpm == 0 && tpm == 0 && in == 0 && out == 0 ? ServerLimits.NONE : new ServerLimits(rpm, tpm, in, out);
    }
}
