package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.expr.Expression;
import dev.quarry.types.Schema;
import java.util.List;

/**
 * Groups the input by {@code groupBy} and computes one row per group. Each output is a resolved,
 * named expression that is either a grouping key or built from aggregate calls (and grouping keys).
 * With no grouping keys the whole input is one group (one output row, even for empty input).
 *
 * @param child the input
 * @param groupBy the grouping expressions
 * @param outputs the output columns, in order
 * @param schema computed from the outputs
 */
public record Aggregate(LogicalPlan child, List<Expression> groupBy, List<Expression> outputs, Schema schema)
        implements LogicalPlan {
    /** Validates, copies and computes the schema. */
    public Aggregate {
        requireNonNull(child, "child is null");
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        Plans.checkResolved(groupBy, "Aggregate");
        Plans.checkResolved(outputs, "Aggregate");
        schema = Plans.schemaOf(outputs);
    }

    /** An aggregate whose schema is computed. */
    public Aggregate(LogicalPlan child, List<Expression> groupBy, List<Expression> outputs) {
        this(child, groupBy, outputs, null);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 1, "Aggregate");
        return new Aggregate(children.get(0), groupBy, outputs);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitAggregate(this);
    }

    @Override
    public String details() {
        return "by " + groupBy + " " + outputs;
    }
}
