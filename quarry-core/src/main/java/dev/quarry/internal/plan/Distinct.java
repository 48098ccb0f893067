package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.List;

/**
 * Removes duplicate rows (nulls compare equal).
 *
 * @param child the input
 */
public record Distinct(LogicalPlan child) implements LogicalPlan {
    /** Validates. */
    public Distinct {
        requireNonNull(child, "child is null");
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
        Plans.checkArity(children, 1, "Distinct");
        return new Distinct(children.get(0));
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitDistinct(this);
    }

    @Override
    public String details() {
        return "";
    }
}
