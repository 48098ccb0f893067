package dev.quarry.inference.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ErrorCode;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.FewShotExample;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.openai.OpenAiProtocol;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Gemini API wire format: {@code generateContent} for chat (structured output through
 * {@code responseSchema}) and {@code batchEmbedContents} for embeddings.
 *
 * <pre>{@code WireRequest r = GeminiProtocol.INSTANCE.chatRequest(endpoint, request);}</pre>
 */
public final class GeminiProtocol implements ChatProtocol, EmbeddingProtocol {
    /** The shared instance. */
    public static final GeminiProtocol INSTANCE = new GeminiProtocol();

    private GeminiProtocol() {}

    private static String modelPath(Endpoint endpoint) {
        String name = endpoint.modelName().startsWith("models/")
                ? endpoint.modelName().substring(7)
                : endpoint.modelName();
        return endpoint.baseUrl() + "/v1beta/models/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(Endpoint endpoint) {
        return Map.of("Content-Type", "application/json", "x-goog-api-key", endpoint.apiKey());
    }

    private static void addContent(ArrayNode contents, String role, String text) {
        ObjectNode c = contents.addObject();
        c.put("role", role);
        c.putArray("parts").addObject().put("text", text);
    }

    @Override
    public WireRequest chatRequest(Endpoint endpoint, ChatRequest request) {
        ObjectNode body = Json.object();
        if (request.system() != null) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.system());
        }
        ArrayNode contents = body.putArray("contents");
        for (FewShotExample ex : request.examples()) {
            addContent(contents, "user", ex.user());
            addContent(contents, "model", ex.assistant());
        }
        addContent(contents, "user", request.user());
        ObjectNode config = body.putObject("generationConfig");
        if (request.temperature() != null) config.put("temperature", request.temperature());
        if (request.maxOutputTokens() != null) config.put("maxOutputTokens", request.maxOutputTokens());
        if (request.schema() != null) {
            config.put("responseMimeType", "application/json");
            config.set(
                    "responseSchema",
                    GeminiSchemas.toResponseSchema(request.schema().jsonSchema()));
        }
        if (config.isEmpty()) body.remove("generationConfig");
        return new WireRequest(
                URI.create(modelPath(endpoint) + ":generateContent"),
                headers(endpoint),
                Json.bytes(body),
                request.timeout() != null ? request.timeout() : endpoint.timeout());
    }

    @Override
    public ChatReply parseChat(WireResponse response) {
        JsonNode root = Json.parseBody(response.body());
        JsonNode u = root.path("usageMetadata");
        long thoughts = u.path("thoughtsTokenCount").asLong(0);
        TokenUsage usage = new TokenUsage(
                u.path("promptTokenCount").asLong(0),
                u.path("cachedContentTokenCount").asLong(0),
                u.path("candidatesTokenCount").asLong(0) + thoughts,
                thoughts);
        JsonNode candidates = root.get("candidates");
        if (candidates == null || !candidates.isArray() || candidates.isEmpty()) {
            String block = root.path("promptFeedback").path("blockReason").asText("");
            if (!block.isEmpty() && !block.equals("OTHER") && !block.equals("BLOCK_REASON_UNSPECIFIED")) {
                return new ChatReply(
                        "blocked: "
                                + root.path("promptFeedback")
                                        .path("blockReason")
                                        .asText(),
                        null,
                        "content_filter",
                        usage,
                        false);
            }
            if (!root.has("candidates") && !root.has("usageMetadata")) {
                throw new MalformedResponseException("no 'candidates' in generateContent response");
            }
            return new ChatReply("", null, "none", usage, true);
        }
        JsonNode candidate = candidates.get(0);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("thought").asBoolean(false)) continue;
            text.append(part.path("text").asText(""));
        }
        String reason = candidate.path("finishReason").asText("STOP");
        String finish = switch (reason) {
            case "STOP" -> "stop";
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII" -> "content_filter";
            default -> reason.toLowerCase(Locale.ROOT);
        };
        return new ChatReply(text.toString(), null, finish, usage, false);
    }

    @Override
    public ProviderError parseError(WireResponse response) {
        JsonNode err = Json.tryParse(response.body()).path("error");
        String message = err.path("message").asText("");
        if (message.isEmpty()) message = ProviderErrors.snippet(response);
        String status = err.path("status").asText("");
        String all = err.toString();
        if (all.contains("API_KEY_INVALID") || status.equals("UNAUTHENTICATED") || status.equals("PERMISSION_DENIED")) {
            return ProviderErrors.fatal(ErrorCode.AUTHENTICATION_FAILED, message);
        }
        if (status.equals("NOT_FOUND")) {
            return ProviderErrors.fatal(ErrorCode.MODEL_NOT_FOUND, message);
        }
        if (all.contains("PerDay")) {
            // a daily quota: waiting minutes does not help
            return ProviderErrors.fatal(ErrorCode.QUOTA_EXHAUSTED, message);
        }
        if (response.status() == 429 || status.equals("RESOURCE_EXHAUSTED")) {
            long retry = ProviderErrors.retryAfterNanos(response).orElse(0L);
            for (JsonNode d : err.path("details")) {
                if (d.has("retryDelay")) {
                    retry = Math.max(
                            retry,
                            ProviderErrors.parseDuration(d.get("retryDelay").asText())
                                    .map(Duration::toNanos)
                                    .orElse(0L));
                }
            }
            return new ProviderError(ProviderError.Kind.RATE_LIMITED, ErrorCode.RATE_LIMITED, message, retry);
        }
        return ProviderErrors.byStatus(response.status(), message, response);
    }

    @Override
    public ServerLimits serverLimits(WireResponse response) {
        return ServerLimits.NONE;
    }

    @Override
    public int maxBatchSize() {
        return 100;
    }

    @Override
    public WireRequest embedRequest(Endpoint endpoint, List<String> texts) {
        ObjectNode body = Json.object();
        ArrayNode requests = body.putArray("requests");
        String model = "models/"
                + (endpoint.modelName().startsWith("models/")
                        ? endpoint.modelName().substring(7)
                        : endpoint.modelName());
        for (String t : texts) {
            ObjectNode r = requests.addObject();
            r.put("model", model);
            r.putObject("content").putArray("parts").addObject().put("text", t);
            if (endpoint.dimensions() > 0) r.put("outputDimensionality", endpoint.dimensions());
        }
        return new WireRequest(
                URI.create(modelPath(endpoint) + ":batchEmbedContents"),
                headers(endpoint),
                Json.bytes(body),
                endpoint.timeout());
    }

    @Override
    public EmbedReply parseEmbed(WireResponse response, int expected) {
        JsonNode root = Json.parseBody(response.body());
        JsonNode embeddings = root.get("embeddings");
        if (embeddings == null || !embeddings.isArray() || embeddings.size() != expected) {
            throw new MalformedResponseException("expected " + expected + " entries in 'embeddings', got "
                    + (embeddings == null ? "none" : embeddings.size()));
        }
        List<float[]> out = new ArrayList<>(expected);
        for (JsonNode e : embeddings) {
            out.add(OpenAiProtocol.vector(e.get("values")));
        }
        return new EmbedReply(out, -1);
    }
}
