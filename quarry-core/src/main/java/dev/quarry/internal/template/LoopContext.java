package dev.quarry.internal.template;

import java.util.List;

/**
 * The {@code loop} variable inside {@code {% for %}}: {@code index} (1-based), {@code index0},
 * {@code revindex}, {@code revindex0}, {@code first}, {@code last}, {@code length}, {@code previtem},
 * {@code nextitem}, {@code depth} (1-based) and {@code depth0}, as in Jinja.
 *
 * <p>One instance serves every iteration of one loop run; the loop advances {@link #index0}.
 */
final class LoopContext {
    static final List<String> ATTRIBUTES = List.of(
            "index",
            "index0",
            "revindex",
            "revindex0",
            "first",
            "last",
            "length",
            "previtem",
            "nextitem",
            "depth",
            "depth0");

    private final List<?> items;
    private final int depth0;
    int index0;

    LoopContext(List<?> items, int depth0) {
        this.items = items;
        this.depth0 = depth0;
    }

    /** The attribute's value, or {@link Context#MISSING} when there is no such attribute or item. */
    Object attribute(String name) {
        int length = items.size();
        switch (name) {
            case "index":
                return (long) index0 + 1;
            case "index0":
                return (long) index0;
            case "revindex":
                return (long) (length - index0);
            case "revindex0":
                return (long) (length - index0 - 1);
            case "first":
                return index0 == 0;
            case "last":
                return index0 == length - 1;
            case "length":
                return (long) length;
            case "previtem":
                return index0 > 0 ? items.get(index0 - 1) : Context.MISSING;
            case "nextitem":
                return index0 + 1 < length ? items.get(index0 + 1) : Context.MISSING;
            case "depth":
                return (long) depth0 + 1;
            case "depth0":
                return (long) depth0;
            default:
                return Context.MISSING;
        }
    }

    @Override
    public String toString() {
        return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
    }
}
