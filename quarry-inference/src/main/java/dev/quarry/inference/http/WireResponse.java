package dev.quarry.inference.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP response: status, headers (names lower-cased) and body.
 *
 * <pre>{@code Optional<String> retryAfter = response.header("retry-after");}</pre>
 *
 * @param status the HTTP status
 * @param headers the headers, names lower-cased
 * @param body the body bytes
 */
public record WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
    /** Validates and normalizes header names. */
    public WireResponse {
        requireNonNull(headers, "headers is null");
        requireNonNull(body, "body is null");
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Map.copyOf(lower);
    }

    /**
     * The first value of a header.
     *
     * <pre>{@code response.header("Retry-After")}</pre>
     *
     * @param name the header name, any case
     * @return the value
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body as UTF-8 text.
     *
     * <pre>{@code String text = response.bodyText();}</pre>
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * True for a 2xx status.
     *
     * <pre>{@code if (response.isSuccess()) parse(response);}</pre>
     *
     * @return whether the request succeeded
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
