package dev.quarry.internal.template;

/**
 * Something an error message can name, such as the expression {@code left.name}. Messages are
 * built only when something fails, so rendering never pays for them.
 */
@FunctionalInterface
interface Described {
    /** How it reads in an error message. */
    String describe();
}
