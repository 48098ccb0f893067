package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * A constant. {@code value} is in the Java representation of {@code type} (see {@link dev.quarry.Row});
 * a null value is a typed null. Literals are always bound as parameters or escaped by the backend,
 * never pasted into SQL as they are.
 *
 * @param value the value, or null
 * @param type its type
 */
public record Literal(Object value, DataType type) implements Expression {
    /** Validates the type. */
    public Literal {
        requireNonNull(type, "type is null");
    }

    @Override
    public boolean nullable() {
        return value == null;
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 0, "Literal");
        return this;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitLiteral(this);
    }

    @Override
    public String toString() {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        return String.valueOf(value);
    }
}
