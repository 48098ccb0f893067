package dev.quarry.inference.provider;

import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.ratelimit.ServerLimits;
import java.util.List;

/**
 * A provider's embedding wire format, with many inputs per request.
 *
 * <pre>{@code
 * WireRequest http = protocol.embedRequest(endpoint, List.of("a", "b"));
 * EmbedReply reply = protocol.parseEmbed(response, 2);
 * }</pre>
 */
public interface EmbeddingProtocol {
    /**
     * The most inputs one request may carry.
     *
     * <pre>{@code int n = protocol.maxBatchSize(); // 96 for Cohere}</pre>
     *
     * @return the batch limit
     */
    int maxBatchSize();

    /**
     * Builds the HTTP request for a batch.
     *
     * <pre>{@code protocol.embedRequest(endpoint, texts)}</pre>
     *
     * @param endpoint the model endpoint
     * @param texts at most {@link #maxBatchSize()} texts
     * @return the HTTP request
     */
    WireRequest embedRequest(Endpoint endpoint, List<String> texts);

    /**
     * Reads a 2xx response.
     *
     * <pre>{@code EmbedReply r = protocol.parseEmbed(response, texts.size());}</pre>
     *
     * @param response the response
     * @param expected how many vectors there must be
     * @return the vectors in input order
     * @throws MalformedResponseException when the body is not the expected JSON
     */
    EmbedReply parseEmbed(WireResponse response, int expected);

    /**
     * Classifies a non-2xx response.
     *
     * <pre>{@code ProviderError e = protocol.parseError(response);}</pre>
     *
     * @param response the response
     * @return the classified error
     */
    ProviderError parseError(WireResponse response);

    /**
     * Rate limits the server reported in its headers.
     *
     * <pre>{@code ServerLimits l = protocol.serverLimits(response);}</pre>
     *
     * @param response any response
     * @return the limits
     */
    default ServerLimits serverLimits(WireResponse response) {
        return ProviderErrors.openAiStyleLimits(response);
    }
}
