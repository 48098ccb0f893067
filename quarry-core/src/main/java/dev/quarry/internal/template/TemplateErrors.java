package dev.quarry.internal.template;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;

/** Builds the {@link QuarryException}s a template raises, each quoting the offending line. */
final class TemplateErrors {
    private TemplateErrors() {}

    /**
     * A syntax error: {@code message} (which already says where and what to do) followed by the
     * quoted line with a caret under {@code pos}.
     */
    static QuarryException syntax(SourceText source, int pos, String message) {
        return new QuarryException(ErrorCode.INVALID_TEMPLATE, message + "\n" + source.excerpt(pos));
    }

    /** A failure while rendering, located at the expression that caused it. */
    static QuarryException render(SourceText source, RenderException e) {
        int pos = e.pos();
        return new QuarryException(
                ErrorCode.INVALID_TEMPLATE,
                "Cannot render template at " + source.where(pos) + ": " + e.getMessage() + "\n" + source.excerpt(pos),
                e.getCause());
    }
}
