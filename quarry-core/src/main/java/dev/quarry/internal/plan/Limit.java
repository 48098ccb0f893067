package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.List;

/**
 * Keeps the first {@code limit} rows.
 *
 * @param child the input
 * @param limit the row count, at least 0
 */
public record Limit(LogicalPlan child, long limit) implements LogicalPlan {
    /** Validates. */
    public Limit {
        requireNonNull(child, "child is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
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
        Plans.checkArity(children, 1, "Limit");
        return new Limit(children.get(0), limit);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitLimit(this);
    }

    @Override
    public String details() {
        return Long.toString(limit);
    }
}
