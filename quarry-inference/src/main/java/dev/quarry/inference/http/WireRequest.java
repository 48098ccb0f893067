package dev.quarry.inference.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP POST with a JSON body, ready to send. {@link #toString()} never shows header values,
 * because they carry API keys.
 *
 * <pre>{@code new WireRequest(URI.create(base + "/chat/completions"), headers, body, Duration.ofSeconds(60))}</pre>
 *
 * @param uri the endpoint
 * @param headers request headers (keys included)
 * @param body the JSON body
 * @param timeout the timeout of this attempt
 */
public record WireRequest(URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
    /** Validates and copies. */
    public WireRequest {
        requireNonNull(uri, "uri is null");
        headers = Map.copyOf(headers);
        requireNonNull(body, "body is null");
        requireNonNull(timeout, "timeout is null");
    }

    @Override
    public String toString() {
        return "WireRequest[POST " + uri + ", headers=" + headers.keySet() + ", " + body.length + " bytes]";
    }
}
