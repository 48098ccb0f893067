package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.expr.Expression;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import java.util.List;

/**
 * Keeps the rows for which a boolean condition is true (null counts as false).
 *
 * @param child the input
 * @param condition a resolved boolean expression over the input's columns
 */
public record Filter(LogicalPlan child, Expression condition) implements LogicalPlan {
    /** Validates. */
    public Filter {
        requireNonNull(child, "child is null");
        requireNonNull(condition, "condition is null");
        Plans.checkResolved(condition, "Filter");
        if (condition.type() != ScalarType.BOOLEAN) {
            throw new IllegalArgumentException(
                    "filter condition is " + condition.type() + ", not boolean: " + condition);
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
        Plans.checkArity(children, 1, "Filter");
        return new Filter(children.get(0), condition);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitFilter(this);
    }

    @Override
    public String details() {
        return condition.toString();
    }
}
