package dev.quarry.internal.template;

import org.jspecify.annotations.Nullable;

/**
 * A failure while rendering, carrying the offset of the expression that caused it. Internal: {@link
 * Template} turns it into a {@link dev.quarry.QuarryException} that quotes the template line. It
 * records no stack trace, since it always becomes another exception.
 */
final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int pos;

    RenderException(int pos, String message) {
        this(pos, message, null);
    }

    RenderException(int pos, String message, @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.pos = pos;
    }

    int pos() {
        return pos;
    }
}
