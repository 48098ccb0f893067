package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * Converts a value to another type. A value that cannot be converted (the text {@code "abc"} to
 * {@code bigint}) fails the query with a message naming the value, unless {@code lenient}, in which
 * case it becomes null.
 *
 * @param child the converted value
 * @param target the target type
 * @param lenient null on failure instead of an error
 */
public record Cast(Expression child, DataType target, boolean lenient) implements Expression {
    /** Validates the operands. */
    public Cast {
        requireNonNull(child, "child is null");
        requireNonNull(target, "target is null");
    }

    @Override
    public DataType type() {
        return target;
    }

    @Override
    public boolean nullable() {
        return child.nullable() || lenient;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 1, "Cast");
        return new Cast(children.get(0), target, lenient);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitCast(this);
    }

    @Override
    public String outputName() {
        return child.outputName();
    }

    @Override
    public String toString() {
        return "CAST(" + child + " AS " + target.simpleString() + ")";
    }
}
