package dev.quarry.testkit.assertions;

import dev.quarry.Row;
import java.util.List;

/**
 * Renders values the way a test writes them, so that a type difference is visible: {@code 1L} is
 * a {@code Long}, {@code 1} an {@code Integer}, {@code 1.5f} a {@code Float}, {@code "a"} a
 * {@code String}; structs render as {@code row(...)} and arrays as {@code [...]}.
 */
final class ValueFormatter {
    private ValueFormatter() {}

    static String format(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    static String formatValues(List<?> values) {
        StringBuilder sb = new StringBuilder("(");
        appendAll(sb, values);
        return sb.append(')').toString();
    }

    private static void append(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            appendString(sb, s);
        } else if (value instanceof Long l) {
            sb.append(l).append('L');
        } else if (value instanceof Float f) {
            sb.append(f).append('f');
        } else if (value instanceof Integer || value instanceof Double || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof float[] vector) {
            sb.append("float[]{");
            for (int i = 0; i < vector.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(vector[i]).append('f');
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            appendAll(sb, list);
            sb.append(']');
        } else if (value instanceof Row row) {
            sb.append("row(");
            appendAll(sb, row.values());
            sb.append(')');
        } else if (value instanceof ExpectedRow row) {
            sb.append("row(");
            appendAll(sb, row.values());
            sb.append(')');
        } else if (value instanceof java.time.temporal.Temporal) {
            sb.append(value);
        } else {
            sb.append(value.getClass().getSimpleName())
                    .append('(')
                    .append(value)
                    .append(')');
        }
    }

    private static void appendAll(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            append(sb, values.get(i));
        }
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A value with its Java type, for a message: {@code Long 2L}, {@code String "a"}, {@code null}. */
    static String describe(Object value) {
        return value == null ? "null" : typeName(value) + " " + format(value);
    }

    /** The Java type a reader needs to see in a hint: {@code Long}, {@code Integer}, ... */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Row || value instanceof ExpectedRow) {
            return "struct";
        }
        if (value instanceof List) {
            return "List";
        }
        return value.getClass().getSimpleName();
    }
}
