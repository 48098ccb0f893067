package dev.quarry.internal.template;

import dev.quarry.Row;
import dev.quarry.internal.analyzer.Suggestions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Jinja's (that is, Python's) value semantics over Java values: truth, text and {@code repr}
 * forms, equality and ordering, attribute and item access, iteration and length.
 *
 * <p>Java values map to Python ones as: {@code null} → {@code None}; {@link String} → {@code str};
 * {@link Boolean} → {@code bool}; integral numbers → {@code int}; {@link Float}, {@link Double},
 * {@link BigDecimal} → {@code float}/{@code Decimal}; {@link List}, {@link Collection}, arrays →
 * {@code list}; {@link Map}, {@link Row} and records → {@code dict}-like (their attributes are keys,
 * fields or components).
 */
final class Values {
    private static final int PREVIEW = 40;

    private Values() {}

    // ---------------------------------------------------------------- undefined

    /** {@code v}, unless it is {@link Undefined}: then its error. */
    static @Nullable Object defined(@Nullable Object v) {
        if (v instanceof Undefined u) {
            throw u.error();
        }
        return v;
    }

    // ---------------------------------------------------------------- truth

    /** Python truth: none, false, 0, 0.0, empty strings, lists and mappings are false. */
    static boolean truthy(@Nullable Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Number n) {
            if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
                return n.doubleValue() != 0.0;
            }
            if (n instanceof BigInteger b) {
                return b.signum() != 0;
            }
            return n.longValue() != 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof Row r) {
            return r.size() > 0;
        }
        if (v.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(v) > 0;
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        return true;
    }

    // ---------------------------------------------------------------- text

    /** What {@code {{ v }}} prints: like {@link #str}, except that none prints nothing. */
    static void appendOutput(StringBuilder out, @Nullable Object v) {
        if (v instanceof String s) {
            out.append(s);
        } else if (v == null) {
            // none renders as empty text (see Template)
        } else if (v instanceof Long l) {
            out.append(l.longValue());
        } else if (v instanceof Integer i) {
            out.append(i.intValue());
        } else if (v instanceof Undefined u) {
            throw u.error();
        } else {
            appendStr(out, v);
        }
    }

    /** Python's {@code str(v)}. */
    static String str(@Nullable Object v) {
        if (v instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        appendStr(sb, v);
        return sb.toString();
    }

    static void appendStr(StringBuilder out, @Nullable Object v) {
        if (v == null) {
            out.append("None");
        } else if (v instanceof String s) {
            out.append(s);
        } else if (v instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (v instanceof Double d) {
            out.append(formatFloat(d));
        } else if (v instanceof Float f) {
            out.append(formatFloat(floatToDouble(f)));
        } else if (v instanceof Number) {
            out.append(v);
        } else if (v instanceof LocalDateTime t) {
            out.append(t.toLocalDate()).append(' ');
            appendTime(out, t.toLocalTime());
        } else if (v instanceof LocalTime t) {
            appendTime(out, t);
        } else if (v instanceof Undefined u) {
            throw u.error();
        } else if (isListLike(v) || isMappingLike(v)) {
            appendRepr(out, v);
        } else {
            out.append(v);
        }
    }

    /** Python's {@code str(time)}: {@code HH:MM:SS}, with {@code .ffffff} when there are microseconds. */
    private static void appendTime(StringBuilder out, LocalTime t) {
        pad2(out, t.getHour()).append(':');
        pad2(out, t.getMinute()).append(':');
        pad2(out, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String digits = Integer.toString(micros);
            out.append('.').append("0".repeat(6 - digits.length())).append(digits);
        }
    }

    private static StringBuilder pad2(StringBuilder out, int n) {
        return out.append(n < 10 ? "0" : "").append(n);
    }

    /** Python's {@code repr(v)}: strings quoted, lists {@code [...]}, mappings {@code {...}}. */
    static String repr(@Nullable Object v) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, v);
        return sb.toString();
    }

    static void appendRepr(StringBuilder out, @Nullable Object v) {
        if (v instanceof String s) {
            appendQuoted(out, s);
        } else if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime) {
            appendQuoted(out, str(v));
        } else if (isListLike(v)) {
            out.append('[');
            List<?> list = asList(v);
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendRepr(out, list.get(i));
            }
            out.append(']');
        } else if (isMappingLike(v)) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : entries(v)) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendRepr(out, e.getKey());
                out.append(": ");
                appendRepr(out, e.getValue());
            }
            out.append('}');
        } else {
            appendStr(out, v);
        }
    }

    /** A string in Python's repr quoting: single quotes unless the text holds one and no double quote. */
    private static void appendQuoted(StringBuilder out, String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        out.append(q);
    }

    /** A float as its decimal text, so {@code 0.1f} reads {@code 0.1} and not {@code 0.10000000149011612}. */
    static double floatToDouble(Float f) {
        return Double.parseDouble(Float.toString(f));
    }

    /**
     * Python's {@code repr(float)}: the shortest text that reads back as the same double, in fixed
     * notation for 1e-4 ≤ |d| &lt; 1e16 ({@code 1.5}, {@code 3.0}, {@code 0.0001}), else in scientific
     * notation with a two-digit exponent ({@code 1e-05}, {@code 1e+16}); {@code nan}, {@code inf}.
     */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return 1.0 / d < 0 ? "-0.0" : "0.0";
        }
        String java = Double.toString(Math.abs(d));
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        // value = 0.<digits> × 10^decpt
        int decpt = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        decpt -= lead;
        int end = digits.length();
        while (end > lead + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(lead, end);

        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int x = decpt - 1;
            sb.append('e').append(x < 0 ? '-' : '+');
            if (Math.abs(x) < 10) {
                sb.append('0');
            }
            sb.append(Math.abs(x));
        } else if (decpt <= 0) {
            sb.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- types

    static boolean isIntegral(@Nullable Object v) {
        return v instanceof Long
                || v instanceof Integer
                || v instanceof Short
                || v instanceof Byte
                || v instanceof BigInteger;
    }

    /** Numbers and booleans, which Python compares as numbers ({@code True == 1}). */
    private static boolean isNumeric(@Nullable Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    static boolean isListLike(@Nullable Object v) {
        return v instanceof Collection<?> || (v != null && v.getClass().isArray());
    }

    static boolean isMappingLike(@Nullable Object v) {
        return v instanceof Map<?, ?>
                || v instanceof Row
                || (v != null && v.getClass().isRecord());
    }

    /** A list view of a list, collection or array. */
    static List<?> asList(Object v) {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v instanceof Object[] a) {
            return Arrays.asList(a);
        }
        return new AbstractList<Object>() {
            @Override
            public Object get(int index) {
                Object x = java.lang.reflect.Array.get(v, index);
                return x instanceof Float f ? (Object) floatToDouble(f) : x;
            }

            @Override
            public int size() {
                return java.lang.reflect.Array.getLength(v);
            }
        };
    }

    /** The key/value pairs of a map, row or record, in their order. */
    static List<Map.Entry<?, ?>> entries(Object v) {
        List<Map.Entry<?, ?>> out = new ArrayList<>();
        if (v instanceof Map<?, ?> m) {
            out.addAll(m.entrySet());
        } else if (v instanceof Row r) {
            List<String> names = r.schema().names();
            for (int i = 0; i < names.size(); i++) {
                out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(names.get(i), r.get(i)));
            }
        } else {
            Map<String, Method> accessors = RecordAccessors.of(v.getClass());
            if (accessors != null) {
                for (Map.Entry<String, Method> e : accessors.entrySet()) {
                    out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(
                            e.getKey(), invoke(e.getValue(), v, e.getKey(), -1)));
                }
            }
        }
        return out;
    }

    /** How a value's type reads in a message: {@code string}, {@code integer}, {@code list}, ... */
    static String typeName(@Nullable Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (isIntegral(v)) {
            return "integer";
        }
        if (v instanceof Number) {
            return "float";
        }
        if (isListLike(v)) {
            return "list";
        }
        if (v instanceof Map<?, ?>) {
            return "mapping";
        }
        if (v instanceof Row) {
            return "struct";
        }
        if (v.getClass().isRecord()) {
            return "record " + v.getClass().getSimpleName();
        }
        if (v instanceof LoopContext) {
            return "loop";
        }
        return v.getClass().getSimpleName();
    }

    /** {@code "a string"}, {@code "an integer"}. */
    static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** A value for an error message: its type and a short repr, e.g. {@code the integer 3}. */
    static String describe(@Nullable Object v) {
        if (v == null) {
            return "none";
        }
        String r = repr(v);
        if (r.length() > PREVIEW) {
            r = r.substring(0, PREVIEW) + "...";
        }
        return "the " + typeName(v) + " " + r;
    }

    // ---------------------------------------------------------------- comparison

    /** Python's {@code ==}: numbers by value across types, lists and mappings element by element. */
    static boolean equal(@Nullable Object a, @Nullable Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumeric(a) && isNumeric(b)) {
            if (isIntegralOrBool(a) && isIntegralOrBool(b)) {
                return toBigInteger(a).equals(toBigInteger(b));
            }
            return toDouble(a) == toDouble(b);
        }
        if (a instanceof String || b instanceof String) {
            return a.equals(b);
        }
        if (isListLike(a) && isListLike(b)) {
            List<?> x = asList(a);
            List<?> y = asList(b);
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean isIntegralOrBool(Object v) {
        return isIntegral(v) || v instanceof Boolean;
    }

    private static BigInteger toBigInteger(Object v) {
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return BigInteger.valueOf(((Number) v).longValue());
    }

    static double toDouble(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof Float f) {
            return floatToDouble(f);
        }
        return ((Number) v).doubleValue();
    }

    /**
     * Python's ordering comparisons ({@code <}, {@code <=}, {@code >}, {@code >=}): numbers by value,
     * strings by character, lists element by element, other values of one comparable type by their
     * natural order. Anything else is an error, as in Python.
     */
    static boolean order(@Nullable Object a, @Nullable Object b, String op, Described where, int pos) {
        int c;
        if (isNumeric(a) && isNumeric(b)) {
            if (isIntegralOrBool(a) && isIntegralOrBool(b)) {
                c = toBigInteger(a).compareTo(toBigInteger(b));
            } else {
                double x = toDouble(a);
                double y = toDouble(b);
                switch (op) {
                    case "<":
                        return x < y;
                    case "<=":
                        return x <= y;
                    case ">":
                        return x > y;
                    default:
                        return x >= y;
                }
            }
        } else if (a instanceof String x && b instanceof String y) {
            c = x.compareTo(y);
        } else if (isListLike(a) && isListLike(b)) {
            List<?> x = asList(a);
            List<?> y = asList(b);
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return order(x.get(i), y.get(i), op, where, pos);
                }
            }
            c = Integer.compare(x.size(), y.size());
        } else if (a instanceof Comparable<?> && b != null && a.getClass() == b.getClass()) {
            @SuppressWarnings("unchecked")
            Comparable<Object> x = (Comparable<Object>) a;
            c = x.compareTo(b);
        } else {
            throw new RenderException(
                    pos,
                    "Cannot compare " + describe(a) + " with " + describe(b) + " using '" + op + "' in '"
                            + where.describe()
                            + "'; compare values of one type (numbers with numbers, strings with strings)");
        }
        switch (op) {
            case "<":
                return c < 0;
            case "<=":
                return c <= 0;
            case ">":
                return c > 0;
            default:
                return c >= 0;
        }
    }

    /** Python's {@code item in container}. */
    static boolean contains(@Nullable Object container, @Nullable Object item, Described where, int pos) {
        if (container instanceof String s) {
            if (!(item instanceof String sub)) {
                throw new RenderException(
                        pos,
                        "'in' with a string on the right needs a string on the left, got " + describe(item) + " in '"
                                + where.describe() + "'");
            }
            return s.contains(sub);
        }
        if (isListLike(container)) {
            for (Object x : asList(container)) {
                if (equal(x, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> m) {
            if (m.containsKey(item)) {
                return true;
            }
            for (Object k : m.keySet()) {
                if (equal(k, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Row r) {
            return item instanceof String name && r.schema().indexOf(name) >= 0;
        }
        throw new RenderException(
                pos,
                "'in' needs a string, list or mapping on the right, got " + describe(container) + " in '"
                        + where.describe() + "'");
    }

    // ---------------------------------------------------------------- access

    /**
     * {@code target.name} as Jinja resolves it: a map's key, a row's field, a record's component, a
     * {@code loop} attribute; otherwise an {@link Undefined} explaining what exists.
     */
    static Object attribute(@Nullable Object target, String name, Described where, int pos) {
        if (target instanceof Map<?, ?> m) {
            Object v = m.get(name);
            if (v != null || m.containsKey(name)) {
                return v;
            }
            return missingAttribute(where.describe(), name, "the mapping has no key '" + name + "'", keys(m), pos);
        }
        if (target instanceof Row r) {
            int i = r.schema().indexOf(name);
            if (i >= 0) {
                return r.get(i);
            }
            return missingAttribute(
                    where.describe(),
                    name,
                    "the struct has no field '" + name + "'",
                    r.schema().names(),
                    pos);
        }
        if (target instanceof LoopContext loop) {
            Object v = loop.attribute(name);
            if (v != Context.MISSING) {
                return v;
            }
            if (name.equals("previtem") || name.equals("nextitem")) {
                return new Undefined(
                        "'" + where.describe() + "." + name + "' is undefined: there is no "
                                + (name.equals("previtem") ? "previous item on the first" : "next item on the last")
                                + " iteration; test it with 'is defined' first",
                        pos);
            }
            return missingAttribute(
                    where.describe(), name, "a loop has no attribute '" + name + "'", LoopContext.ATTRIBUTES, pos);
        }
        if (target != null) {
            Map<String, Method> accessors = RecordAccessors.of(target.getClass());
            if (accessors != null) {
                Method accessor = accessors.get(name);
                if (accessor != null) {
                    return invoke(accessor, target, name, pos);
                }
                return missingAttribute(
                        where.describe(),
                        name,
                        "record " + target.getClass().getSimpleName() + " has no component '" + name + "'",
                        List.copyOf(accessors.keySet()),
                        pos);
            }
        }
        String what = target == null
                ? "'" + where.describe() + "' is none, so it has no attribute '" + name + "'; guard it with '{% if "
                        + where.describe() + " %}'"
                : "'" + where.describe() + "' is " + withArticle(typeName(target)) + ", which has no attribute '" + name
                        + "'";
        return new Undefined("'" + where.describe() + "." + name + "' is undefined: " + what, pos);
    }

    private static Undefined missingAttribute(
            String targetText, String name, String reason, Collection<String> available, int pos) {
        return new Undefined(
                "'" + targetText + "." + name + "' is undefined: " + reason + ". Available: "
                        + (available.isEmpty() ? "(none)" : String.join(", ", available)) + "."
                        + Suggestions.didYouMean(name, available),
                pos);
    }

    private static List<String> keys(Map<?, ?> m) {
        List<String> keys = new ArrayList<>(m.size());
        for (Object k : m.keySet()) {
            keys.add(String.valueOf(k));
        }
        return keys;
    }

    private static @Nullable Object invoke(Method accessor, Object target, String name, int pos) {
        try {
            Object v = accessor.invoke(target);
            // an Optional component reads as its value, or none when empty
            return v instanceof Optional<?> o ? o.orElse(null) : v;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RenderException(
                    pos,
                    "Reading component '" + name + "' of record "
                            + target.getClass().getSimpleName() + " failed: " + cause,
                    cause);
        } catch (IllegalAccessException e) {
            throw new RenderException(
                    pos,
                    "Cannot read component '" + name + "' of record "
                            + target.getClass().getName()
                            + ": the record is not accessible; make it public or pass its values in a map",
                    e);
        }
    }

    /**
     * {@code target[key]} as Jinja resolves it: list and string positions (negative from the end),
     * mapping keys, row fields; a string key falls back to {@link #attribute}. Out of range or absent
     * gives an {@link Undefined}.
     */
    static Object item(@Nullable Object target, @Nullable Object key, Described where, int pos) {
        if (isIntegral(key) && !(key instanceof BigInteger) && (isListLike(target) || target instanceof String)) {
            long index = ((Number) key).longValue();
            int size = target instanceof String s
                    ? s.codePointCount(0, s.length())
                    : asList(target).size();
            long i = index < 0 ? index + size : index;
            if (i < 0 || i >= size) {
                return new Undefined(
                        "'" + itemText(where, key) + "' is undefined: index " + index + " is out of range for "
                                + withArticle(typeName(target)) + " of length " + size,
                        pos);
            }
            if (target instanceof String s) {
                int from = s.offsetByCodePoints(0, (int) i);
                return s.substring(from, s.offsetByCodePoints(from, 1));
            }
            return asList(target).get((int) i);
        }
        if (target instanceof Map<?, ?> m) {
            Object v = m.get(key);
            if (v != null || m.containsKey(key)) {
                return v;
            }
            if (key instanceof String name) {
                return missingAttribute(where.describe(), name, "the mapping has no key '" + name + "'", keys(m), pos);
            }
            return new Undefined(
                    "'" + itemText(where, key) + "' is undefined: the mapping has no key " + repr(key), pos);
        }
        if (key instanceof String name) {
            Object v = attribute(target, name, where, pos);
            if (v instanceof Undefined) {
                return new Undefined(
                        ((Undefined) v).message().replace(where.describe() + "." + name, itemText(where, key)), pos);
            }
            return v;
        }
        return new Undefined(
                "'" + itemText(where, key) + "' is undefined: " + withArticle(typeName(target))
                        + " cannot be indexed by " + describe(key),
                pos);
    }

    private static String itemText(Described where, @Nullable Object key) {
        return where.describe() + "[" + repr(key) + "]";
    }

    /** The items {@code {% for %}} visits: a list's elements, a mapping's keys, a string's characters. */
    static List<?> iterate(@Nullable Object v, Described where, int pos) {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof Collection<?> || (v != null && v.getClass().isArray())) {
            return asList(v);
        }
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (v instanceof Row r) {
            return r.schema().names();
        }
        if (v instanceof String s) {
            List<String> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (v instanceof Iterable<?> it) {
            List<Object> list = new ArrayList<>();
            for (Iterator<?> i = it.iterator(); i.hasNext(); ) {
                list.add(i.next());
            }
            return list;
        }
        if (v == null) {
            throw new RenderException(
                    pos,
                    "Cannot loop over '" + where.describe() + "': it is none; guard the loop with '{% if "
                            + where.describe() + " %}'");
        }
        throw new RenderException(
                pos,
                "Cannot loop over '" + where.describe() + "': it is " + describe(v)
                        + ", not a list, string or mapping");
    }

    /** Python's {@code len(v)}: characters of a string, items of a list, keys of a mapping. */
    static long length(@Nullable Object v, Described where, int pos) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof Row r) {
            return r.size();
        }
        if (v != null && v.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(v);
        }
        if (v != null && v.getClass().isRecord()) {
            return RecordAccessors.of(v.getClass()).size();
        }
        throw new RenderException(
                pos,
                "Cannot take the length of '" + where.describe() + "': it is " + describe(v)
                        + ", not a string, list or mapping");
    }
}
