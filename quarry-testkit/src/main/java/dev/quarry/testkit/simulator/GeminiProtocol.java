package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Gemini API: {@code generateContent}, {@code embedContent}, {@code batchEmbedContents} under
 * {@code /v1beta/models/{model}:method}. Field names are accepted in camelCase and snake_case, as the
 * real (proto JSON) endpoint does; unknown fields are refused the same way.
 */
final class GeminiProtocol extends ProviderProtocol {
    private static final Set<String> GENERATE_FIELDS = Set.of(
            "contents",
            "systemInstruction",
            "generationConfig",
            "safetySettings",
            "tools",
            "toolConfig",
            "cachedContent",
            "labels",
            "model");
    private static final Set<String> CONFIG_FIELDS = Set.of(
            "temperature",
            "topP",
            "topK",
            "candidateCount",
            "maxOutputTokens",
            "stopSequences",
            "responseMimeType",
            "responseSchema",
            "responseJsonSchema",
            "presencePenalty",
            "frequencyPenalty",
            "seed",
            "responseLogprobs",
            "logprobs",
            "thinkingConfig",
            "responseModalities",
            "mediaResolution",
            "speechConfig",
            "enableEnhancedCivicAnswers");
    private static final Set<String> SCHEMA_FIELDS = Set.of(
            "type",
            "format",
            "title",
            "description",
            "nullable",
            "enum",
            "maxItems",
            "minItems",
            "properties",
            "required",
            "minProperties",
            "maxProperties",
            "minLength",
            "maxLength",
            "pattern",
            "example",
            "anyOf",
            "propertyOrdering",
            "default",
            "items",
            "minimum",
            "maximum");
    private static final Set<String> SCHEMA_TYPES =
            Set.of("STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL");
    private static final Set<String> MIME_TYPES =
            Set.of("text/plain", "application/json", "application/xml", "application/yaml", "text/x.enum");
    private static final Set<String> EMBED_FIELDS =
            Set.of("model", "content", "taskType", "title", "outputDimensionality");
    private static final Set<String> TASK_TYPES = Set.of(
            "TASK_TYPE_UNSPECIFIED",
            "RETRIEVAL_QUERY",
            "RETRIEVAL_DOCUMENT",
            "SEMANTIC_SIMILARITY",
            "CLASSIFICATION",
            "CLUSTERING",
            "QUESTION_ANSWERING",
            "FACT_VERIFICATION",
            "CODE_RETRIEVAL_QUERY");
    private static final int MAX_BATCH = 100;

    GeminiProtocol(Context context) {
        super(context);
    }

    // ---------------------------------------------------------------- errors

