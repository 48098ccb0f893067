package dev.quarry.inference.provider;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Where and how to reach one configured model. {@link #toString()} never shows the key.
 *
 * <pre>{@code new Endpoint("fast", "openai", "gpt-4.1-nano", "https://api.openai.com/v1", key, false, Duration.ofMinutes(2), 0)}</pre>
 *
 * @param alias the model alias
 * @param provider the provider id
 * @param modelName the provider's model name
 * @param baseUrl the base URL without trailing slash
 * @param apiKey the resolved key ("" for none)
 * @param customBaseUrl true when the base URL was configured (an OpenAI-compatible server)
 * @param timeout the default timeout of one attempt
 * @param dimensions requested embedding dimensions, 0 for the model's native size
 */
public record Endpoint(
        String alias,
        String provider,
        String modelName,
        String baseUrl,
        String apiKey,
        boolean customBaseUrl,
        Duration timeout,
        int dimensions) {
    /** Validates the fields. */
    public Endpoint {
        requireNonNull(alias, "alias is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(modelName, "modelName is null");
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(apiKey, "apiKey is null");
        requireNonNull(timeout, "timeout is null");
    }

    @Override
    public String toString() {
        return "Endpoint[" + alias + ", " + provider + ", " + modelName + ", " + baseUrl + ", apiKey=****]";
    }
}
