package dev.quarry;

import static java.util.Objects.requireNonNull;

/**
 * The root of every exception Quarry throws. It carries a stable {@link ErrorCode}; its message says
 * what happened, the offending value, and what to do about it.
 *
 * <pre>{@code
 * try {
 *     df.select(col("nmae"));
 * } catch (QuarryException e) {
 *     System.err.println(e.code() + ": " + e.getMessage());
 *     // COLUMN_NOT_FOUND: Column 'nmae' not found. Available: id, name, body. Did you mean 'name'?
 * }
 * }</pre>
 */
public class QuarryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * Creates an exception with a code and a message.
     *
     * <pre>{@code throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "limit must be >= 0, was -1");}</pre>
     *
     * @param code the stable error code
     * @param message what happened, the offending value, what to do
     */
    public QuarryException(ErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    /**
     * Creates an exception with a code, a message and the cause.
     *
     * <pre>{@code throw new QuarryException(ErrorCode.IO_ERROR, "Cannot read 'a.csv': " + e.getMessage(), e);}</pre>
     *
     * @param code the stable error code
     * @param message what happened, the offending value, what to do
     * @param cause the underlying exception
     */
    public QuarryException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    /**
     * The stable code of this error.
     *
     * <pre>{@code if (e.code() == ErrorCode.FILE_NOT_FOUND) { ... }}</pre>
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * Whose move it is to fix this error; shorthand for {@code code().type()}.
     *
     * <pre>{@code boolean mine = e.type() == ErrorType.USER_ERROR;}</pre>
     *
     * @return the error type
     */
    public ErrorType type() {
        return code.type();
    }

    /**
     * True when retrying the same call later may succeed (rate limits, unavailable providers,
     * timeouts).
     *
     * <pre>{@code if (e.isRetriable()) { scheduleRetry(); }}</pre>
     *
     * @return whether the failure is transient
     */
    public boolean isRetriable() {
        return code == ErrorCode.RATE_LIMITED
                || code == ErrorCode.PROVIDER_UNAVAILABLE
                || code == ErrorCode.REQUEST_TIMEOUT;
    }
}
