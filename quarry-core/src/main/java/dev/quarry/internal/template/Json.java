package dev.quarry.internal.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code tojson} filter's output, byte for byte what Jinja's {@code tojson} gives: Python's
 * {@code json.dumps(value, sort_keys=True)} (separators {@code ", "} and {@code ": "}, non-ASCII
 * escaped as {@code \\uXXXX}, keys sorted), then {@code <}, {@code >}, {@code &} and {@code '}
 * escaped as {@code \\u003c}, {@code \\u003e}, {@code \\u0026} and {@code \\u0027} so the text is safe
 * inside HTML. Dates and timestamps, which Python cannot serialize, become ISO strings.
 */
final class Json {
    private Json() {}

    static String write(@Nullable Object value, @Nullable Integer indent, Described where, int pos) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0, where, pos);
        return sb.toString();
    }

    private static void write(
            StringBuilder sb, @Nullable Object v, @Nullable Integer indent, int level, Described where, int pos) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Double || v instanceof Float) {
            double d = Values.toDouble(v);
            if (Double.isNaN(d)) {
                sb.append("NaN");
            } else if (Double.isInfinite(d)) {
                sb.append(d > 0 ? "Infinity" : "-Infinity");
            } else {
                sb.append(Values.formatFloat(d));
            }
        } else if (v instanceof BigDecimal b) {
            sb.append(Values.formatFloat(b.doubleValue()));
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime) {
            string(sb, Values.str(v));
        } else if (v instanceof Undefined u) {
            throw u.error();
        } else if (Values.isListLike(v)) {
            List<?> list = Values.asList(v);
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(indent == null ? ", " : ",");
                }
                newline(sb, indent, level + 1);
                write(sb, list.get(i), indent, level + 1, where, pos);
            }
            newline(sb, indent, level);
            sb.append(']');
        } else if (Values.isMappingLike(v)) {
            List<Member> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : Values.entries(v)) {
                entries.add(new Member(key(e.getKey(), where, pos), e.getValue()));
            }
            if (entries.isEmpty()) {
                sb.append("{}");
                return;
            }
            entries.sort(Comparator.comparing(Member::key));
            sb.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    sb.append(indent == null ? ", " : ",");
                }
                newline(sb, indent, level + 1);
                string(sb, entries.get(i).key());
                sb.append(": ");
                write(sb, entries.get(i).value(), indent, level + 1, where, pos);
            }
            newline(sb, indent, level);
            sb.append('}');
        } else {
            throw new RenderException(
                    pos,
                    "Cannot convert '" + where.describe() + "' to JSON: " + Values.withArticle(Values.typeName(v))
                            + " is not a string, number, boolean, none, list or mapping");
        }
    }

    /** One key and value of a JSON object. */
    private record Member(String key, @Nullable Object value) {}

    private static String key(@Nullable Object k, Described where, int pos) {
        if (k instanceof String s) {
            return s;
        }
        if (k == null) {
            return "null";
        }
        if (k instanceof Boolean || k instanceof Number) {
            StringBuilder sb = new StringBuilder();
            write(sb, k, null, 0, where, pos);
            return sb.toString();
        }
        throw new RenderException(
                pos,
                "Cannot convert '" + where.describe()
                        + "' to JSON: a mapping key must be a string, number, boolean or none, not "
                        + Values.describe(k));
    }

    private static void newline(StringBuilder sb, @Nullable Integer indent, int level) {
        if (indent != null) {
            sb.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '<', '>', '&', '\'' -> unicode(sb, c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        unicode(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void unicode(StringBuilder sb, char c) {
        String hex = Integer.toHexString(c);
        sb.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
    }
}
