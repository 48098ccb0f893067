package dev.quarry.types;

import static java.util.Objects.requireNonNull;

/**
 * A transcript of speech in a known format (for example {@code srt}, {@code webvtt} or
 * {@code generic}), stored as a string.
 *
 * <pre>{@code DataType t = new TranscriptType("srt"); // transcript<srt>}</pre>
 *
 * @param format the transcript format name
 */
public record TranscriptType(String format) implements DataType {
    /** Validates the format. */
    public TranscriptType {
        requireNonNull(format, "format is null");
        if (format.isBlank()) {
            throw new IllegalArgumentException("transcript format is blank");
        }
    }

    @Override
    public String simpleString() {
        return "transcript<" + format + ">";
    }

    @Override
    public String toString() {
        return simpleString();
    }
}
