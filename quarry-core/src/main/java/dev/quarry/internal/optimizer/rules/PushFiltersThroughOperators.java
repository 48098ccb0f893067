package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.Distinct;
import dev.quarry.internal.plan.DropDuplicates;
import dev.quarry.internal.plan.Explode;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Sort;
import dev.quarry.internal.plan.Union;
import dev.quarry.internal.plan.Unnest;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Moves a filter below operators that do not change which rows it keeps:
 *
 * <ul>
 *   <li>Sort and Distinct: the whole filter;
 *   <li>DropDuplicates: conjuncts on the key columns only (others would change which duplicate survives);
 *   <li>Aggregate: conjuncts on grouping keys only, rewritten to the key expressions;
 *   <li>Union: the whole filter into every input, columns matched by position;
 *   <li>Explode and Unnest: conjuncts that do not read the exploded or unnested columns.
 * </ul>
 *
 * Never across Limit (it would change which rows are counted), Cache, Sink or SQL.
 */
public final class PushFiltersThroughOperators implements Rule {
    /** The rule's name. */
    public static final String NAME = "PushFiltersThroughOperators";

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
        Expression condition = filter.condition();
        if (child instanceof Sort sort) {
            return new Sort(new Filter(sort.child(), condition), sort.keys());
        }
        if (child instanceof Distinct distinct) {
            return new Distinct(new Filter(distinct.child(), condition));
        }
        if (child instanceof DropDuplicates dd) {
            Set<String> keys = PlanExpressions.names();
            keys.addAll(dd.columns());
            return split(
                    filter,
                    refs -> keys.containsAll(refs),
                    pushed -> new DropDuplicates(new Filter(dd.child(), pushed), dd.columns()));
        }
        if (child instanceof Explode explode) {
            return split(
                    filter,
                    refs -> !refs.contains(explode.column()),
                    pushed -> new Explode(new Filter(explode.child(), pushed), explode.column(), explode.outer()));
        }
        if (child instanceof Unnest unnest) {
            Set<String> fields = PlanExpressions.names();
            StructType struct =
                    (StructType) unnest.child().schema().field(unnest.column()).type();
            for (StructField f : struct.fields()) {
                fields.add(f.name());
            }
            return split(
                    filter,
                    refs -> refs.stream().noneMatch(fields::contains),
                    pushed -> new Unnest(new Filter(unnest.child(), pushed), unnest.column()));
        }
        if (child instanceof Aggregate aggregate) {
            return pushBelowAggregate(filter, aggregate);
        }
        if (child instanceof Union union) {
            return pushIntoUnion(condition, union);
        }
        return node;
    }

    /** Pushes the conjuncts whose references pass {@code pushable} into {@code below}; the rest stay on top. */
    private static LogicalPlan split(
            Filter filter,
            Predicate<Set<String>> pushable,
            java.util.function.Function<Expression, LogicalPlan> below) {
        List<Expression> pushed = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression conjunct : PlanExpressions.conjuncts(filter.condition())) {
            Set<String> refs = PlanExpressions.refs(conjunct);
            if (!refs.isEmpty() && pushable.test(refs)) {
                pushed.add(conjunct);
            } else {
                kept.add(conjunct);
            }
        }
        if (pushed.isEmpty()) {
            return filter;
        }
        LogicalPlan result = below.apply(PlanExpressions.and(pushed));
        return kept.isEmpty() ? result : new Filter(result, PlanExpressions.and(kept));
    }

    private static LogicalPlan pushBelowAggregate(Filter filter, Aggregate aggregate) {
        if (aggregate.groupBy().isEmpty()) {
            return filter;
        }
        Map<String, Expression> keyOutputs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Expression output : aggregate.outputs()) {
            Expression body = PlanExpressions.strip(output);
            if (aggregate.groupBy().contains(body) && PlanExpressions.isCheap(body)) {
                keyOutputs.put(output.outputName(), body);
            }
        }
        return split(
                filter,
                keyOutputs.keySet()::containsAll,
                pushed -> new Aggregate(
                        new Filter(aggregate.child(), PlanExpressions.substitute(pushed, keyOutputs)),
                        aggregate.groupBy(),
                        aggregate.outputs()));
    }

    private static LogicalPlan pushIntoUnion(Expression condition, Union union) {
        Schema out = union.schema();
        List<LogicalPlan> inputs = new ArrayList<>();
        for (LogicalPlan input : union.inputs()) {
            Schema in = input.schema();
            Map<String, Expression> byPosition = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < out.size(); i++) {
                StructField f = in.fields().get(i);
                byPosition.put(out.fields().get(i).name(), new ColumnRef(f.name(), f.type(), f.nullable()));
            }
            inputs.add(new Filter(input, PlanExpressions.substitute(condition, byPosition)));
        }
        return new Union(inputs);
    }
}
