package dev.quarry.inference;

import dev.quarry.ErrorCode;

/**
 * A provider failure that may succeed when retried (429, 5xx, overloaded, timeouts, connection
 * resets). The runtime retries these itself; a caller only sees one when the retries ran out.
 *
 * <pre>{@code
 * catch (TransientProviderException e) { log.warn("gave up after retries: {}", e.getMessage()); }
 * }</pre>
 */
public final class TransientProviderException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * <pre>{@code new TransientProviderException(ErrorCode.RATE_LIMITED, "fast", "openai", 429, "...")}</pre>
     *
     * @param code the error code ({@link ErrorCode#RATE_LIMITED}, {@link ErrorCode#PROVIDER_UNAVAILABLE},
     *     {@link ErrorCode#REQUEST_TIMEOUT})
     * @param alias the model alias
     * @param provider the provider id
     * @param httpStatus the HTTP status, 0 when no response was received
     * @param message the full message
     */
    public TransientProviderException(ErrorCode code, String alias, String provider, int httpStatus, String message) {
        super(code, alias, provider, httpStatus, message);
    }
}
