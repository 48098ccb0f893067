package dev.quarry.internal.analyzer;

import dev.quarry.QuarryException;
import dev.quarry.internal.expr.Cast;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.expr.TypeRules;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.StructType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Implicit casts: numeric widening, text to string, date to timestamp, typed nulls. */
public final class Coercion {
    private Coercion() {}

    /**
     * The common type of expressions (ignoring null literals, which adapt), or null when there is
     * none. A string literal meeting a date or timestamp takes the date/timestamp type.
     */
    static DataType commonType(List<Expression> exprs) {
        DataType common = null;
        boolean allNull = true;
        for (Expression e : exprs) {
            if (Literals.isNullLiteral(e)) {
                continue;
            }
            allNull = false;
            DataType t = e.type();
            if (common == null) {
                common = t;
                continue;
            }
            DataType c = TypeRules.commonType(common, t);
            if (c == null && isTemporal(common) && e instanceof Literal && t.isTextual()) {
                c = common;
            } else if (c == null && isTemporal(t) && common.isTextual() && allStringLiteralsBesides(exprs, e)) {
                c = t;
            }
            if (c == null) {
                return null;
            }
            common = c;
        }
        return allNull ? exprs.get(0).type() : common;
    }

    private static boolean allStringLiteralsBesides(List<Expression> exprs, Expression except) {
        for (Expression e : exprs) {
            if (e != except && !Literals.isNullLiteral(e) && e.type().isTextual() && !(e instanceof Literal)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTemporal(DataType t) {
        return t == ScalarType.DATE || t == ScalarType.TIMESTAMP;
    }

    /**
     * Casts every expression to the common type.
     *
     * @param exprs resolved expressions
     * @param error the error when there is no common type
     * @return the expressions, cast where needed
     */
    static List<Expression> unify(List<Expression> exprs, Supplier<QuarryException> error) {
        DataType common = commonType(exprs);
        if (common == null) {
            throw error.get();
        }
        List<Expression> out = new ArrayList<>(exprs.size());
        for (Expression e : exprs) {
            out.add(coerceTo(e, common, error));
        }
        return out;
    }

    /**
     * The expression as the target type: itself, a retyped null literal, or an implicit cast.
     *
     * @param e a resolved expression
     * @param target the wanted type
     * @param error the error when no implicit cast exists
     * @return the expression of the target type
     */
    public static Expression coerceTo(Expression e, DataType target, Supplier<QuarryException> error) {
        if (e.type().equals(target)) {
            return e;
        }
        if (Literals.isNullLiteral(e)) {
            return Literals.nullOf(target);
        }
        DataType common = TypeRules.commonType(e.type(), target);
        if (target.equals(common)) {
            return e instanceof Literal l ? fold(l, target) : new Cast(e, target, false);
        }
        if (isTemporal(target) && e instanceof Literal l && e.type().isTextual()) {
            return parseTemporal(l, target);
        }
        throw error.get();
    }

    /** A literal widened to a numeric (or text) type, converted now rather than cast at run time. */
    private static Expression fold(Literal l, DataType target) {
        Object v = l.value();
        if (v instanceof Number n) {
            if (target == ScalarType.LONG) {
                return new Literal(n.longValue(), target);
            }
            if (target == ScalarType.FLOAT) {
                return new Literal(n.floatValue(), target);
            }
            if (target == ScalarType.DOUBLE) {
                return new Literal(n instanceof Float f ? Double.parseDouble(f.toString()) : n.doubleValue(), target);
            }
        }
        if (v instanceof String && target.isTextual()) {
            return new Literal(v, target);
        }
        if (v instanceof LocalDate d && target == ScalarType.TIMESTAMP) {
            return new Literal(d.atStartOfDay(), target);
        }
        return new Cast(l, target, false);
    }

    /** A text literal compared with a date or timestamp, parsed now so a typo fails at once. */
    private static Expression parseTemporal(Literal l, DataType target) {
        String text = ((String) l.value()).trim();
        try {
            if (target == ScalarType.DATE) {
                return new Literal(LocalDate.parse(text), target);
            }
            if (text.length() == 10) {
                return new Literal(LocalDate.parse(text).atStartOfDay(), target);
            }
            return new Literal(LocalDateTime.parse(text.replace(' ', 'T')), target);
        } catch (DateTimeParseException e) {
            throw Errors.typeMismatch("'" + text + "' is compared with a " + target.simpleString() + " but is not one;"
                    + " write it as " + (target == ScalarType.DATE ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss")
                    + " or pass a " + (target == ScalarType.DATE ? "LocalDate" : "LocalDateTime"));
        }
    }

    /**
     * Whether an explicit {@code cast} from one type to another is allowed.
     *
     * @param from the source type
     * @param to the target type
     * @return true when the backend can convert (values may still fail at run time)
     */
    public static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || to == ScalarType.STRING || to.isTextual()) {
            return !(from instanceof EmbeddingType) || to == ScalarType.STRING;
        }
        if (from instanceof ScalarType && to instanceof ScalarType) {
            if (from == ScalarType.BOOLEAN) {
                return to.isNumeric();
            }
            if (to == ScalarType.BOOLEAN) {
                return from.isNumeric() || from.isTextual();
            }
            if (isTemporal(to)) {
                return isTemporal(from) || from.isTextual();
            }
            if (to.isNumeric()) {
                return from.isNumeric() || from.isTextual();
            }
            return false;
        }
        if (from.isTextual() && to instanceof ScalarType) {
            return true;
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return canCast(a.elementType(), b.elementType());
        }
        if (from instanceof StructType a && to instanceof StructType b) {
            if (a.fields().size() != b.fields().size()) {
                return false;
            }
            for (int i = 0; i < a.fields().size(); i++) {
                if (!canCast(a.fields().get(i).type(), b.fields().get(i).type())) {
                    return false;
                }
            }
            return true;
        }
        if (to instanceof EmbeddingType) {
            return from instanceof ArrayType a && a.elementType().isNumeric();
        }
        return false;
    }
}
