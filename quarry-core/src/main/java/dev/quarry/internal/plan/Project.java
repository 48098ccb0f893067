package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.expr.Expression;
import dev.quarry.types.Schema;
import java.util.List;

/**
 * Computes the output columns from the input: each projection is a resolved, named expression
 * (a column reference or an alias); none contains an aggregate.
 *
 * @param child the input
 * @param projections the output columns, in order
 * @param schema computed from the projections
 */
public record Project(LogicalPlan child, List<Expression> projections, Schema schema) implements LogicalPlan {
    /** Validates, copies and checks the schema matches the projections. */
    public Project {
        requireNonNull(child, "child is null");
        projections = List.copyOf(requireNonNull(projections, "projections is null"));
        Plans.checkResolved(projections, "Project");
        Schema computed = Plans.schemaOf(projections);
        if (schema != null && !schema.equals(computed)) {
            throw new IllegalArgumentException("Project schema " + schema + " does not match " + computed);
        }
        schema = computed;
    }

    /** A projection whose schema is computed. */
    public Project(LogicalPlan child, List<Expression> projections) {
        this(child, projections, null);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 1, "Project");
        return new Project(children.get(0), projections);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitProject(this);
    }

    @Override
    public String details() {
        return projections.toString();
    }
}
