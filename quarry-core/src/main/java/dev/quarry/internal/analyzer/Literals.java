package dev.quarry.internal.analyzer;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.Literal;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Java values as literals. A {@code null} becomes an <em>untyped null</em>: a null literal typed
 * {@code string} that the analyzer retypes to whatever its context needs ({@code coalesce(col("n"), lit(null))}
 * takes the type of {@code n}).
 */
public final class Literals {
    private Literals() {}

    /**
     * The literal for a Java value.
     *
     * <pre>{@code Literals.of(3) // Literal(3, int)}</pre>
     *
     * @param value a String, number, Boolean, LocalDate, LocalDateTime, enum constant, Character, or null
     * @return the literal
     * @throws QuarryException INVALID_ARGUMENT for other Java types
     */
    public static Literal of(Object value) {
        if (value == null) {
            return untypedNull();
        }
        if (value instanceof String s) {
            return new Literal(s, ScalarType.STRING);
        }
        if (value instanceof Integer i) {
            return new Literal(i, ScalarType.INTEGER);
        }
        if (value instanceof Short || value instanceof Byte) {
            return new Literal(((Number) value).intValue(), ScalarType.INTEGER);
        }
        if (value instanceof Long l) {
            return new Literal(l, ScalarType.LONG);
        }
        if (value instanceof Double d) {
            return new Literal(d, ScalarType.DOUBLE);
        }
        if (value instanceof Float f) {
            return new Literal(f, ScalarType.FLOAT);
        }
        if (value instanceof BigDecimal b) {
            return new Literal(b.doubleValue(), ScalarType.DOUBLE);
        }
        if (value instanceof BigInteger b) {
            return new Literal(b.longValueExact(), ScalarType.LONG);
        }
        if (value instanceof Boolean b) {
            return new Literal(b, ScalarType.BOOLEAN);
        }
        if (value instanceof LocalDate d) {
            return new Literal(d, ScalarType.DATE);
        }
        if (value instanceof LocalDateTime t) {
            return new Literal(t, ScalarType.TIMESTAMP);
        }
        if (value instanceof Character c) {
            return new Literal(c.toString(), ScalarType.STRING);
        }
        if (value instanceof Enum<?> e) {
            return new Literal(e.name(), ScalarType.STRING);
        }
        throw new QuarryException(
                ErrorCode.INVALID_ARGUMENT,
                "Cannot use a " + value.getClass().getName() + " as a literal (value: " + value
                        + "). Literals are strings, numbers, booleans, LocalDate, LocalDateTime or enum constants;"
                        + " for a list of candidates use isin(...)");
    }

    /**
     * A typed null.
     *
     * <pre>{@code Literals.nullOf(DataTypes.LONG)}</pre>
     *
     * @param type the type
     * @return the null literal
     */
    public static Literal nullOf(DataType type) {
        return new Literal(null, type);
    }

    /** The untyped null, see the class comment. */
    static Literal untypedNull() {
        return new Literal(null, ScalarType.STRING);
    }

    /** Whether the expression is a null literal, which adapts to its context's type. */
    static boolean isNullLiteral(Object e) {
        return e instanceof Literal l && l.value() == null;
    }
}
