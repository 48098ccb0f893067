package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** OpenAI: chat completions, embeddings, models. */
final class OpenAiProtocol extends ProviderProtocol {
    private static final Set<String> CHAT_FIELDS = Set.of(
            "model",
            "messages",
            "temperature",
            "top_p",
            "n",
            "stream",
            "stream_options",
            "stop",
            "max_tokens",
            "max_completion_tokens",
            "presence_penalty",
            "frequency_penalty",
            "logit_bias",
            "logprobs",
            "top_logprobs",
            "user",
            "response_format",
            "seed",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "service_tier",
            "store",
            "metadata",
            "reasoning_effort",
            "modalities",
            "audio",
            "prediction",
            "web_search_options",
            "verbosity",
            "prompt_cache_key",
            "prompt_cache_retention",
            "safety_identifier",
            "functions",
            "function_call");
    private static final Set<String> EMBED_FIELDS = Set.of("model", "input", "dimensions", "encoding_format", "user");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    private static final Pattern SCHEMA_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final int MAX_EMBEDDING_INPUTS = 2048;
    private static final int MAX_EMBEDDING_INPUT_TOKENS = 8192;

    OpenAiProtocol(Context context) {
        super(context);
    }

    // ---------------------------------------------------------------- errors

    static ObjectNode errorBody(String message, String type, @Nullable String param, @Nullable String code) {
        ObjectNode error = Json.object();
        error.put("message", message);
        error.put("type", type);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        ObjectNode root = Json.object();
        root.set("error", error);
        return root;
    }

    private static ApiError invalid(String message, @Nullable String param, @Nullable String code) {
        return error(Reply.json(400, errorBody(message, "invalid_request_error", param, code)));
    }

    @Override
    @Nullable
    Reply authenticate(Endpoint endpoint, Incoming in) {
        String key = in.bearer();
        if (key == null || key.isBlank()) {
            return Reply.json(
                    401,
                    errorBody(
                            "You didn't provide an API key. You need to provide your API key in an Authorization"
                                    + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the"
                                    + " password field (with blank username) if you're accessing the API from your"
                                    + " browser and are prompted for a username and password. You can obtain an API"
                                    + " key from https://platform.openai.com/account/api-keys.",
                            "invalid_request_error",
                            null,
                            null));
        }
        if (!keyMatches(context.apiKey(), key)) {
            // The real service echoes a masked key; the simulator never echoes any part of it.
            return Reply.json(
                    401,
                    errorBody(
                            "Incorrect API key provided. You can find your API key at"
                                    + " https://platform.openai.com/account/api-keys.",
                            "invalid_request_error",
                            null,
                            "invalid_api_key"));
        }
        return null;
    }

    @Override
    Reply malformedJson(Endpoint endpoint, String detail) {
        return Reply.json(
                400,
                errorBody(
                        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using"
                                + " your HTTP library correctly. The OpenAI API expects a JSON payload, but what was"
                                + " sent was not valid JSON. If you have trouble figuring out how to fix this, please"
                                + " contact us through our help center at help.openai.com.)",
                        "invalid_request_error",
                        null,
                        null));
    }

    @Override
    Reply unknownPath(Incoming in) {
        return Reply.json(
                404,
                errorBody("Invalid URL (" + in.method() + " " + in.path() + ")", "invalid_request_error", null, null));
    }

    @Override
    Reply modelNotFound(Endpoint endpoint, String model) {
        return Reply.json(
                404,
                errorBody(
                        "The model `" + model + "` does not exist or you do not have access to it.",
                        "invalid_request_error",
                        null,
                        "model_not_found"));
    }

