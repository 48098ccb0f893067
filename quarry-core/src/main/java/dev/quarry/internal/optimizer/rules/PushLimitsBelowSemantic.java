package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.Limit;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticProject;

/**
 * Takes the first rows before the model calls rather than after: {@code Limit} moves below a
 * SemanticProject (which computes one value per row and keeps every row) and below the projections
 * between them. {@code df.withColumn("s", Semantic.summarize(col("body"))).show()} then summarizes
 * the 21 rows it shows, not the whole input. Never below a filter, join, sort or clustering, which
 * decide which rows come first.
 */
public final class PushLimitsBelowSemantic implements Rule {
    /** The rule's name. */
    public static final String NAME = "PushLimitsBelowSemantic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Limit limit)) {
            return node;
        }
        if (limit.child() instanceof SemanticProject sp) {
            return new SemanticProject(new Limit(sp.child(), limit.limit()), sp.columns(), sp.labels());
        }
        if (limit.child() instanceof Project p && reachesSemantic(p.child())) {
            return new Project(new Limit(p.child(), limit.limit()), p.projections());
        }
        return node;
    }

    /** Whether a SemanticProject lies below, through projections only. */
    private static boolean reachesSemantic(LogicalPlan plan) {
        LogicalPlan current = plan;
        while (current instanceof Project p) {
            current = p.child();
        }
        return current instanceof SemanticProject;
    }
}
