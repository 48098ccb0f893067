package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * A resolved reference to a column of the input of the plan node that holds it. In a join condition
 * {@code side} says which input ({@link Side#LEFT} or {@link Side#RIGHT}); everywhere else it is
 * {@link Side#NONE}.
 *
 * @param name the column name, exactly as in the input schema
 * @param type the column type
 * @param nullable whether the column may be null
 * @param side which join input, or NONE
 */
public record ColumnRef(String name, DataType type, boolean nullable, Side side) implements Expression {
    /** Which input of a join a column comes from. */
    public enum Side {
        NONE,
        LEFT,
        RIGHT
    }

    /** Validates the reference. */
    public ColumnRef {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(side, "side is null");
    }

    /** A reference outside a join condition. */
    public ColumnRef(String name, DataType type, boolean nullable) {
        this(name, type, nullable, Side.NONE);
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 0, "ColumnRef");
        return this;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitColumnRef(this);
    }

    @Override
    public String outputName() {
        return name;
    }

    @Override
    public String toString() {
        return switch (side) {
            case NONE -> name;
            case LEFT -> "left." + name;
            case RIGHT -> "right." + name;
        };
    }
}
