package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges a filter directly on top of another into one: {@code Filter(b, Filter(a, x))} becomes
 * {@code Filter(a AND b, x)} (the inner condition first, as it ran first).
 */
public final class MergeFilters implements Rule {
    /** The rule's name. */
    public static final String NAME = "MergeFilters";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (node instanceof Filter outer && outer.child() instanceof Filter inner) {
            List<dev.quarry.internal.expr.Expression> all =
                    new ArrayList<>(PlanExpressions.conjuncts(inner.condition()));
            all.addAll(PlanExpressions.conjuncts(outer.condition()));
            return new Filter(inner.child(), PlanExpressions.and(all));
        }
        return node;
    }
}
