package dev.quarry.inference;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;

/**
 * A provider refused or failed a request. The message names the model alias, the provider, the
 * HTTP status and the provider's own error text, never the key. {@link TransientProviderException}
 * is the retriable kind; this class itself is final for the caller: fix the configuration or input.
 *
 * <pre>{@code
 * try {
 *     runtime.chat("fast", request, key).join();
 * } catch (CompletionException e) {
 *     if (e.getCause() instanceof ProviderException p && p.code() == ErrorCode.AUTHENTICATION_FAILED) { ... }
 * }
 * }</pre>
 */
public class ProviderException extends QuarryException {
    private static final long serialVersionUID = 1L;

    private final String alias;
    private final String provider;
    private final int httpStatus;

    /**
     * Creates the exception.
     *
     * <pre>{@code new ProviderException(ErrorCode.INVALID_REQUEST, "fast", "openai", 400, "...")}</pre>
     *
     * @param code the error code
     * @param alias the model alias
     * @param provider the provider id
     * @param httpStatus the HTTP status, 0 when no response was received
     * @param message the full message
     */
    public ProviderException(ErrorCode code, String alias, String provider, int httpStatus, String message) {
        super(code, message);
        this.alias = alias;
        this.provider = provider;
        this.httpStatus = httpStatus;
    }

    /**
     * The model alias the request was for.
     *
     * <pre>{@code e.alias() // "fast"}</pre>
     *
     * @return the alias
     */
    public String alias() {
        return alias;
    }

    /**
     * The provider id.
     *
     * <pre>{@code e.provider() // "openai"}</pre>
     *
     * @return the provider
     */
    public String provider() {
        return provider;
    }

    /**
     * The HTTP status, 0 when no response was received (timeout, connection reset).
     *
     * <pre>{@code e.httpStatus() // 401}</pre>
     *
     * @return the status
     */
    public int httpStatus() {
        return httpStatus;
    }
}
