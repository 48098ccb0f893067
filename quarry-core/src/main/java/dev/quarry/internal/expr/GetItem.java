package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import java.util.List;

/**
 * An element of an array (or embedding) by 0-based position, as in Spark's {@code getItem}; an
 * index out of range gives null.
 *
 * @param child an array-typed expression
 * @param index an integral expression, 0-based
 */
public record GetItem(Expression child, Expression index) implements Expression {
    /** Validates the operands. */
    public GetItem {
        requireNonNull(child, "child is null");
        requireNonNull(index, "index is null");
    }

    @Override
    public DataType type() {
        if (child.type() instanceof ArrayType array) {
            return array.elementType();
        }
        if (child.type() instanceof EmbeddingType) {
            return ScalarType.FLOAT;
        }
        throw new IllegalStateException("getItem on non-array " + child.type());
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<Expression> children() {
        return List.of(child, index);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 2, "GetItem");
        return new GetItem(children.get(0), children.get(1));
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitGetItem(this);
    }

    @Override
    public String toString() {
        return child + "[" + index + "]";
    }
}
