package dev.quarry.inference.provider;

import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.http.WireRequest;
import dev.quarry.inference.http.WireResponse;
import dev.quarry.inference.ratelimit.ServerLimits;

/**
 * A provider's chat wire format: building the HTTP request, reading the response. No retries, no
 * rate limiting: the runtime does those around it.
 *
 * <pre>{@code
 * WireRequest http = protocol.chatRequest(endpoint, request);
 * ChatReply reply = protocol.parseChat(response);
 * }</pre>
 */
public interface ChatProtocol {
    /**
     * Builds the HTTP request.
     *
     * <pre>{@code WireRequest r = protocol.chatRequest(endpoint, ChatRequest.of("hi"));}</pre>
     *
     * @param endpoint the model endpoint
     * @param request the chat request
     * @return the HTTP request
     */
    WireRequest chatRequest(Endpoint endpoint, ChatRequest request);

    /**
     * Reads a 2xx response.
     *
     * <pre>{@code ChatReply reply = protocol.parseChat(response);}</pre>
     *
     * @param response the response
     * @return the reply
     * @throws MalformedResponseException when the body is not the expected JSON
     */
    ChatReply parseChat(WireResponse response);

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
     * @return the limits, {@link ServerLimits#NONE} when not reported
     */
    default ServerLimits serverLimits(WireResponse response) {
        return ProviderErrors.openAiStyleLimits(response);
    }
}
