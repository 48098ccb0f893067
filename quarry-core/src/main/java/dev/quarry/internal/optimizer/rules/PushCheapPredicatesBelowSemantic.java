package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the conjuncts of a filter that need no model before the model calls, so fewer rows are sent
 * to the model:
 *
 * <ul>
 *   <li>SemanticProject: conjuncts that read none of its semantic columns move below it (a semantic
 *       column is computed per row, so which rows reach it does not change any row's value);
 *   <li>SemanticJoin: conjuncts reading only left columns move into the left input, only right
 *       columns into the right input (each pair is judged on its own);
 *   <li>SimilarityJoin: conjuncts reading only left columns move into the left input (each left
 *       row's top-k is found on its own); right-side conjuncts stay above, since filtering the
 *       right input would change which rows are the top k.
 * </ul>
 *
 * Never below ClusterLabels: the clusters depend on every row.
 */
public final class PushCheapPredicatesBelowSemantic implements Rule {
    /** The rule's name. */
    public static final String NAME = "PushCheapPredicatesBelowSemantic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Filter filter)) {
            return node;
        }
        LogicalPlan child = filter.child();
        if (child instanceof SemanticProject sp) {
            Set<String> computed = PlanExpressions.names();
            for (Alias a : sp.columns()) {
                computed.add(a.name());
            }
            Split split = split(filter, refs -> refs.stream().noneMatch(computed::contains), refs -> false);
            if (split.left.isEmpty()) {
                return node;
            }
            LogicalPlan below = new SemanticProject(
                    new Filter(sp.child(), PlanExpressions.and(split.left)), sp.columns(), sp.labels());
            return split.kept.isEmpty() ? below : new Filter(below, PlanExpressions.and(split.kept));
        }
        if (child instanceof SemanticJoin join) {
            Schema left = join.left().schema();
            Schema right = join.right().schema();
            Split split = split(filter, refs -> within(refs, left), refs -> within(refs, right));
            if (split.left.isEmpty() && split.right.isEmpty()) {
                return node;
            }
            LogicalPlan joined = new SemanticJoin(
                    withFilter(join.left(), split.left),
                    withFilter(join.right(), split.right),
                    join.spec(),
                    join.leftColumns(),
                    join.rightColumns(),
                    join.maxPairs());
            return split.kept.isEmpty() ? joined : new Filter(joined, PlanExpressions.and(split.kept));
        }
        if (child instanceof SimilarityJoin join) {
            Schema left = join.left().schema();
            Split split = split(filter, refs -> within(refs, left), refs -> false);
            if (split.left.isEmpty()) {
                return node;
            }
            LogicalPlan joined = new SimilarityJoin(
                    withFilter(join.left(), split.left),
                    join.right(),
                    join.leftEmbedding(),
                    join.rightEmbedding(),
                    join.k(),
                    join.metric(),
                    join.similarityColumn());
            return split.kept.isEmpty() ? joined : new Filter(joined, PlanExpressions.and(split.kept));
        }
        return node;
    }

    /** Conjuncts going to the left (or only) input, to the right input, and staying above. */
    private record Split(List<Expression> left, List<Expression> right, List<Expression> kept) {}

    private static Split split(
            Filter filter,
            java.util.function.Predicate<Set<String>> toLeft,
            java.util.function.Predicate<Set<String>> toRight) {
        List<Expression> left = new ArrayList<>();
        List<Expression> right = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression conjunct : PlanExpressions.conjuncts(filter.condition())) {
            Set<String> refs = PlanExpressions.refs(conjunct);
            if (refs.isEmpty()) {
                kept.add(conjunct);
            } else if (toLeft.test(refs)) {
                left.add(conjunct);
            } else if (toRight.test(refs)) {
                right.add(conjunct);
            } else {
                kept.add(conjunct);
            }
        }
        return new Split(left, right, kept);
    }

    private static boolean within(Set<String> refs, Schema side) {
        for (String r : refs) {
            if (side.indexOf(r) < 0) {
                return false;
            }
        }
        return true;
    }

    private static LogicalPlan withFilter(LogicalPlan input, List<Expression> conjuncts) {
        return conjuncts.isEmpty() ? input : new Filter(input, PlanExpressions.and(conjuncts));
    }
}
