package dev.quarry;

/**
 * Stable codes for every error Quarry raises. Each code belongs to one {@link ErrorType}.
 *
 * <p>Codes are only ever added, never renamed, so programs may branch on them:
 *
 * <pre>{@code
 * try {
 *     df.select(col("nmae"));
 * } catch (QuarryException e) {
 *     if (e.code() == ErrorCode.COLUMN_NOT_FOUND) { ... }
 * }
 * }</pre>
 */
public enum ErrorCode {
    // ---- user errors: the program or its input
    INVALID_ARGUMENT(ErrorType.USER_ERROR),
    COLUMN_NOT_FOUND(ErrorType.USER_ERROR),
    AMBIGUOUS_COLUMN(ErrorType.USER_ERROR),
    DUPLICATE_COLUMN(ErrorType.USER_ERROR),
    TYPE_MISMATCH(ErrorType.USER_ERROR),
    INVALID_PLAN(ErrorType.USER_ERROR),
    FILE_NOT_FOUND(ErrorType.USER_ERROR),
    MALFORMED_INPUT(ErrorType.USER_ERROR),
    PATH_ALREADY_EXISTS(ErrorType.USER_ERROR),
    TABLE_NOT_FOUND(ErrorType.USER_ERROR),
    TABLE_ALREADY_EXISTS(ErrorType.USER_ERROR),
    SQL_ERROR(ErrorType.USER_ERROR),
    INVALID_CONFIGURATION(ErrorType.USER_ERROR),
    MODEL_NOT_CONFIGURED(ErrorType.USER_ERROR),
    INVALID_SCHEMA(ErrorType.USER_ERROR),
    INVALID_TEMPLATE(ErrorType.USER_ERROR),
    // ---- model providers
    AUTHENTICATION_FAILED(ErrorType.USER_ERROR),
    INVALID_REQUEST(ErrorType.USER_ERROR),
    MODEL_NOT_FOUND(ErrorType.USER_ERROR),
    REQUEST_TOO_LARGE(ErrorType.USER_ERROR),
    QUOTA_EXHAUSTED(ErrorType.RESOURCE_EXHAUSTED),
    RATE_LIMITED(ErrorType.EXTERNAL),
    PROVIDER_UNAVAILABLE(ErrorType.EXTERNAL),
    REQUEST_TIMEOUT(ErrorType.EXTERNAL),
    BAD_MODEL_OUTPUT(ErrorType.EXTERNAL),
    // ---- limits
    BUDGET_EXCEEDED(ErrorType.RESOURCE_EXHAUSTED),
    JOIN_TOO_LARGE(ErrorType.RESOURCE_EXHAUSTED),
    // ---- everything else
    IO_ERROR(ErrorType.EXTERNAL),
    EXECUTION_FAILED(ErrorType.EXTERNAL),
    UNSUPPORTED_OPERATION(ErrorType.USER_ERROR),
    INTERNAL_ERROR(ErrorType.INTERNAL),
    // ---- data
    /** A value could not be converted to the type a cast asked for (use a lenient cast to get null). */
    CAST_FAILED(ErrorType.USER_ERROR);

    private final ErrorType type;

    ErrorCode(ErrorType type) {
        this.type = type;
    }

    /**
     * Whose move it is to fix an error with this code.
     *
     * <pre>{@code ErrorCode.COLUMN_NOT_FOUND.type() // USER_ERROR}</pre>
     *
     * @return the error type
     */
    public ErrorType type() {
        return type;
    }
}
