package dev.quarry.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request the simulator received, what it understood and how it answered. API keys are
 * redacted from the headers and the query string.
 *
 * <pre>{@code
 * RecordedRequest last = sim.requests().get(sim.requests().size() - 1);
 * assertThat(last.chat().system()).contains("Extract");
 * }</pre>
 *
 * @param sequence the arrival number, from 0
 * @param receivedAt when it arrived, by the simulator's clock
 * @param endpoint the endpoint it was routed to
 * @param method the HTTP method
 * @param path the request path
 * @param query the query string with any {@code key} redacted, or an empty string
 * @param headers the request headers, lower-case names, credentials redacted
 * @param body the raw request body
 * @param model the model named by the request, or null when it named none or could not be parsed
 * @param chat the parsed chat request, or null (not a chat endpoint, or rejected before parsing)
 * @param embeddingInputs the texts of an embedding request, else empty
 * @param status the HTTP status sent, or 0 when no status was sent (timeout, reset)
 * @param fault the injected fault, {@link FaultKind#NONE} if none
 * @param inputTokens the input tokens reported in usage (0 when not answered with 200)
 * @param outputTokens the output tokens reported in usage (0 when not answered with 200)
 * @param latency the delay before the answer was sent
 */
public record RecordedRequest(
        long sequence,
        Instant receivedAt,
        Endpoint endpoint,
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        String body,
        @Nullable String model,
        @Nullable ChatRequest chat,
        List<String> embeddingInputs,
        int status,
        FaultKind fault,
        long inputTokens,
        long outputTokens,
        Duration latency) {

    /** Validates and copies the fields. */
    public RecordedRequest {
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(query, "query is null");
        headers = Map.copyOf(requireNonNull(headers, "headers is null"));
        requireNonNull(body, "body is null");
        embeddingInputs = List.copyOf(requireNonNull(embeddingInputs, "embeddingInputs is null"));
        requireNonNull(fault, "fault is null");
        requireNonNull(latency, "latency is null");
    }

    /**
     * The first value of a request header (name in any case), or null.
     *
     * <pre>{@code String version = recorded.header("anthropic-version");}</pre>
     *
     * @param name the header name
     * @return the value, or null when absent
     */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
