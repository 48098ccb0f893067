package dev.quarry.testkit.simulator;

/**
 * A failure the {@link LlmSimulator} can inject into an accepted request, by rate or by script
 * (see {@link Faults}). Each is rendered in the wire format of the endpoint that received the
 * request.
 *
 * <pre>{@code
 * LlmSimulator.builder().faults(Faults.rate(0.05, FaultKind.SERVER_ERROR, FaultKind.OVERLOADED)).start();
 * }</pre>
 */
public enum FaultKind {
    /** No fault: the request is answered normally. Useful in scripts. */
    NONE,
    /** HTTP 500 with the provider's internal-error body. */
    SERVER_ERROR,
    /** Overloaded: 503 for OpenAI, Gemini and Cohere; 529 {@code overloaded_error} for Anthropic. */
    OVERLOADED,
    /** A 429 rate-limit answer (with {@code retry-after}) although the limits have room. */
    RATE_LIMITED,
    /** A 429 that must not be retried: OpenAI {@code insufficient_quota}, Gemini / Anthropic equivalents. */
    QUOTA_EXHAUSTED,
    /** No answer at all: the connection stays open until the client gives up (see {@link Faults#hangFor}). */
    TIMEOUT,
    /** The connection is closed without any response bytes. */
    CONNECTION_RESET,
    /** Status 200 with a body that is not valid JSON (cut off half-way). */
    MALFORMED_JSON,
    /** Status 200 with the output cut short: {@code finish_reason: length}, {@code stop_reason: max_tokens}, {@code MAX_TOKENS}. */
    TRUNCATED_OUTPUT,
    /** Status 200 with output that is valid JSON but violates the requested schema. */
    SCHEMA_VIOLATION,
    /** Status 200 with no choices / no content blocks / no candidates / no embeddings. */
    EMPTY_CHOICES
}
