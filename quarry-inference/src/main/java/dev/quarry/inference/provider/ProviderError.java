package dev.quarry.inference.provider;

import dev.quarry.ErrorCode;

/**
 * A classified failure response.
 *
 * <pre>{@code new ProviderError(ProviderError.Kind.RATE_LIMITED, ErrorCode.RATE_LIMITED, "Rate limit reached", 1_000_000_000L)}</pre>
 *
 * @param kind whether to retry
 * @param code the error code to fail with if not retried
 * @param providerMessage the provider's own error text
 * @param retryAfterNanos the server's requested wait, 0 when none
 */
public record ProviderError(Kind kind, ErrorCode code, String providerMessage, long retryAfterNanos) {
    /** Whether and how to retry. */
    public enum Kind {
        /** HTTP 429 or equivalent: slow down and retry. */
        RATE_LIMITED,
        /** 5xx, overloaded, timeout, reset, malformed body: retry with backoff. */
        TRANSIENT,
        /** Never succeeds as sent: fail at once. */
        FATAL
    }
}
