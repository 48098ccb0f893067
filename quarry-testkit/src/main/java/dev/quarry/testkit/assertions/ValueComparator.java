package dev.quarry.testkit.assertions;

import dev.quarry.Row;
import java.util.List;

/**
 * Compares an expected value with an actual one. Exact by default: the Java types must be the
 * same ({@code 1L} does not equal {@code 1}) and floating-point values must be identical. Structs,
 * arrays and embeddings compare element by element. Two documented relaxations exist: ignoring the
 * integer width (Integer and Long of equal value match) and a tolerance (Float and Double values
 * match within an absolute difference).
 */
final class ValueComparator {
    static final ValueComparator EXACT = new ValueComparator(false, 0, false);

    /** Compares any number with any number by value: used only to explain a mismatch. */
    private static final ValueComparator NUMBERS_BY_VALUE = new ValueComparator(true, 0, true);

    private final boolean ignoreIntegerWidth;
    private final double tolerance;
    private final boolean numbersByValue;

    private ValueComparator(boolean ignoreIntegerWidth, double tolerance, boolean numbersByValue) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, was " + tolerance);
        }
        this.ignoreIntegerWidth = ignoreIntegerWidth;
        this.tolerance = tolerance;
        this.numbersByValue = numbersByValue;
    }

    ValueComparator withIgnoredIntegerWidth() {
        return new ValueComparator(true, tolerance, false);
    }

    ValueComparator withTolerance(double tolerance) {
        return new ValueComparator(ignoreIntegerWidth, tolerance, false);
    }

    boolean ignoresIntegerWidth() {
        return ignoreIntegerWidth;
    }

    double tolerance() {
        return tolerance;
    }

    boolean rowMatches(ExpectedRow expected, Row actual) {
        return valuesMatch(expected.values(), actual.values());
    }

    boolean valueMatches(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (expected instanceof ExpectedRow e) {
            return actual instanceof Row a && valuesMatch(e.values(), a.values());
        }
        if (expected instanceof Row e) {
            return actual instanceof Row a
                    && e.schema().names().equals(a.schema().names())
                    && valuesMatch(e.values(), a.values());
        }
        if (expected instanceof List<?> e) {
            return actual instanceof List<?> a && valuesMatch(e, a);
        }
        if (expected instanceof float[] e) {
            if (!(actual instanceof float[] a) || e.length != a.length) {
                return false;
            }
            for (int i = 0; i < e.length; i++) {
                if (!floatingMatches(e[i], a[i])) {
                    return false;
                }
            }
            return true;
        }
        if (numbersByValue && expected instanceof Number e && actual instanceof Number a) {
            return Double.compare(e.doubleValue(), a.doubleValue()) == 0;
        }
        if (expected instanceof Double || expected instanceof Float) {
            return expected.getClass() == actual.getClass()
                    && floatingMatches(((Number) expected).doubleValue(), ((Number) actual).doubleValue());
        }
        if (ignoreIntegerWidth && isIntegral(expected) && isIntegral(actual)) {
            return ((Number) expected).longValue() == ((Number) actual).longValue();
        }
        return expected.getClass() == actual.getClass() && expected.equals(actual);
    }

    private boolean valuesMatch(List<?> expected, List<?> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!valueMatches(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean floatingMatches(double expected, double actual) {
        if (Double.compare(expected, actual) == 0) {
            return true;
        }
        return tolerance > 0 && Math.abs(expected - actual) <= tolerance;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    /**
     * When an expected row and an actual row hold the same numbers but in different Java types,
     * says where: {@code column 'id': expected Long 2L but was Integer 2}; otherwise null.
     */
    static String numericTypeHint(ExpectedRow expected, Row actual) {
        if (expected.size() != actual.size() || !NUMBERS_BY_VALUE.rowMatches(expected, actual)) {
            return null;
        }
        List<String> names = actual.schema().names();
        for (int i = 0; i < expected.size(); i++) {
            Object e = expected.values().get(i);
            Object a = actual.values().get(i);
            if (!EXACT.valueMatches(e, a)) {
                return "column '" + names.get(i) + "': expected " + ValueFormatter.describe(e) + " but was "
                        + ValueFormatter.describe(a);
            }
        }
        return null;
    }
}
