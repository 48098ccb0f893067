package dev.quarry.inference.cohere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.openai.OpenAiProtocol;
import dev.quarry.inference.provider.EmbedReply;
import dev.quarry.inference.provider.EmbeddingProtocol;
import dev.quarry.inference.provider.Endpoint;
import dev.quarry.inference.provider.Json;
import dev.quarry.inference.provider.MalformedResponseException;
import dev.quarry.inference.provider.ProviderError;
import dev.quarry.inference.provider.ProviderErrors;
import dev.quarry.inference.ratelimit.ServerLimits;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Cohere embed v2 wire format ({@code POST /v2/embed}, float embeddings, documents as input type).
 *
 * <pre>{@code WireRequest r = CohereProtocol.INSTANCE.embedRequest(endpoint, texts);}</pre>
 */
public final class CohereProtocol implements EmbeddingProtocol {
    /** The shared instance. */
    public static final CohereProtocol INSTANCE = new CohereProtocol();

    private CohereProtocol() {}

    @Override
    public int maxBatchSize() {
        return 96;
    }

    @Override
    public WireRequest embedRequest(Endpoint endpoint, List<String> texts) {
        ObjectNode body = Json.object();
        body.put("model", endpoint.modelName());
        ArrayNode t = body.putArray("texts");
        texts.forEach(t::add);
        body.put("input_type", "search_document");
        body.putArray("embedding_types").add("float");
        if (endpoint.dimensions() > 0) body.put("output_dimension", endpoint.dimensions());
        return new WireRequest(
                URI.create(endpoint.baseUrl() + "/v2/embed"),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + endpoint.apiKey()),
                Json.bytes(body),
                endpoint.timeout());
    }

    @Override
    public EmbedReply parseEmbed(WireResponse response, int expected) {
        JsonNode root = Json.parseBody(response.body());
        JsonNode floats = root.path("embeddings").get("float");
        if (floats == null || !floats.isArray() || floats.size() != expected) {
            throw new MalformedResponseException("expected " + expected + " vectors in 'embeddings.float', got "
                    + (floats == null ? "none" : floats.size()));
        }
        List<float[]> out = new ArrayList<>(expected);
        for (JsonNode v : floats) out.add(OpenAiProtocol.vector(v));
        long tokens =
                root.path("meta").path("billed_units").path("input_tokens").asLong(-1);
        return new EmbedReply(out, tokens);
    }

    @Override
    public ProviderError parseError(WireResponse response) {
        JsonNode root = Json.tryParse(response.body());
        String message = root.path("message").asText("");
        if (message.isEmpty()) message = ProviderErrors.snippet(response);
        return ProviderErrors.byStatus(response.status(), message, response);
    }

    @Override
    public ServerLimits serverLimits(WireResponse response) {
        return ProviderErrors.openAiStyleLimits(response);
    }
}