    @Override
    Reply rateLimited(Endpoint endpoint, String model, RateLimiter.Decision d) {
        boolean requests = d.exceeded() == RateLimiter.Kind.REQUESTS;
        String unit = requests ? "requests per min (RPM)" : "tokens per min (TPM)";
        long limit = d.states().get(d.exceeded()).limit();
        String message;
        if (d.tooLarge()) {
            message = "Request too large for " + model + " in organization org-simulator on " + unit + ": Limit "
                    + limit + ", Requested " + d.requested()
                    + ". The input or output tokens must be reduced in order to run successfully. Visit"
                    + " https://platform.openai.com/account/rate-limits to learn more.";
        } else {
            message = "Rate limit reached for " + model + " in organization org-simulator on " + unit + ": Limit "
                    + limit + ", Used " + d.used() + ", Requested " + d.requested() + ". Please try again in "
                    + goDuration(d.retryAfterNanos())
                    + ". Visit https://platform.openai.com/account/rate-limits to learn more.";
        }
        Map<String, String> headers = new LinkedHashMap<>(rateHeaders(d));
        if (!d.tooLarge()) {
            headers.put("retry-after", Long.toString(retryAfterSeconds(d.retryAfterNanos())));
        }
        return Reply.json(
                429, errorBody(message, requests ? "requests" : "tokens", null, "rate_limit_exceeded"), headers);
    }

    @Override
    Reply fault(Endpoint endpoint, FaultKind kind, String model) {
        switch (kind) {
            case OVERLOADED:
                return Reply.json(
                        503, errorBody("The server is overloaded or not ready yet.", "server_error", null, null));
            case RATE_LIMITED:
                return Reply.json(
                        429,
                        errorBody(
                                "Rate limit reached for " + model + " in organization org-simulator on requests per"
                                        + " min (RPM). Please try again in 1s. Visit"
                                        + " https://platform.openai.com/account/rate-limits to learn more.",
                                "requests",
                                null,
                                "rate_limit_exceeded"),
                        Map.of("retry-after", "1"));
            case QUOTA_EXHAUSTED:
                return Reply.json(
                        429,
                        errorBody(
                                "You exceeded your current quota, please check your plan and billing details. For"
                                        + " more information on this error, read the docs:"
                                        + " https://platform.openai.com/docs/guides/error-codes/api-errors.",
                                "insufficient_quota",
                                null,
                                "insufficient_quota"));
            default:
                return internalError(
                        endpoint, "The server had an error while processing your request. Sorry about that!");
        }
    }

    @Override
    Reply internalError(Endpoint endpoint, String message) {
        return Reply.json(500, errorBody(message, "server_error", null, null));
    }

    @Override
    Map<String, String> rateHeaders(RateLimiter.Decision d) {
        Map<String, String> h = new LinkedHashMap<>();
        RateLimiter.BucketState r = d.states().get(RateLimiter.Kind.REQUESTS);
        if (r != null) {
            h.put("x-ratelimit-limit-requests", Long.toString(r.limit()));
            h.put("x-ratelimit-remaining-requests", Long.toString(r.remaining()));
            h.put("x-ratelimit-reset-requests", goDuration(r.nanosUntilFull()));
        }
        RateLimiter.BucketState t = d.states().get(RateLimiter.Kind.TOKENS);
        if (t != null) {
            h.put("x-ratelimit-limit-tokens", Long.toString(t.limit()));
            h.put("x-ratelimit-remaining-tokens", Long.toString(t.remaining()));
            h.put("x-ratelimit-reset-tokens", goDuration(t.nanosUntilFull()));
        }
        return h;
    }

    // ---------------------------------------------------------------- parsing

    @Override
    Call parse(Endpoint endpoint, Incoming in, @Nullable JsonNode body, @Nullable String pathModel) {
        switch (endpoint) {
            case OPENAI_MODELS:
                return new Call.ListModels();
            case OPENAI_EMBEDDINGS:
                return parseEmbeddings(requireObject(body));
            default:
                return parseChat(requireObject(body));
        }
    }

