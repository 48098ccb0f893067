package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges a projection on top of another into one, substituting the inner expressions into the
 * outer ones: chains of {@code withColumn} become one projection. Not done when an expensive inner
 * expression would be computed more than once.
 */
public final class CollapseProjections implements Rule {
    /** The rule's name. */
    public static final String NAME = "CollapseProjections";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Project outer) || !(outer.child() instanceof Project inner)) {
            return node;
        }
        Map<String, Expression> innerByName = PlanExpressions.byName(inner.projections());
        Map<String, Integer> uses = new HashMap<>();
        for (Expression e : outer.projections()) {
            countUses(e, uses);
        }
        for (Map.Entry<String, Integer> use : uses.entrySet()) {
            Expression source = innerByName.get(use.getKey());
            if (source != null && use.getValue() > 1 && !PlanExpressions.isCheap(source)) {
                return node;
            }
        }
        List<Expression> merged = new ArrayList<>();
        for (Expression e : outer.projections()) {
            String name = e.outputName();
            Expression body = PlanExpressions.substitute(PlanExpressions.strip(e), innerByName);
            if (body instanceof ColumnRef ref && ref.name().equals(name)) {
                merged.add(body);
            } else {
                merged.add(new Alias(body, name));
            }
        }
        return new Project(inner.child(), merged);
    }

    private static void countUses(Expression e, Map<String, Integer> uses) {
        if (e instanceof ColumnRef c) {
            uses.merge(c.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            return;
        }
        for (Expression child : e.children()) {
            countUses(child, uses);
        }
    }
}
