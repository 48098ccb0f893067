package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Anthropic Messages API: {@code POST /v1/messages}. */
final class AnthropicProtocol extends ProviderProtocol {
    private static final Set<String> FIELDS = Set.of(
            "model",
            "messages",
            "max_tokens",
            "system",
            "temperature",
            "top_p",
            "top_k",
            "stop_sequences",
            "stream",
            "metadata",
            "tools",
            "tool_choice",
            "thinking",
            "service_tier",
            "container",
            "mcp_servers",
            "context_management");
    private static final Set<String> VERSIONS = Set.of("2023-06-01", "2023-01-01");
    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,128}$");
    private static final String RATE_LIMIT_HELP = " For details, refer to: https://docs.claude.com/en/api/rate-limits."
            + " You can see the response headers for current usage. Please reduce the prompt length or the maximum"
            + " tokens requested, or try again later. You may also contact sales at"
            + " https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.";

    AnthropicProtocol(Context context) {
        super(context);
    }

    // ---------------------------------------------------------------- errors

    static ObjectNode errorBody(String type, String message) {
        ObjectNode root = Json.object();
        root.put("type", "error");
        ObjectNode error = root.putObject("error");
        error.put("type", type);
        error.put("message", message);
        root.put("request_id", "req_011" + Ids.random(21, java.util.concurrent.ThreadLocalRandom.current()));
        return root;
    }

    private static ApiError invalid(String message) {
        return error(Reply.json(400, errorBody("invalid_request_error", message)));
    }

    @Override
    @Nullable
    Reply authenticate(Endpoint endpoint, Incoming in) {
        String key = in.header("x-api-key");
        if (key == null || key.isBlank()) {
            return Reply.json(401, errorBody("authentication_error", "x-api-key header is required"));
        }
        if (!keyMatches(context.apiKey(), key)) {
            return Reply.json(401, errorBody("authentication_error", "invalid x-api-key"));
        }
        String version = in.header("anthropic-version");
        if (version == null || version.isBlank()) {
            return Reply.json(400, errorBody("invalid_request_error", "anthropic-version: header is required"));
        }
        if (!VERSIONS.contains(version)) {
            return Reply.json(
                    400,
                    errorBody(
                            "invalid_request_error", "anthropic-version: \"" + version + "\" is not a valid version"));
        }
        return null;
    }

    @Override
    Reply malformedJson(Endpoint endpoint, String detail) {
        return Reply.json(
                400,
                errorBody(
                        "invalid_request_error",
                        "There was an error parsing the body of your request: the body is not valid JSON ("
                                + (detail == null ? "unexpected input" : detail.replace('\n', ' ')) + ")."));
    }

    @Override
    Reply unknownPath(Incoming in) {
        return Reply.json(404, errorBody("not_found_error", "Not Found"));
    }

    @Override
    Reply modelNotFound(Endpoint endpoint, String model) {
        return Reply.json(404, errorBody("not_found_error", "model: " + model));
    }

    @Override
    Reply rateLimited(Endpoint endpoint, String model, RateLimiter.Decision d) {
        RateLimiter.BucketState s = d.states().get(d.exceeded());
        String what;
        switch (d.exceeded()) {
            case REQUESTS:
                what = s.limit() + " requests per minute";
                break;
            case INPUT_TOKENS:
                what = s.limit() + " input tokens per minute";
                break;
            case OUTPUT_TOKENS:
                what = s.limit() + " output tokens per minute";
                break;
            default:
                what = s.limit() + " tokens per minute";
        }
        String message = "This request would exceed the rate limit for your organization (org-simulator) of " + what
                + " (model: " + model + ")." + RATE_LIMIT_HELP;
        Map<String, String> headers = new LinkedHashMap<>(rateHeaders(d));
        if (!d.tooLarge()) {
            headers.put("retry-after", Long.toString(retryAfterSeconds(d.retryAfterNanos())));
        }
        return Reply.json(429, errorBody("rate_limit_error", message), headers);
    }

    @Override
    Reply fault(Endpoint endpoint, FaultKind kind, String model) {
        switch (kind) {
            case OVERLOADED:
                return Reply.json(529, errorBody("overloaded_error", "Overloaded"));
            case RATE_LIMITED:
                return Reply.json(
                        429,
                        errorBody(
                                "rate_limit_error",
                                "This request would exceed the rate limit for your organization (org-simulator) of"
                                        + " requests per minute (model: " + model + ")." + RATE_LIMIT_HELP),
                        Map.of("retry-after", "1"));
            case QUOTA_EXHAUSTED:
                // Anthropic answers an empty credit balance with a 400, not a 429.
                return Reply.json(
                        400,
                        errorBody(
                                "invalid_request_error",
                                "Your credit balance is too low to access the Anthropic API. Please go to Plans &"
                                        + " Billing to upgrade or purchase credits."));
            default:
                return internalError(endpoint, "Internal server error");
        }
    }

    @Override
    Reply internalError(Endpoint endpoint, String message) {
        return Reply.json(500, errorBody("api_error", message));
    }

    @Override
    Map<String, String> rateHeaders(RateLimiter.Decision d) {
        Map<String, String> h = new LinkedHashMap<>();
        Instant now = context.clock().instant();
        put(h, "requests", d.states().get(RateLimiter.Kind.REQUESTS), now);
        RateLimiter.BucketState tokens = d.states().get(RateLimiter.Kind.TOKENS);
        put(h, "tokens", tokens, now);
        RateLimiter.BucketState in = d.states().get(RateLimiter.Kind.INPUT_TOKENS);
        put(h, "input-tokens", in != null ? in : tokens, now);
        RateLimiter.BucketState out = d.states().get(RateLimiter.Kind.OUTPUT_TOKENS);
        put(h, "output-tokens", out != null ? out : tokens, now);
        return h;
    }

    private static void put(Map<String, String> h, String name, RateLimiter.@Nullable BucketState s, Instant now) {
        if (s == null) {
            return;
        }
        h.put("anthropic-ratelimit-" + name + "-limit", Long.toString(s.limit()));
        h.put("anthropic-ratelimit-" + name + "-remaining", Long.toString(s.remaining()));
        long seconds = (s.nanosUntilFull() + 999_999_999L) / 1_000_000_000L;
        h.put(
                "anthropic-ratelimit-" + name + "-reset",
                now.plusSeconds(seconds)
                        .with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0)
                        .toString());
    }

    // ---------------------------------------------------------------- parsing

    @Override
    Call parse(Endpoint endpoint, Incoming in, @Nullable JsonNode body, @Nullable String pathModel) {
        if (body == null || !body.isObject()) {
            throw invalid("Input should be a valid dictionary or object to extract fields from");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw invalid(f + ": Extra inputs are not permitted");
            }
        }
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw invalid("model: Field required");
        }
        if (!model.isTextual()) {
            throw invalid("model: Input should be a valid string");
        }
        JsonNode maxTokens = body.get("max_tokens");
        if (maxTokens == null || maxTokens.isNull()) {
            throw invalid("max_tokens: Field required");
        }
        if (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToInt()) {
            throw invalid("max_tokens: Input should be a valid integer");
        }
        if (maxTokens.asInt() < 1) {
            throw invalid("max_tokens: Input should be greater than or equal to 1");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw invalid("messages: Field required");
        }
        if (!messages.isArray()) {
            throw invalid("messages: Input should be a valid list");
        }
        if (messages.isEmpty()) {
            throw invalid("messages: at least one message is required");
        }
        List<ChatMessage> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                throw invalid("messages." + i + ": Input should be a valid dictionary");
            }
            JsonNode role = m.get("role");
            if (role == null || role.isNull()) {
                throw invalid("messages." + i + ".role: Field required");
            }
            if (!role.asText().equals("user") && !role.asText().equals("assistant")) {
                throw invalid("messages." + i + ".role: Input should be 'user' or 'assistant'");
            }
            JsonNode content = m.get("content");
            if (content == null || content.isNull()) {
                throw invalid("messages." + i + ".content: Field required");
            }
            String text = blocks(content, "messages." + i + ".content");
            boolean last = i == messages.size() - 1;
            if (text.isEmpty() && role.asText().equals("user") && content.isTextual()) {
                throw invalid("messages." + i + ": user messages must have non-empty content");
            }
            if (!last && text.isEmpty() && content.isTextual()) {
                throw invalid("messages." + i + ": all messages must have non-empty content except for the optional"
                        + " final assistant message");
            }
            turns.add(new ChatMessage(role.asText(), text));
        }
        String system = null;
        JsonNode sys = body.get("system");
        if (sys != null && !sys.isNull()) {
            if (sys.isTextual()) {
                system = sys.asText();
            } else if (sys.isArray()) {
                system = blocks(sys, "system");
            } else {
                throw invalid("system: Input should be a valid string");
            }
        }
        Double temperature = null;
        JsonNode t = body.get("temperature");
        if (t != null && !t.isNull()) {
            if (!t.isNumber()) {
                throw invalid("temperature: Input should be a valid number");
            }
            if (t.asDouble() > 1.0) {
                throw invalid("temperature: Input should be less than or equal to 1");
            }
            if (t.asDouble() < 0.0) {
                throw invalid("temperature: Input should be greater than or equal to 0");
            }
            temperature = t.asDouble();
        }
        if (body.path("stream").asBoolean(false)) {
            throw invalid("stream: the simulator does not stream responses; send \"stream\": false (or omit it)");
        }
        Map<String, JsonNode> tools = tools(body.get("tools"));
        String forced = forcedTool(body.get("tool_choice"), tools);
        JsonNode schema = forced == null ? null : tools.get(forced);
        ChatRequest request = new ChatRequest(
                Provider.ANTHROPIC,
                model.asText(),
                system,
                turns,
                schema,
                forced,
                forced != null,
                temperature,
                maxTokens.asInt());
        return new Call.Chat(request, 1, forced);
    }

    private static String blocks(JsonNode content, String path) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw invalid(path + ": Input should be a valid list");
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            JsonNode type = block.get("type");
            if (type == null || type.isNull()) {
                throw invalid(path + "." + j + ".type: Field required");
            }
            String text = null;
            switch (type.asText()) {
                case "text":
                    if (!block.path("text").isTextual()) {
                        throw invalid(path + "." + j + ".text: Field required");
                    }
                    if (block.get("text").asText().isEmpty()) {
                        throw invalid(path + "." + j + ".text: text content blocks must be non-empty");
                    }
                    text = block.get("text").asText();
                    break;
                case "tool_result":
                    JsonNode c = block.get("content");
                    text = c == null ? "" : c.isTextual() ? c.asText() : blocks(c, path + "." + j + ".content");
                    break;
                case "tool_use":
                    text = block.path("input").toString();
                    break;
                case "image":
                case "document":
                case "thinking":
                case "redacted_thinking":
                    break;
                default:
                    throw invalid(path + "." + j + ".type: Input tag '" + type.asText()
                            + "' found using 'type' does not match any of the expected tags: 'text', 'image',"
                            + " 'document', 'tool_use', 'tool_result', 'thinking', 'redacted_thinking'");
            }
            if (text != null && !text.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(text);
            }
        }
        return sb.toString();
    }

    private static Map<String, JsonNode> tools(@Nullable JsonNode tools) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (tools == null || tools.isNull()) {
            return out;
        }
        if (!tools.isArray()) {
            throw invalid("tools: Input should be a valid list");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            JsonNode name = tool.get("name");
            if (name == null || !name.isTextual()) {
                throw invalid("tools." + i + ".custom.name: Field required");
            }
            if (!TOOL_NAME.matcher(name.asText()).matches()) {
                throw invalid("tools." + i + ".custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'");
            }
            if (tool.has("type") && !tool.get("type").asText().equals("custom")) {
                continue; // server tools (web search, ...) take no input schema
            }
            JsonNode schema = tool.get("input_schema");
            if (schema == null || schema.isNull()) {
                throw invalid("tools." + i + ".custom.input_schema: Field required");
            }
            if (!schema.isObject()) {
                throw invalid("tools." + i + ".custom.input_schema: Input should be a valid dictionary");
            }
            if (!schema.path("type").asText("").equals("object")) {
                throw invalid("tools." + i + ".custom.input_schema.type: Input should be 'object'");
            }
            if (out.put(name.asText(), schema) != null) {
                throw invalid("tools: Tool names must be unique.");
            }
        }
        return out;
    }

    private static @Nullable String forcedTool(@Nullable JsonNode choice, Map<String, JsonNode> tools) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        String type = choice.path("type").asText("");
        switch (type) {
            case "auto":
            case "none":
                return null;
            case "any":
                if (tools.isEmpty()) {
                    throw invalid("tool_choice: tool_choice.type 'any' requires tools to be provided");
                }
                return tools.keySet().iterator().next();
            case "tool":
                JsonNode name = choice.get("name");
                if (name == null || !name.isTextual()) {
                    throw invalid("tool_choice.tool.name: Field required");
                }
                if (!tools.containsKey(name.asText())) {
                    throw invalid("tool_choice: Tool '" + name.asText() + "' not found in tools");
                }
                return name.asText();
            default:
                throw invalid("tool_choice: Input tag '" + type + "' found using 'type' does not match any of the"
                        + " expected tags: 'auto', 'any', 'tool', 'none'");
        }
    }

    // ---------------------------------------------------------------- answers

    @Override
    Reply chat(Endpoint endpoint, Call.Chat call, List<Completion> completions, int inputTokens, RandomGenerator ids) {
        Completion c = completions.get(0);
        ObjectNode root = Json.object();
        root.put("id", "msg_01" + Ids.random(22, ids));
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", call.model());
        ArrayNode content = root.putArray("content");
        String stop = c.truncated() ? "max_tokens" : "end_turn";
        if (!c.empty()) {
            JsonNode input = call.toolName() == null ? null : toolInput(c);
            if (input != null) {
                ObjectNode block = content.addObject();
                block.put("type", "tool_use");
                block.put("id", "toolu_01" + Ids.random(22, ids));
                block.put("name", call.toolName());
                block.set("input", input);
                if (!c.truncated()) {
                    stop = "tool_use";
                }
            } else {
                ObjectNode block = content.addObject();
                block.put("type", "text");
                block.put("text", c.text());
            }
        }
        root.put("stop_reason", stop);
        root.putNull("stop_sequence");
        ObjectNode usage = root.putObject("usage");
        usage.put("input_tokens", inputTokens);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", c.outputTokens());
        usage.put("service_tier", "standard");
        return Reply.json(200, root);
    }

    /** The tool input: the answer parsed as a JSON object; a cut-off answer gives {}; free text gives null. */
    private static @Nullable JsonNode toolInput(Completion c) {
        try {
            JsonNode parsed = Json.MAPPER.readTree(c.text());
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (IOException e) {
            // fall through
        }
        return c.truncated() ? Json.object() : null;
    }

    @Override
    Reply embed(
            Endpoint endpoint,
            Call.Embed call,
            List<float[]> vectors,
            int inputTokens,
            boolean empty,
            RandomGenerator ids) {
        throw new IllegalStateException("Anthropic has no embedding endpoint");
    }
}
