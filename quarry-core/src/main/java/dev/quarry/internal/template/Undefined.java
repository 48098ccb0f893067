package dev.quarry.internal.template;

/**
 * The value of a name or attribute that does not exist. As with Jinja's {@code StrictUndefined}, it
 * may only be tested ({@code is defined}) or replaced ({@code default}); printing it, testing its
 * truth, iterating it or reading from it fails with the message it carries.
 */
final class Undefined {
    private final String message;
    private final int pos;

    Undefined(String message, int pos) {
        this.message = message;
        this.pos = pos;
    }

    String message() {
        return message;
    }

    RenderException error() {
        return new RenderException(pos, message);
    }

    @Override
    public String toString() {
        return "Undefined(" + message + ")";
    }
}
