package dev.quarry.inference.provider;

/**
 * A 2xx response whose body is not what the protocol promises (not JSON, fields missing). Treated
 * as transient: the request is retried.
 *
 * <pre>{@code throw new MalformedResponseException("no 'choices' array in response");}</pre>
 */
public final class MalformedResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * <pre>{@code new MalformedResponseException("not JSON")}</pre>
     *
     * @param message what was wrong
     */
    public MalformedResponseException(String message) {
        super(message);
    }
}
