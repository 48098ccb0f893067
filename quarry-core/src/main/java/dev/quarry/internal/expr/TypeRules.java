package dev.quarry.internal.expr;

import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;

/** Type promotion shared by the analyzer and the expression records. */
public final class TypeRules {
    private TypeRules() {}

    /**
     * The common numeric type of two numeric types: int &lt; bigint &lt; float &lt; double.
     *
     * @return the wider type, or null when one is not numeric
     */
    public static DataType widerNumeric(DataType a, DataType b) {
        if (!a.isNumeric() || !b.isNumeric()) {
            return null;
        }
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(DataType t) {
        if (t == ScalarType.INTEGER) {
            return 0;
        }
        if (t == ScalarType.LONG) {
            return 1;
        }
        if (t == ScalarType.FLOAT) {
            return 2;
        }
        return 3;
    }

    /**
     * A type both sides can be compared or unioned as, or null when there is none: equal types,
     * numeric widening, text types with each other (as string), date with timestamp (as timestamp).
     */
    public static DataType commonType(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        DataType numeric = widerNumeric(a, b);
        if (numeric != null) {
            return numeric;
        }
        if (a.isTextual() && b.isTextual()) {
            return ScalarType.STRING;
        }
        if ((a == ScalarType.DATE && b == ScalarType.TIMESTAMP)
                || (a == ScalarType.TIMESTAMP && b == ScalarType.DATE)) {
            return ScalarType.TIMESTAMP;
        }
        return null;
    }
}
