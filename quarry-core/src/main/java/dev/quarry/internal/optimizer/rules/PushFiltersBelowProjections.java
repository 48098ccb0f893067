package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves a filter below the projection it reads, rewriting its column references into the
 * projection's expressions: {@code Filter(total > 10, Project(price * qty AS total, x))} becomes
 * {@code Project(price * qty AS total, Filter(price * qty > 10, x))}, so fewer rows are projected
 * and the filter can travel further down. A conjunct that would recompute an expensive expression
 * stays above.
 */
public final class PushFiltersBelowProjections implements Rule {
    /** The rule's name. */
    public static final String NAME = "PushFiltersBelowProjections";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof Project project)) {
            return node;
        }
        Map<String, Expression> outputs = PlanExpressions.byName(project.projections());
        List<Expression> pushed = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression conjunct : PlanExpressions.conjuncts(filter.condition())) {
            boolean cheap = true;
            for (String ref : PlanExpressions.refs(conjunct)) {
                Expression source = outputs.get(ref);
                cheap &= source != null && PlanExpressions.isCheap(source);
            }
            if (cheap) {
                pushed.add(PlanExpressions.substitute(conjunct, outputs));
            } else {
                kept.add(conjunct);
            }
        }
        if (pushed.isEmpty()) {
            return node;
        }
        LogicalPlan below =
                new Project(new Filter(project.child(), PlanExpressions.and(pushed)), project.projections());
        return kept.isEmpty() ? below : new Filter(below, PlanExpressions.and(kept));
    }
}
