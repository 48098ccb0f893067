package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.List;

/**
 * Marks a sub-plan whose result the backend computes once per session and reuses; the optimizer
 * does not move operators across it.
 *
 * @param child the cached plan
 */
public record Cache(LogicalPlan child) implements LogicalPlan {
    /** Validates. */
    public Cache {
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
        Plans.checkArity(children, 1, "Cache");
        return new Cache(children.get(0));
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitCache(this);
    }

    @Override
    public String details() {
        return "";
    }
}
