package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.expr.SortKey;
import dev.quarry.types.Schema;
import java.util.List;

/**
 * Orders the rows by the keys, first key first. The sort is stable with respect to nothing: rows
 * with equal keys come in any order.
 *
 * @param child the input
 * @param keys the sort keys, at least one
 */
public record Sort(LogicalPlan child, List<SortKey> keys) implements LogicalPlan {
    /** Validates and copies. */
    public Sort {
        requireNonNull(child, "child is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("orderBy needs at least one key");
        }
        for (SortKey k : keys) {
            Plans.checkResolved(k, "Sort");
        }
    }

    @Override
    public Schema schema() {
        return child.schema();
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 1, "Sort");
        return new Sort(children.get(0), keys);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSort(this);
    }

    @Override
    public String details() {
        return keys.toString();
    }
}
