package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.util.List;

/**
 * A binary operator. Comparisons and logical operators give {@code boolean}; {@code +}, {@code -},
 * {@code *} and {@code %} give the wider numeric type of their operands; {@code /} always gives
 * {@code double} (as in Spark).
 *
 * @param op the operator
 * @param left the left operand
 * @param right the right operand
 */
public record BinaryOp(Operator op, Expression left, Expression right) implements Expression {
    /** The binary operators. */
    public enum Operator {
        EQ("="),
        NEQ("!="),
        LT("<"),
        LEQ("<="),
        GT(">"),
        GEQ(">="),
        AND("AND"),
        OR("OR"),
        PLUS("+"),
        MINUS("-"),
        MULTIPLY("*"),
        DIVIDE("/"),
        MODULO("%");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in SQL. */
        public String symbol() {
            return symbol;
        }

        /** Whether this is one of =, !=, &lt;, &lt;=, &gt;, &gt;=. */
        public boolean isComparison() {
            return ordinal() <= GEQ.ordinal();
        }

        /** Whether this is AND or OR. */
        public boolean isLogical() {
            return this == AND || this == OR;
        }

        /** Whether this is an arithmetic operator. */
        public boolean isArithmetic() {
            return ordinal() >= PLUS.ordinal();
        }
    }

    /** Validates the operands. */
    public BinaryOp {
        requireNonNull(op, "op is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    @Override
    public DataType type() {
        if (op.isComparison() || op.isLogical()) {
            return ScalarType.BOOLEAN;
        }
        if (op == Operator.DIVIDE) {
            return ScalarType.DOUBLE;
        }
        DataType wider = TypeRules.widerNumeric(left.type(), right.type());
        return wider == null ? left.type() : wider;
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable() || op == Operator.DIVIDE || op == Operator.MODULO;
    }

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 2, "BinaryOp");
        return new BinaryOp(op, children.get(0), children.get(1));
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitBinaryOp(this);
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
