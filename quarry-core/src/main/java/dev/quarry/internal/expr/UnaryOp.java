package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.util.List;

/**
 * A unary operator: logical NOT, numeric negation, IS NULL, IS NOT NULL.
 *
 * @param op the operator
 * @param child the operand
 */
public record UnaryOp(Operator op, Expression child) implements Expression {
    /** The unary operators. */
    public enum Operator {
        NOT,
        NEGATE,
        IS_NULL,
        IS_NOT_NULL
    }

    /** Validates the operand. */
    public UnaryOp {
        requireNonNull(op, "op is null");
        requireNonNull(child, "child is null");
    }

    @Override
    public DataType type() {
        return op == Operator.NEGATE ? child.type() : ScalarType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return (op == Operator.NOT || op == Operator.NEGATE) && child.nullable();
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 1, "UnaryOp");
        return new UnaryOp(op, children.get(0));
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitUnaryOp(this);
    }

    @Override
    public String toString() {
        return switch (op) {
            case NOT -> "(NOT " + child + ")";
            case NEGATE -> "(-" + child + ")";
            case IS_NULL -> "(" + child + " IS NULL)";
            case IS_NOT_NULL -> "(" + child + " IS NOT NULL)";
        };
    }
}
