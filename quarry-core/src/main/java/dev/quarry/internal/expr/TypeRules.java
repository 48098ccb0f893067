package dev.quarry.internal.expr;

import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.List;

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
     * numeric widening, text types with each other (as string), date with timestamp (as timestamp),
     * arrays of element types that have one, structs with the same field names whose field types
     * have one (a field nullable on either side is nullable).
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
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            DataType element = commonType(x.elementType(), y.elementType());
            return element == null ? null : new ArrayType(element);
        }
        if (a instanceof StructType x
                && b instanceof StructType y
                && x.fields().size() == y.fields().size()) {
            List<StructField> fields = new ArrayList<>();
            for (int i = 0; i < x.fields().size(); i++) {
                StructField f = x.fields().get(i);
                StructField g = y.fields().get(i);
                DataType t = f.name().equalsIgnoreCase(g.name()) ? commonType(f.type(), g.type()) : null;
                if (t == null) {
                    return null;
                }
                fields.add(new StructField(f.name(), t, f.nullable() || g.nullable()));
            }
            return new StructType(fields);
        }
        return null;
    }
}
