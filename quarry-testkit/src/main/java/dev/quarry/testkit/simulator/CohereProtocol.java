package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Cohere embed v2: {@code POST /v2/embed}. Errors are {@code {"message": "..."}}. */
final class CohereProtocol extends ProviderProtocol {
    private static final Set<String> INPUT_TYPES =
            Set.of("search_document", "search_query", "classification", "clustering", "image");
    private static final Set<String> EMBEDDING_TYPES = Set.of("float", "int8", "uint8", "binary", "ubinary", "base64");
    private static final Set<Integer> V4_DIMENSIONS = Set.of(256, 512, 1024, 1536);
    private static final int MAX_TEXTS = 96;

    CohereProtocol(Context context) {
        super(context);
    }

    static ObjectNode errorBody(String message) {
        ObjectNode root = Json.object();
        root.put("message", message);
        return root;
    }

    private static ApiError invalid(String message) {
        return error(Reply.json(400, errorBody("invalid request: " + message)));
    }

    @Override
    @Nullable
    Reply authenticate(Endpoint endpoint, Incoming in) {
        String key = in.bearer();
        if (key == null || key.isBlank()) {
            return Reply.json(401, errorBody("no api key supplied"));
        }
        if (!keyMatches(context.apiKey(), key)) {
            return Reply.json(401, errorBody("invalid api token"));
        }
        return null;
    }

    @Override
    Reply malformedJson(Endpoint endpoint, String detail) {
        return Reply.json(400, errorBody("invalid request: failed to parse the request body as JSON"));
    }

    @Override
    Reply unknownPath(Incoming in) {
        return Reply.json(404, errorBody("404 page not found"));
    }

    @Override
    Reply modelNotFound(Endpoint endpoint, String model) {
        return Reply.json(
                404,
                errorBody("model '" + model + "' not found, make sure the correct model ID was used and that you have"
                        + " access to the model."));
    }

    @Override
    Reply rateLimited(Endpoint endpoint, String model, RateLimiter.Decision d) {
        RateLimiter.BucketState s = d.states().get(d.exceeded());
        String unit = d.exceeded() == RateLimiter.Kind.REQUESTS ? "API calls" : "tokens";
        return Reply.json(
                429,
                errorBody("You are past the per minute limit of " + s.limit() + " " + unit + " for " + model
                        + ", please wait and try again later."));
    }

    @Override
    Reply fault(Endpoint endpoint, FaultKind kind, String model) {
        switch (kind) {
            case OVERLOADED:
                return Reply.json(503, errorBody("service unavailable, please try again later"));
            case RATE_LIMITED:
                return Reply.json(
                        429, errorBody("You are past the per minute request limit, please wait and try again later."));
            case QUOTA_EXHAUSTED:
                return Reply.json(
                        429,
                        errorBody("You are using a Trial key, which is limited to 1000 API calls / month. You can"
                                + " continue to use the Trial key for free or upgrade to a Production key with higher"
                                + " rate limits at 'https://dashboard.cohere.com/api-keys'."));
            default:
                return internalError(endpoint, "internal server error, this has been reported to our developers");
        }
    }

    @Override
    Reply internalError(Endpoint endpoint, String message) {
        return Reply.json(500, errorBody(message));
    }

    /** Cohere sends no rate-limit headers. */
    @Override
    Map<String, String> rateHeaders(RateLimiter.Decision d) {
        return Map.of();
    }

    @Override
    Call parse(Endpoint endpoint, Incoming in, @Nullable JsonNode body, @Nullable String pathModel) {
        if (body == null || !body.isObject()) {
            throw invalid("the request body must be a JSON object");
        }
        JsonNode model = body.get("model");
        if (model == null
                || model.isNull()
                || !model.isTextual()
                || model.asText().isBlank()) {
            throw invalid("model must be specified");
        }
        JsonNode texts = body.get("texts");
        if (texts == null || texts.isNull()) {
            if (body.has("images") || body.has("inputs")) {
                throw invalid("the simulator embeds 'texts' only; images and mixed inputs are not supported");
            }
            throw invalid("one of texts, images or inputs must be specified");
        }
        if (!texts.isArray()) {
            throw invalid("texts must be a list of strings");
        }
        if (texts.isEmpty()) {
            throw invalid("texts must not be empty");
        }
        if (texts.size() > MAX_TEXTS) {
            throw invalid("total number of texts must be at most " + MAX_TEXTS + " - received " + texts.size());
        }
        List<String> list = new ArrayList<>();
        for (JsonNode t : texts) {
            if (!t.isTextual()) {
                throw invalid("texts must be a list of strings");
            }
            list.add(t.asText());
        }
        JsonNode inputType = body.get("input_type");
        if (inputType == null || !INPUT_TYPES.contains(inputType.asText())) {
            throw invalid("valid input_type must be provided with the provided model");
        }
        JsonNode types = body.get("embedding_types");
        if (types == null || !types.isArray() || types.isEmpty()) {
            throw invalid("embedding_types must be specified, e.g. [\"float\"]");
        }
        for (JsonNode t : types) {
            if (!EMBEDDING_TYPES.contains(t.asText())) {
                throw invalid("'" + t.asText() + "' is not a valid embedding type; valid types are float, int8, uint8,"
                        + " binary, ubinary, base64");
            }
            if (!t.asText().equals("float")) {
                throw invalid("the simulator returns 'float' embeddings only; ask for embedding_types [\"float\"]");
            }
        }
        JsonNode truncate = body.get("truncate");
        if (truncate != null && !Set.of("NONE", "START", "END").contains(truncate.asText())) {
            throw invalid("truncate must be one of NONE, START, END");
        }
        int dims = context.defaultDimensions().applyAsInt(model.asText());
        JsonNode od = body.get("output_dimension");
        if (od != null && !od.isNull()) {
            if (!model.asText().startsWith("embed-v4") || !V4_DIMENSIONS.contains(od.asInt())) {
                throw invalid("output_dimension must be one of 256, 512, 1024, 1536, and only embed-v4.0 and later"
                        + " accept it");
            }
            dims = od.asInt();
        }
        return new Call.Embed(model.asText(), list, dims, false);
    }

    @Override
    Reply chat(Endpoint endpoint, Call.Chat call, List<Completion> completions, int inputTokens, RandomGenerator ids) {
        throw new IllegalStateException("the simulator serves Cohere embeddings only");
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
        root.put("id", new java.util.UUID(ids.nextLong(), ids.nextLong()).toString());
        ArrayNode floats = root.putObject("embeddings").putArray("float");
        if (!empty) {
            for (float[] v : vectors) {
                ArrayNode arr = floats.addArray();
                for (float f : v) {
                    arr.add(f);
                }
            }
        }
        ArrayNode texts = root.putArray("texts");
        call.texts().forEach(texts::add);
        ObjectNode meta = root.putObject("meta");
        meta.putObject("api_version").put("version", "2");
        meta.putObject("billed_units").put("input_tokens", inputTokens);
        root.put("response_type", "embeddings_by_type");
        return Reply.json(200, root);
    }
}
