package dev.quarry.internal.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filters a template may apply with {@code value | name(args)}, each with Jinja's parameters,
 * defaults and behaviour.
 */
enum Filter {
    /** {@code s | upper}: the text in upper case. */
    UPPER("upper", false) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            return Values.str(v).toUpperCase(Locale.ROOT);
        }
    },
    /** {@code s | lower}: the text in lower case. */
    LOWER("lower", false) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            return Values.str(v).toLowerCase(Locale.ROOT);
        }
    },
    /** {@code s | trim} or {@code s | trim(chars)}: leading and trailing whitespace (or chars) removed. */
    TRIM("trim", false, new Param("chars", null)) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            Object chars = Values.defined(args[0]);
            return strip(Values.str(v), chars == null ? null : Values.str(chars));
        }
    },
    /** {@code x | length} (alias {@code count}): characters of a string, items of a list or mapping. */
    LENGTH("length", false) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            return Values.length(v, call.operand(), call.pos());
        }
    },
    /**
     * {@code x | default(value, boolean=false)} (alias {@code d}): {@code value} when x is undefined,
     * or, with {@code boolean} true, also when x is false or none.
     */
    DEFAULT("default", true, new Param("default_value", ""), new Param("boolean", false)) {
        @Override
        @Nullable
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            if (v instanceof Undefined || (Values.truthy(Values.defined(args[1])) && !Values.truthy(v))) {
                return args[0];
            }
            return v;
        }
    },
    /** {@code xs | join(sep='', attribute=none)}: the items (or an attribute of each) as text, joined. */
    JOIN("join", false, new Param("d", ""), new Param("attribute", null)) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            Expr where = call.operand();
            List<?> items = Values.iterate(v, where, call.pos());
            String sep = Values.str(Values.defined(args[0]));
            Object attribute = Values.defined(args[1]);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                Object item = items.get(i);
                if (attribute != null) {
                    int index = i;
                    Described itemWhere = () -> where.describe() + "[" + index + "]";
                    item = Values.defined(attribute(item, attribute, itemWhere, call.pos()));
                }
                Values.appendStr(sb, item);
            }
            return sb.toString();
        }
    },
    /** {@code x | tojson(indent=none)}: the value as JSON, exactly as Jinja writes it. */
    TOJSON("tojson", false, new Param("indent", null)) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            Object indent = Values.defined(args[0]);
            Integer spaces = indent == null ? null : (int) integer(indent, "indent", call);
            return Json.write(v, spaces, call.operand(), call.pos());
        }
    },
    /**
     * {@code s | truncate(length=255, killwords=false, end='...', leeway=5)}: the text cut to {@code
     * length} characters including {@code end}, at a word boundary unless {@code killwords}; text at
     * most {@code leeway} characters too long is left whole.
     */
    TRUNCATE(
            "truncate",
            false,
            new Param("length", 255L),
            new Param("killwords", false),
            new Param("end", "..."),
            new Param("leeway", null)) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            String s = Values.str(v);
            long length = integer(Values.defined(args[0]), "length", call);
            boolean killwords = Values.truthy(Values.defined(args[1]));
            String end = Values.str(Values.defined(args[2]));
            Object leewayArg = Values.defined(args[3]);
            long leeway = leewayArg == null ? 5 : integer(leewayArg, "leeway", call);
            int endLength = end.codePointCount(0, end.length());
            if (length < endLength) {
                throw new RenderException(
                        call.pos(),
                        "truncate length must be at least the length of its end text '" + end + "' (" + endLength
                                + "), got " + length);
            }
            if (leeway < 0) {
                throw new RenderException(call.pos(), "truncate leeway must be >= 0, got " + leeway);
            }
            int size = s.codePointCount(0, s.length());
            if (size <= length + leeway) {
                return s;
            }
            String head = s.substring(0, s.offsetByCodePoints(0, (int) (length - endLength)));
            if (killwords) {
                return head + end;
            }
            int space = head.lastIndexOf(' ');
            return (space < 0 ? head : head.substring(0, space)) + end;
        }
    },
    /** {@code xs | first}: the first item (first character of a string). */
    FIRST("first", false) {
        @Override
        @Nullable
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            List<?> items = Values.iterate(v, call.operand(), call.pos());
            return items.isEmpty()
                    ? new Undefined("'" + call.describe() + "' is undefined: the sequence is empty", call.pos())
                    : items.get(0);
        }
    },
    /** {@code xs | last}: the last item (last character of a string). */
    LAST("last", false) {
        @Override
        @Nullable
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            List<?> items = Values.iterate(v, call.operand(), call.pos());
            return items.isEmpty()
                    ? new Undefined("'" + call.describe() + "' is undefined: the sequence is empty", call.pos())
                    : items.get(items.size() - 1);
        }
    },
    /** {@code s | replace(old, new, count=none)}: occurrences of {@code old} replaced, the first count only. */
    REPLACE("replace", false, Param.required("old"), Param.required("new"), new Param("count", null)) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            String s = Values.str(v);
            String old = Values.str(Values.defined(args[0]));
            String replacement = Values.str(Values.defined(args[1]));
            Object countArg = Values.defined(args[2]);
            long count = countArg == null ? -1 : integer(countArg, "count", call);
            if (count < 0) {
                return s.replace(old, replacement);
            }
            return replace(s, old, replacement, count);
        }
    },
    /** {@code x | string}: the value as text (Python's {@code str}; none is {@code None}). */
    STRING("string", false) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            return Values.str(v);
        }
    },
    /** {@code m | items}: the key/value pairs of a mapping, for {@code {% for k, v in m | items %}}. */
    ITEMS("items", true) {
        @Override
        Object apply(@Nullable Object v, @Nullable Object[] args, Expr.FilterCall call) {
            if (v instanceof Undefined) {
                return List.of();
            }
            if (!Values.isMappingLike(v)) {
                throw new RenderException(
                        call.pos(),
                        "Cannot list the items of '" + call.operand().describe() + "': it is " + Values.describe(v)
                                + ", not a mapping");
            }
            List<Object> pairs = new ArrayList<>();
            for (Map.Entry<?, ?> e : Values.entries(v)) {
                pairs.add(Collections.unmodifiableList(Arrays.asList(e.getKey(), e.getValue())));
            }
            return Collections.unmodifiableList(pairs);
        }
    };

    /** A parameter with its default; a required one has none. */
    record Param(String name, @Nullable Object defaultValue, boolean required) {
        Param(String name, @Nullable Object defaultValue) {
            this(name, defaultValue, false);
        }

        static Param required(String name) {
            return new Param(name, null, true);
        }
    }

    private static final Map<String, Filter> BY_NAME;

    static {
        Map<String, Filter> byName = new LinkedHashMap<>();
        for (Filter f : values()) {
            byName.put(f.filterName, f);
        }
        byName.put("d", DEFAULT);
        byName.put("count", LENGTH);
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private final String filterName;
    private final boolean acceptsUndefined;
    private final List<Param> params;

    Filter(String filterName, boolean acceptsUndefined, Param... params) {
        this.filterName = filterName;
        this.acceptsUndefined = acceptsUndefined;
        this.params = List.of(params);
    }

    /**
     * Applies the filter. {@code value} is defined unless {@link #acceptsUndefined()}; {@code args}
     * holds one value per parameter and may hold {@link Undefined}s.
     */
    abstract @Nullable Object apply(@Nullable Object value, @Nullable Object[] args, Expr.FilterCall call);

    String filterName() {
        return filterName;
    }

    /** Whether an undefined input is passed to the filter instead of failing first. */
    boolean acceptsUndefined() {
        return acceptsUndefined;
    }

    List<Param> params() {
        return params;
    }

    /** The filter named {@code name} (aliases included), or null. */
    static @Nullable Filter named(String name) {
        return BY_NAME.get(name);
    }

    /** Every filter name a template may use, aliases included. */
    static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static long integer(@Nullable Object v, String param, Expr.FilterCall call) {
        if (Values.isIntegral(v) || v instanceof Boolean) {
            return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
        }
        throw new RenderException(
                call.pos(),
                "Filter '" + call.filter().filterName + "' needs an integer for '" + param + "', got "
                        + Values.describe(v));
    }

    /** Python's {@code str.strip(chars)}. */
    private static String strip(String s, @Nullable String chars) {
        int from = 0;
        int to = s.length();
        while (from < to && stripped(s.charAt(from), chars)) {
            from++;
        }
        while (to > from && stripped(s.charAt(to - 1), chars)) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean stripped(char c, @Nullable String chars) {
        return chars == null ? Lexer.isSpace(c) : chars.indexOf(c) >= 0;
    }

    /** Python's {@code str.replace(old, new, count)} for count ≥ 0. */
    private static String replace(String s, String old, String replacement, long count) {
        StringBuilder sb = new StringBuilder();
        int from = 0;
        long done = 0;
        if (old.isEmpty()) {
            // Python inserts before every character and at the end
            int i = 0;
            while (done < count && i <= s.length()) {
                sb.append(replacement);
                done++;
                if (i < s.length()) {
                    int next = s.offsetByCodePoints(i, 1);
                    sb.append(s, i, next);
                    i = next;
                } else {
                    i++;
                }
            }
            if (i < s.length()) {
                sb.append(s, i, s.length());
            }
            return sb.toString();
        }
        while (done < count) {
            int at = s.indexOf(old, from);
            if (at < 0) {
                break;
            }
            sb.append(s, from, at).append(replacement);
            from = at + old.length();
            done++;
        }
        return sb.append(s, from, s.length()).toString();
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitDots(String s) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', from)) {
            parts.add(s.substring(from, dot));
            from = dot + 1;
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** Resolves a JSON-path-like attribute spec for {@code join(attribute=...)}: dotted, digits index. */
    private static @Nullable Object attribute(@Nullable Object item, Object attribute, Described where, int pos) {
        if (Values.isIntegral(attribute)) {
            return Values.item(Values.defined(item), attribute, where, pos);
        }
        Object current = item;
        String path = "";
        for (String part : splitDots(Values.str(attribute))) {
            Object key = isDigits(part) ? (Object) Long.parseLong(part) : part;
            String prefix = path;
            current = Values.item(Values.defined(current), key, () -> where.describe() + prefix, pos);
            path = path + "." + part;
        }
        return current;
    }
}