    static ObjectNode errorBody(int code, String status, String message, @Nullable ArrayNode details) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        if (details != null) {
            error.set("details", details);
        }
        return root;
    }

    private static ApiError invalid(String message) {
        return error(Reply.json(400, errorBody(400, "INVALID_ARGUMENT", message, null)));
    }

    /** A field-validation error as Google formats it: "* Request.field: problem\n". */
    private static ApiError field(String request, String path, String problem) {
        return invalid("* " + request + "." + path + ": " + problem + "\n");
    }

    private static ApiError unknownName(String name, @Nullable String at) {
        ArrayNode details = Json.array();
        ObjectNode badRequest = details.addObject();
        badRequest.put("@type", "type.googleapis.com/google.rpc.BadRequest");
        ObjectNode violation = badRequest.putArray("fieldViolations").addObject();
        if (at != null) {
            violation.put("field", at);
        }
        String message = "Invalid JSON payload received. Unknown name \"" + name + "\""
                + (at == null ? "" : " at '" + at + "'") + ": Cannot find field.";
        violation.put("description", message);
        return error(Reply.json(400, errorBody(400, "INVALID_ARGUMENT", message, details)));
    }

    @Override
    @Nullable
    Reply authenticate(Endpoint endpoint, Incoming in) {
        String key = in.header("x-goog-api-key");
        if (key == null) {
            key = in.queryParam("key");
        }
        if (key == null || key.isBlank()) {
            return Reply.json(
                    403,
                    errorBody(
                            403,
                            "PERMISSION_DENIED",
                            "Method doesn't allow unregistered callers (callers without established identity). Please"
                                    + " use API Key or other form of API consumer identity to call this API.",
                            null));
        }
        if (!keyMatches(context.apiKey(), key)) {
            // Gemini answers a wrong key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID.
            ArrayNode details = Json.array();
            ObjectNode info = details.addObject();
            info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
            info.put("reason", "API_KEY_INVALID");
            info.put("domain", "googleapis.com");
            info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
            return Reply.json(
                    400,
                    errorBody(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", details));
        }
        return null;
    }

    @Override
    Reply malformedJson(Endpoint endpoint, String detail) {
        return Reply.json(
                400,
                errorBody(
                        400,
                        "INVALID_ARGUMENT",
                        "Invalid JSON payload received. Unexpected token.\n"
                                + (detail == null ? "" : detail.replace('\n', ' ')),
                        null));
    }

    @Override
    Reply unknownPath(Incoming in) {
        return Reply.json(
                404,
                errorBody(404, "NOT_FOUND", "The requested URL " + in.path() + " was not found on this server.", null));
    }

    @Override
    Reply modelNotFound(Endpoint endpoint, String model) {
        String method = endpoint == Endpoint.GEMINI_GENERATE_CONTENT
                ? "generateContent"
                : endpoint == Endpoint.GEMINI_EMBED_CONTENT ? "embedContent" : "batchEmbedContents";
        return Reply.json(
                404,
                errorBody(
                        404,
                        "NOT_FOUND",
                        "models/" + model + " is not found for API version v1beta, or is not supported for " + method
                                + ". Call ListModels to see the list of available models and their supported methods.",
                        null));
    }

    @Override
    Reply rateLimited(Endpoint endpoint, String model, RateLimiter.Decision d) {
        RateLimiter.BucketState s = d.states().get(d.exceeded());
        boolean requests = d.exceeded() == RateLimiter.Kind.REQUESTS;
        String metric = requests ? "generate_content_requests" : "generate_content_input_token_count";
        String quotaId = requests
                ? "GenerateRequestsPerMinutePerProjectPerModel"
                : "GenerateContentInputTokensPerModelPerMinute";
        return Reply.json(
                429,
                errorBody(
                        429,
                        "RESOURCE_EXHAUSTED",
                        "You exceeded your current quota, please check your plan and billing details. For more"
                                + " information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.",
                        quotaDetails(metric, quotaId, model, s.limit(), d.tooLarge() ? -1 : d.retryAfterNanos())));
    }

    private static ArrayNode quotaDetails(String metric, String quotaId, String model, long limit, long retryNanos) {
        ArrayNode details = Json.array();
        ObjectNode failure = details.addObject();
        failure.put("@type", "type.googleapis.com/google.rpc.QuotaFailure");
        ObjectNode violation = failure.putArray("violations").addObject();
        violation.put("quotaMetric", "generativelanguage.googleapis.com/" + metric);
        violation.put("quotaId", quotaId);
        ObjectNode dims = violation.putObject("quotaDimensions");
        dims.put("location", "global");
        dims.put("model", model);
        violation.put("quotaValue", Long.toString(limit));
        ObjectNode help = details.addObject();
        help.put("@type", "type.googleapis.com/google.rpc.Help");
        ObjectNode link = help.putArray("links").addObject();
        link.put("description", "Learn more about Gemini API quotas");
        link.put("url", "https://ai.google.dev/gemini-api/docs/rate-limits");
        if (retryNanos >= 0) {
            ObjectNode retry = details.addObject();
            retry.put("@type", "type.googleapis.com/google.rpc.RetryInfo");
            retry.put("retryDelay", retryAfterSeconds(retryNanos) + "s");
        }
        return details;
    }

    @Override
    Reply fault(Endpoint endpoint, FaultKind kind, String model) {
        switch (kind) {
            case OVERLOADED:
                return Reply.json(
                        503, errorBody(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", null));
            case RATE_LIMITED:
                return Reply.json(
                        429,
                        errorBody(
                                429,
                                "RESOURCE_EXHAUSTED",
                                "You exceeded your current quota, please check your plan and billing details. For more"
                                        + " information on this error, head to:"
                                        + " https://ai.google.dev/gemini-api/docs/rate-limits.",
                                quotaDetails(
                                        "generate_content_requests",
                                        "GenerateRequestsPerMinutePerProjectPerModel",
                                        model,
                                        0,
                                        1_000_000_000L)));
            case QUOTA_EXHAUSTED:
                // A daily quota: the same 429 status, a per-day quota id, and no RetryInfo.
                return Reply.json(
                        429,
                        errorBody(
                                429,
                                "RESOURCE_EXHAUSTED",
                                "You exceeded your current quota, please check your plan and billing details. For more"
                                        + " information on this error, head to:"
                                        + " https://ai.google.dev/gemini-api/docs/rate-limits.",
                                quotaDetails(
                                        "generate_content_requests",
                                        "GenerateRequestsPerDayPerProjectPerModel",
                                        model,
                                        0,
                                        -1)));
            default:
                return internalError(
                        endpoint,
                        "An internal error has occurred. Please retry or report in"
                                + " https://developers.generativeai.google/guide/troubleshooting");
        }
    }

    @Override
    Reply internalError(Endpoint endpoint, String message) {
        return Reply.json(500, errorBody(500, "INTERNAL", message, null));
    }

    /** Gemini sends no rate-limit headers; its 429 body carries the quota and the retry delay. */
    @Override
    Map<String, String> rateHeaders(RateLimiter.Decision d) {
        return Map.of();
    }

    // ---------------------------------------------------------------- parsing

    /** camelCase for a snake_case name, since proto JSON accepts both. */
    private static String camel(String name) {
        if (name.indexOf('_') < 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static @Nullable JsonNode get(JsonNode obj, String camelName) {
        JsonNode v = obj.get(camelName);
        if (v == null) {
            StringBuilder snake = new StringBuilder();
            for (char c : camelName.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    snake.append('_').append(Character.toLowerCase(c));
                } else {
                    snake.append(c);
                }
            }
            v = obj.get(snake.toString());
        }
        return v == null || v.isNull() ? null : v;
    }

    private static void rejectUnknown(JsonNode obj, Set<String> known, @Nullable String at) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(camel(f))) {
                throw unknownName(f, at);
            }
        }
    }

    @Override
    Call parse(Endpoint endpoint, Incoming in, @Nullable JsonNode body, @Nullable String pathModel) {
        if (body == null || !body.isObject()) {
            throw invalid("Invalid JSON payload received. Expected an object.");
        }
        String model = pathModel;
        switch (endpoint) {
            case GEMINI_GENERATE_CONTENT:
                return parseGenerate(body, model);
            case GEMINI_EMBED_CONTENT:
                rejectUnknown(body, EMBED_FIELDS, null);
                return embedCall(model, List.of(embedText(body, "EmbedContentRequest", "")), body);
            default:
                return parseBatch(body, model);
        }
    }

    private Call.Chat parseGenerate(JsonNode body, String model) {
        rejectUnknown(body, GENERATE_FIELDS, null);
        JsonNode contents = get(body, "contents");
        if (contents == null || (contents.isArray() && contents.isEmpty())) {
            throw field("GenerateContentRequest", "contents", "contents is not specified");
        }
        if (!contents.isArray()) {
            throw invalid(
                    "Invalid value at 'contents' (type.googleapis.com/google.ai.generativelanguage.v1beta.Content),"
                            + " " + contents);
        }
        List<ChatMessage> turns = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            JsonNode c = contents.get(i);
            String role = c.path("role").asText("user");
            if (role.isEmpty()) {
                role = "user";
            }
            if (!role.equals("user") && !role.equals("model")) {
                throw invalid("Please use a valid role: user, model.");
            }
            String text = parts(c, "GenerateContentRequest", "contents[" + i + "]");
            turns.add(new ChatMessage(role.equals("model") ? "assistant" : "user", text));
        }
        String system = null;
        JsonNode si = get(body, "systemInstruction");
        if (si != null) {
            system = parts(si, "GenerateContentRequest", "system_instruction");
        }
        Double temperature = null;
        Integer maxOutput = null;
        JsonNode schema = null;
        boolean json = false;
        int n = 1;
        JsonNode config = get(body, "generationConfig");
        if (config != null) {
            rejectUnknown(config, CONFIG_FIELDS, "generation_config");
            JsonNode t = get(config, "temperature");
            if (t != null) {
                if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 2) {
                    throw field(
                            "GenerateContentRequest",
                            "generation_config.temperature",
                            "temperature must be in the range [0.0, 2.0]");
                }
                temperature = t.asDouble();
            }
            JsonNode m = get(config, "maxOutputTokens");
            if (m != null) {
                if (!m.canConvertToInt() || m.asInt() < 1) {
                    throw field(
                            "GenerateContentRequest",
                            "generation_config.max_output_tokens",
                            "max_output_tokens must be positive");
                }
                maxOutput = m.asInt();
            }
            JsonNode cc = get(config, "candidateCount");
            if (cc != null) {
                if (!cc.canConvertToInt() || cc.asInt() < 1 || cc.asInt() > 8) {
                    throw field(
                            "GenerateContentRequest",
                            "generation_config.candidate_count",
                            "candidate_count must be between 1 and 8");
                }
                n = cc.asInt();
            }
            String mime = get(config, "responseMimeType") == null
                    ? "text/plain"
                    : get(config, "responseMimeType").asText();
            if (!MIME_TYPES.contains(mime)) {
                throw field(
                        "GenerateContentRequest",
                        "generation_config.response_mime_type",
                        "allowed mimetypes are `text/plain`, `application/json`, `application/xml`, `application/yaml`"
                                + " and `text/x.enum`.");
            }
            json = mime.equals("application/json");
            JsonNode rs = get(config, "responseSchema");
            JsonNode rjs = get(config, "responseJsonSchema");
            if (rs != null && rjs != null) {
                throw field(
                        "GenerateContentRequest",
                        "generation_config",
                        "response_schema and response_json_schema cannot both be set");
            }
            if ((rs != null || rjs != null) && !json && !mime.equals("text/x.enum")) {
                throw field(
                        "GenerateContentRequest",
                        "generation_config.response_mime_type",
                        "response_mime_type must be application/json or text/x.enum when a response schema is set");
            }
            if (rs != null) {
                checkOpenApiSchema(rs, "generation_config.response_schema");
                schema = rs;
            } else if (rjs != null) {
                if (!rjs.isObject()) {
                    throw field(
                            "GenerateContentRequest",
                            "generation_config.response_json_schema",
                            "response_json_schema must be an object");
                }
                schema = rjs;
            }
        }
        ChatRequest request =
                new ChatRequest(Provider.GEMINI, model, system, turns, schema, null, json, temperature, maxOutput);
        return new Call.Chat(request, n, null);
    }

    /** Gemini's responseSchema is an OpenAPI subset: only its fields, and every schema has a type (or anyOf). */
    private static void checkOpenApiSchema(JsonNode schema, String at) {
        if (!schema.isObject()) {
            throw invalid("Invalid value at '" + at
                    + "' (type.googleapis.com/google.ai.generativelanguage.v1beta.Schema), " + schema);
        }
        rejectUnknown(schema, SCHEMA_FIELDS, at);
        JsonNode type = schema.get("type");
        if (type == null && !schema.has("anyOf")) {
            throw field("GenerateContentRequest", at + ".type", "must be specified");
        }
        if (type != null && !SCHEMA_TYPES.contains(type.asText().toUpperCase(Locale.ROOT))) {
            throw invalid("Invalid value at '" + at
                    + ".type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), " + type);
        }
        JsonNode props = schema.get("properties");
        if (props != null && props.isObject()) {
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                checkOpenApiSchema(e.getValue(), at + ".properties[" + e.getKey() + "]");
            }
            JsonNode required = schema.get("required");
            if (required != null && required.isArray()) {
                for (JsonNode r : required) {
                    if (!props.has(r.asText())) {
                        throw field(
                                "GenerateContentRequest",
                                at + ".required[" + r.asText() + "]",
                                "property is not defined");
                    }
                }
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            checkOpenApiSchema(items, at + ".items");
        }
        JsonNode any = schema.get("anyOf");
        if (any != null && any.isArray()) {
            for (int i = 0; i < any.size(); i++) {
                checkOpenApiSchema(any.get(i), at + ".any_of[" + i + "]");
            }
        }
    }

    private static String parts(JsonNode content, String request, String path) {
        JsonNode parts = content.get("parts");
        if (parts == null || !parts.isArray() || parts.isEmpty()) {
            throw field(request, path + ".parts", "contents.parts must not be empty.");
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : parts) {
            JsonNode text = p.get("text");
            if (text != null && text.isTextual()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(text.asText());
            }
        }
        return sb.toString();
    }

    private static String embedText(JsonNode body, String request, String prefix) {
        JsonNode content = get(body, "content");
        if (content == null) {
            throw field(request, prefix + "content", "content is not specified");
        }
        return parts(content, request, prefix + "content");
    }

    private Call.Embed embedCall(String model, List<String> texts, JsonNode first) {
        int dims = context.defaultDimensions().applyAsInt(model);
        JsonNode od = get(first, "outputDimensionality");
        if (od != null) {
            if (!od.canConvertToInt() || od.asInt() < 1 || od.asInt() > dims) {
                throw invalid("* EmbedContentRequest.output_dimensionality: output_dimensionality must be between 1"
                        + " and " + dims + "\n");
            }
            dims = od.asInt();
        }
        JsonNode task = get(first, "taskType");
        if (task != null && !TASK_TYPES.contains(task.asText())) {
            throw invalid(
                    "Invalid value at 'task_type' (type.googleapis.com/google.ai.generativelanguage.v1beta.TaskType), \""
                            + task.asText() + "\"");
        }
        return new Call.Embed(model, texts, dims, false);
    }

    private Call.Embed parseBatch(JsonNode body, String model) {
        rejectUnknown(body, Set.of("requests"), null);
        JsonNode requests = body.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            throw field("BatchEmbedContentsRequest", "requests", "requests is not specified");
        }
        if (requests.size() > MAX_BATCH) {
            throw field(
                    "BatchEmbedContentsRequest", "requests", "at most " + MAX_BATCH + " requests can be in one batch");
        }
        List<String> texts = new ArrayList<>();
        Integer dims = null;
        for (int i = 0; i < requests.size(); i++) {
            JsonNode r = requests.get(i);
            rejectUnknown(r, EMBED_FIELDS, "requests[" + i + "]");
            JsonNode m = get(r, "model");
            if (m == null) {
                throw field("BatchEmbedContentsRequest", "requests[" + i + "].model", "model is not specified");
            }
            String name = m.asText().startsWith("models/") ? m.asText().substring("models/".length()) : m.asText();
            if (!name.equals(model)) {
                throw field(
                        "BatchEmbedContentsRequest",
                        "requests[" + i + "].model",
                        "Model '" + m.asText() + "' does not match the model in the URL, 'models/" + model + "'.");
            }
            texts.add(embedText(r, "BatchEmbedContentsRequest", "requests[" + i + "]."));
            int d = embedCall(model, List.of(), r).dimensions();
            if (dims != null && dims != d) {
                throw field(
                        "BatchEmbedContentsRequest",
                        "requests[" + i + "].output_dimensionality",
                        "all requests in a batch must ask for the same output_dimensionality");
            }
            dims = d;
        }
        return new Call.Embed(model, texts, dims, false);
    }

    // ---------------------------------------------------------------- answers

    @Override
    Reply chat(Endpoint endpoint, Call.Chat call, List<Completion> completions, int inputTokens, RandomGenerator ids) {
        ObjectNode root = Json.object();
        int output = 0;
        boolean any = false;
        ArrayNode candidates = Json.array();
        for (int i = 0; i < completions.size(); i++) {
            Completion c = completions.get(i);
            output += c.outputTokens();
            if (c.empty()) {
                continue;
            }
            any = true;
            ObjectNode cand = candidates.addObject();
            ObjectNode content = cand.putObject("content");
            content.putArray("parts").addObject().put("text", c.text());
            content.put("role", "model");
            cand.put("finishReason", c.truncated() ? "MAX_TOKENS" : "STOP");
            cand.put("index", i);
        }
        if (any) {
            root.set("candidates", candidates);
        } else {
            // what Gemini sends when it produced no candidate at all
            root.putObject("promptFeedback").put("blockReason", "OTHER");
        }
        ObjectNode usage = root.putObject("usageMetadata");
        usage.put("promptTokenCount", inputTokens);
        if (output > 0) {
            usage.put("candidatesTokenCount", output);
        }
        usage.put("totalTokenCount", inputTokens + output);
        ObjectNode detail = usage.putArray("promptTokensDetails").addObject();
        detail.put("modality", "TEXT");
        detail.put("tokenCount", inputTokens);
        root.put("modelVersion", call.model());
        root.put("responseId", Ids.random(22, ids));
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
        if (endpoint == Endpoint.GEMINI_EMBED_CONTENT) {
            ObjectNode embedding = root.putObject("embedding");
            ArrayNode values = embedding.putArray("values");
            if (!empty && !vectors.isEmpty()) {
                for (float f : vectors.get(0)) {
                    values.add(f);
                }
            }
            return Reply.json(200, root);
        }
        ArrayNode list = root.putArray("embeddings");
        if (!empty) {
            for (float[] v : vectors) {
                ArrayNode values = list.addObject().putArray("values");
                for (float f : v) {
                    values.add(f);
                }
            }
        }
        return Reply.json(200, root);
    }
}
