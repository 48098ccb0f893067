package dev.quarry.inference;

import static java.util.Objects.requireNonNull;

/**
 * Why a model's answer cannot be used. Bad output is data, not a crash: the caller decides whether
 * to send a repair request quoting {@link #message()}, or to record a null.
 *
 * <pre>{@code
 * result.badOutput().ifPresent(bad -> repair(request, bad.message()));
 * }</pre>
 *
 * @param kind what went wrong
 * @param message the details, e.g. the schema validation errors, suitable for a repair prompt
 */
public record BadOutput(Kind kind, String message) {
    /** Validates the fields. */
    public BadOutput {
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
    }

    /** The kinds of unusable answers. */
    public enum Kind {
        /** The answer is JSON but does not match the schema. */
        SCHEMA_VIOLATION,
        /** A structured answer is not parseable JSON. */
        INVALID_JSON,
        /** The answer was cut off at the output token limit. */
        TRUNCATED,
        /** The provider returned no answer (no choices, no candidates, empty text). */
        EMPTY,
        /** The model refused or a content filter stopped it. */
        REFUSED
    }
}