    private static JsonNode requireObject(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(
                    "Invalid type for request body: expected an object, but got " + Json.typeName(body) + " instead.",
                    null,
                    "invalid_type");
        }
        return body;
    }

    private static void rejectUnknown(JsonNode body, Set<String> known) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw invalid("Unrecognized request argument supplied: " + f, null, null);
            }
        }
    }

    private static String model(JsonNode body) {
        JsonNode m = body.get("model");
        if (m == null || m.isNull()) {
            throw invalid("you must provide a model parameter", null, null);
        }
        if (!m.isTextual()) {
            throw invalid(
                    "Invalid type for 'model': expected a string, but got " + Json.typeName(m) + " instead.",
                    "model",
                    "invalid_type");
        }
        return m.asText();
    }

    private Call.Chat parseChat(JsonNode body) {
        rejectUnknown(body, CHAT_FIELDS);
        String model = model(body);
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw invalid("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }
        if (!messages.isArray()) {
            throw invalid(
                    "Invalid type for 'messages': expected an array of objects, but got " + Json.typeName(messages)
                            + " instead.",
                    "messages",
                    "invalid_type");
        }
        if (messages.isEmpty()) {
            throw invalid(
                    "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty"
                            + " array instead.",
                    "messages",
                    "empty_array");
        }
        StringBuilder system = null;
        List<ChatMessage> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String p = "messages[" + i + "]";
            if (!m.isObject()) {
                throw invalid(
                        "Invalid type for '" + p + "': expected an object, but got " + Json.typeName(m) + " instead.",
                        p,
                        "invalid_type");
            }
            JsonNode role = m.get("role");
            if (role == null || role.isNull()) {
                throw invalid(
                        "Missing required parameter: '" + p + ".role'.", p + ".role", "missing_required_parameter");
            }
            if (!ROLES.contains(role.asText())) {
                throw invalid(
                        "Invalid value: '" + role.asText() + "'. Supported values are: 'system', 'assistant', 'user',"
                                + " 'function', 'tool', and 'developer'.",
                        p + ".role",
                        "invalid_value");
            }
            String text = content(m, p, role.asText());
            if (role.asText().equals("system") || role.asText().equals("developer")) {
                system = system == null
                        ? new StringBuilder(text)
                        : system.append('\n').append(text);
            } else {
                turns.add(new ChatMessage(role.asText(), text));
            }
        }
        Double temperature = number(body, "temperature", 0, 2);
        number(body, "top_p", 0, 1);
        Integer maxTokens = positiveInt(body, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = positiveInt(body, "max_tokens");
        }
        Integer n = positiveInt(body, "n");
        if (n != null && n > 128) {
            throw invalid(
                    "Invalid 'n': integer above maximum value. Expected a value <= 128, but got " + n + " instead.",
                    "n",
                    "integer_above_max_value");
        }
        if (body.path("stream").asBoolean(false)) {
            throw invalid(
                    "The simulator does not stream responses; send 'stream': false (or omit it).",
                    "stream",
                    "unsupported_value");
        }
        JsonNode schema = null;
        String schemaName = null;
        boolean jsonMode = false;
        JsonNode rf = body.get("response_format");
        if (rf != null && !rf.isNull()) {
            if (!rf.isObject()) {
                throw invalid(
                        "Invalid type for 'response_format': expected an object, but got " + Json.typeName(rf)
                                + " instead.",
                        "response_format",
                        "invalid_type");
            }
            String type = rf.path("type").asText("");
            switch (type) {
                case "text":
                    break;
                case "json_object":
                    jsonMode = true;
                    if (!mentionsJson(system, turns)) {
                        throw invalid(
                                "'messages' must contain the word 'json' in some form, to use 'response_format' of"
                                        + " type 'json_object'.",
                                "messages",
                                null);
                    }
                    break;
                case "json_schema":
                    jsonMode = true;
                    JsonNode js = rf.get("json_schema");
                    if (js == null || js.isNull()) {
                        throw invalid(
                                "Missing required parameter: 'response_format.json_schema'.",
                                "response_format.json_schema",
                                "missing_required_parameter");
                    }
                    JsonNode name = js.get("name");
                    if (name == null || name.isNull()) {
                        throw invalid(
                                "Missing required parameter: 'response_format.json_schema.name'.",
                                "response_format.json_schema.name",
                                "missing_required_parameter");
                    }
                    if (!name.isTextual()
                            || !SCHEMA_NAME.matcher(name.asText()).matches()
                            || name.asText().length() > 64) {
                        throw invalid(
                                "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a"
                                        + " string that matches the pattern '^[a-zA-Z0-9_-]+$' of at most 64"
                                        + " characters.",
                                "response_format.json_schema.name",
                                "invalid_value");
                    }
                    schemaName = name.asText();
                    schema = js.get("schema");
                    boolean strict = js.path("strict").asBoolean(false);
                    if (schema != null && !schema.isNull() && !schema.isObject()) {
                        throw invalid(
                                "Invalid type for 'response_format.json_schema.schema': expected an object, but got "
                                        + Json.typeName(schema) + " instead.",
                                "response_format.json_schema.schema",
                                "invalid_type");
                    }
                    if (schema != null && schema.isNull()) {
                        schema = null;
                    }
                    if (strict) {
                        String violation = schema == null
                                ? "schema must be a JSON Schema of 'type: \"object\"', got 'type: None'."
                                : StrictSchemaCheck.check(schema);
                        if (violation != null) {
                            throw invalid(
                                    "Invalid schema for response_format '" + schemaName + "': " + violation,
                                    "response_format",
                                    null);
                        }
                    }
                    break;
                default:
                    throw invalid(
                            "Invalid value: '" + type + "'. Supported values are: 'json_object', 'json_schema', and"
                                    + " 'text'.",
                            "response_format.type",
                            "invalid_value");
            }
        }
        ChatRequest request = new ChatRequest(
                Provider.OPENAI,
                model,
                system == null ? null : system.toString(),
                turns,
                schema,
                schemaName,
                jsonMode,
                temperature,
                maxTokens);
        return new Call.Chat(request, n == null ? 1 : n, null);
    }

    private static boolean mentionsJson(@Nullable CharSequence system, List<ChatMessage> turns) {
        if (system != null && Json.lower(system.toString()).contains("json")) {
            return true;
        }
        return turns.stream().anyMatch(t -> Json.lower(t.text()).contains("json"));
    }

    private static String content(JsonNode m, String p, String role) {
        JsonNode c = m.get("content");
        if (c == null || c.isNull()) {
            if (role.equals("assistant") && (m.has("tool_calls") || m.has("function_call") || m.has("refusal"))) {
                return "";
            }
            throw invalid(
                    "Missing required parameter: '" + p + ".content'.", p + ".content", "missing_required_parameter");
        }
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < c.size(); j++) {
                JsonNode part = c.get(j);
                String pp = p + ".content[" + j + "]";
                if (!part.isObject() || !part.has("type")) {
                    throw invalid(
                            "Missing required parameter: '" + pp + ".type'.",
                            pp + ".type",
                            "missing_required_parameter");
                }
                if (part.get("type").asText().equals("text")) {
                    if (!part.path("text").isTextual()) {
                        throw invalid(
                                "Missing required parameter: '" + pp + ".text'.",
                                pp + ".text",
                                "missing_required_parameter");
                    }
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(part.get("text").asText());
                }
            }
            return sb.toString();
        }
        throw invalid(
                "Invalid type for '" + p + ".content': expected one of a string or array of objects, but got "
                        + Json.typeName(c) + " instead.",
                p + ".content",
                "invalid_type");
    }

    private static @Nullable Double number(JsonNode body, String field, double min, double max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw invalid(
                    "Invalid type for '" + field + "': expected a decimal, but got " + Json.typeName(v) + " instead.",
                    field,
                    "invalid_type");
        }
        double d = v.asDouble();
        if (d > max) {
            throw invalid(
                    "Invalid '" + field + "': decimal above maximum value. Expected a value <= " + fmt(max)
                            + ", but got " + v.asText() + " instead.",
                    field,
                    "decimal_above_max_value");
        }
        if (d < min) {
            throw invalid(
                    "Invalid '" + field + "': decimal below minimum value. Expected a value >= " + fmt(min)
                            + ", but got " + v.asText() + " instead.",
                    field,
                    "decimal_below_min_value");
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static @Nullable Integer positiveInt(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw invalid(
                    "Invalid type for '" + field + "': expected an integer, but got " + Json.typeName(v) + " instead.",
                    field,
                    "invalid_type");
        }
        if (v.asInt() < 1) {
            throw invalid(
                    "Invalid '" + field + "': integer below minimum value. Expected a value >= 1, but got " + v.asInt()
                            + " instead.",
                    field,
                    "integer_below_min_value");
        }
        return v.asInt();
    }

    private Call.Embed parseEmbeddings(JsonNode body) {
        rejectUnknown(body, EMBED_FIELDS);
        String model = model(body);
        JsonNode input = body.get("input");
        if (input == null || input.isNull()) {
            throw invalid("Missing required parameter: 'input'.", "input", "missing_required_parameter");
        }
        List<String> texts = new ArrayList<>();
        if (input.isTextual()) {
            texts.add(input.asText());
        } else if (input.isArray()) {
            if (input.isEmpty()) {
                throw invalid(
                        "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
                        null,
                        null);
            }
            boolean tokenArray = input.get(0).isIntegralNumber();
            if (tokenArray) {
                texts.add(tokensAsText(input));
            } else {
                for (JsonNode each : input) {
                    if (each.isTextual()) {
                        texts.add(each.asText());
                    } else if (each.isArray()) {
                        texts.add(tokensAsText(each));
                    } else {
                        throw invalid(
                                "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
                                null,
                                null);
                    }
                }
            }
        } else {
            throw invalid(
                    "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
                    null,
                    null);
        }
        if (texts.size() > MAX_EMBEDDING_INPUTS) {
            throw invalid(
                    "Invalid 'input': array too long. Expected an array with maximum length " + MAX_EMBEDDING_INPUTS
                            + ", but got an array with length " + texts.size() + " instead.",
                    "input",
                    "array_above_max_length");
        }
        for (String t : texts) {
            if (t.isEmpty()) {
                throw invalid(
                        "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
                        null,
                        null);
            }
            int tokens = TokenCounter.count(t);
            if (tokens > MAX_EMBEDDING_INPUT_TOKENS) {
                throw invalid(
                        "This model's maximum context length is " + MAX_EMBEDDING_INPUT_TOKENS + " tokens, however you"
                                + " requested " + tokens + " tokens (" + tokens + " in your prompt; 0 for the"
                                + " completion). Please reduce your prompt; or completion length.",
                        null,
                        null);
            }
        }
        int nativeDims = context.defaultDimensions().applyAsInt(model);
        int dims = nativeDims;
        JsonNode d = body.get("dimensions");
        if (d != null && !d.isNull()) {
            if (!d.isIntegralNumber() || d.asInt() < 1) {
                throw invalid(
                        "Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got "
                                + d.asText() + " instead.",
                        "dimensions",
                        "integer_below_min_value");
            }
            if (model.equals("text-embedding-ada-002")) {
                throw invalid("This model does not support specifying dimensions.", null, null);
            }
            if (d.asInt() > nativeDims) {
                throw invalid(
                        "Invalid 'dimensions': integer above maximum value. Expected a value <= " + nativeDims
                                + ", but got " + d.asInt() + " instead.",
                        "dimensions",
                        "integer_above_max_value");
            }
            dims = d.asInt();
        }
        String encoding = body.path("encoding_format").asText("float");
        if (!encoding.equals("float") && !encoding.equals("base64")) {
            throw invalid(
                    "Invalid value: '" + encoding + "'. Supported values are: 'float' and 'base64'.",
                    "encoding_format",
                    "invalid_value");
        }
        return new Call.Embed(model, texts, dims, encoding.equals("base64"));
    }

    private static String tokensAsText(JsonNode tokens) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode t : tokens) {
            if (!t.isIntegralNumber()) {
                throw invalid(
                        "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
                        null,
                        null);
            }
            sb.append("<t").append(t.asLong()).append('>');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- answers

    @Override
    Reply chat(Endpoint endpoint, Call.Chat call, List<Completion> completions, int inputTokens, RandomGenerator ids) {
        long created = context.clock().instant().getEpochSecond();
        ObjectNode root = Json.object();
        root.put("id", "chatcmpl-" + Ids.random(29, ids));
        root.put("object", "chat.completion");
        root.put("created", created);
        root.put("model", call.model());
        ArrayNode choices = root.putArray("choices");
        int output = 0;
        for (int i = 0; i < completions.size(); i++) {
            Completion c = completions.get(i);
            output += c.outputTokens();
            if (c.empty()) {
                continue;
            }
            ObjectNode choice = choices.addObject();
            choice.put("index", i);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", c.text());
            message.putNull("refusal");
            message.putArray("annotations");
            choice.putNull("logprobs");
            choice.put("finish_reason", c.truncated() ? "length" : "stop");
        }
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", inputTokens);
        usage.put("completion_tokens", output);
        usage.put("total_tokens", inputTokens + output);
        ObjectNode pd = usage.putObject("prompt_tokens_details");
        pd.put("cached_tokens", 0);
        pd.put("audio_tokens", 0);
        ObjectNode cd = usage.putObject("completion_tokens_details");
        cd.put("reasoning_tokens", 0);
        cd.put("audio_tokens", 0);
        cd.put("accepted_prediction_tokens", 0);
        cd.put("rejected_prediction_tokens", 0);
        root.put("service_tier", "default");
        root.put("system_fingerprint", "fp_simulator");
        return Reply.json(200, root);
    }

    @Override
    Reply embed(
            Endpoint endpoint,
            Call.Embed call,
            List<float[]> vectors,
            int inputTokens,
            boolean empty,
            RandomGenerator ids) {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        if (!empty) {
            for (int i = 0; i < vectors.size(); i++) {
                ObjectNode item = data.addObject();
                item.put("object", "embedding");
                item.put("index", i);
                if (call.base64()) {
                    item.put("embedding", base64(vectors.get(i)));
                } else {
                    ArrayNode arr = item.putArray("embedding");
                    for (float f : vectors.get(i)) {
                        arr.add(f);
                    }
                }
            }
        }
        root.put("model", call.model());
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", inputTokens);
        usage.put("total_tokens", inputTokens);
        return Reply.json(200, root);
    }

    private static String base64(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            buf.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }

    @Override
    Reply listModels(Call.ListModels call) {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        Set<String> models = context.models().isEmpty() ? DEFAULT_MODELS : context.models();
        for (String m : models) {
            ObjectNode item = data.addObject();
            item.put("id", m);
            item.put("object", "model");
            item.put("created", 1_700_000_000L);
            item.put("owned_by", "system");
        }
        return Reply.json(200, root);
    }

    private static final Set<String> DEFAULT_MODELS = new java.util.LinkedHashSet<>(List.of(
            "gpt-4.1",
            "gpt-4.1-mini",
            "gpt-4.1-nano",
            "gpt-4o",
            "gpt-4o-mini",
            "gpt-5",
            "gpt-5-mini",
            "gpt-5-nano",
            "o4-mini",
            "text-embedding-3-small",
            "text-embedding-3-large",
            "text-embedding-ada-002"));
}
