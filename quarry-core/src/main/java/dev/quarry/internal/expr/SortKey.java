package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * An ordering for {@code orderBy}: {@code col("x").desc()}. Nulls sort first in ascending order and
 * last in descending order unless said otherwise (as in Spark).
 *
 * @param child the sorted value
 * @param ascending ascending or descending
 * @param nullsFirst nulls before non-null values
 */
public record SortKey(Expression child, boolean ascending, boolean nullsFirst) implements Expression {
    /** Validates the operand. */
    public SortKey {
        requireNonNull(child, "child is null");
        if (child instanceof SortKey) {
            throw new IllegalArgumentException("a sort key cannot be sorted again: " + child);
        }
    }

    /** Spark's default null ordering for a direction. */
    public static SortKey of(Expression child, boolean ascending) {
        return new SortKey(child, ascending, ascending);
    }

    @Override
    public DataType type() {
        return child.type();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 1, "SortKey");
        return new SortKey(children.get(0), ascending, nullsFirst);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitSortKey(this);
    }

    @Override
    public String outputName() {
        return child.outputName();
    }

    @Override
    public String toString() {
        return child + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
