package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a filter on model answers before the model calls below it that it does not read, so those
 * calls only see the rows it keeps: in
 * {@code withColumn("info", extract(...)).filter(predicate("... {{ body }}"))} the predicate is asked
 * first and {@code extract} runs on the rows judged true only. Every semantic column is computed per
 * row, so the values of the rows that remain do not change; only fewer requests are sent.
 *
 * <ul>
 *   <li>{@code Filter(SemanticProject A (SemanticProject B))}: when A's inputs and the filter do not
 *       read B's columns, A and the filter go below B (a projection keeps the column order);
 *   <li>{@code Filter(SemanticProject A (Project P))} with a model call below P: when A's inputs are
 *       plain columns passed through P and the filter reads only A's columns, A and the filter go
 *       below P.
 * </ul>
 */
public final class RunSemanticFiltersFirst implements Rule {
    /** The rule's name. */
    public static final String NAME = "RunSemanticFiltersFirst";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof SemanticProject a)) {
            return node;
        }
        Set<String> aColumns = PlanExpressions.names();
        for (Alias c : a.columns()) {
            aColumns.add(c.name());
        }
        Set<String> inputs = PlanExpressions.refs(new ArrayList<Expression>(a.columns()));
        Set<String> condition = PlanExpressions.refs(filter.condition());
        if (a.child() instanceof SemanticProject b) {
            Set<String> bColumns = PlanExpressions.names();
            for (Alias c : b.columns()) {
                bColumns.add(c.name());
            }
            if (inputs.stream().anyMatch(bColumns::contains)
                    || condition.stream().anyMatch(bColumns::contains)) {
                return node;
            }
            LogicalPlan moved = new SemanticProject(
                    new Filter(new SemanticProject(b.child(), a.columns(), a.labels()), filter.condition()),
                    b.columns(),
                    b.labels());
            return new Project(moved, refs(filter.schema().fields()));
        }
        if (a.child() instanceof Project p && callsModelBelow(p.child())) {
            if (!aColumns.containsAll(condition)) {
                return node;
            }
            Map<String, Expression> outputs = PlanExpressions.byName(p.projections());
            for (String input : inputs) {
                Expression source = outputs.get(input);
                if (source == null || !(PlanExpressions.strip(source) instanceof ColumnRef)) {
                    return node;
                }
            }
            List<Alias> rewritten = new ArrayList<>();
            for (Alias c : a.columns()) {
                SemanticFunction f = (SemanticFunction) c.child();
                rewritten.add(new Alias(PlanExpressions.substitute(f, outputs), c.name()));
            }
            LogicalPlan below = new Filter(new SemanticProject(p.child(), rewritten, a.labels()), filter.condition());
            List<Expression> projections = new ArrayList<>(p.projections());
            for (Alias c : a.columns()) {
                projections.add(new ColumnRef(c.name(), c.type(), true));
            }
            return new Project(below, projections);
        }
        return node;
    }

    /** Whether a model is called below, through projections and filters. */
    private static boolean callsModelBelow(LogicalPlan plan) {
        LogicalPlan current = plan;
        while (current instanceof Project || current instanceof Filter) {
            current = current.children().get(0);
        }
        return current instanceof SemanticProject;
    }

    private static List<Expression> refs(List<StructField> fields) {
        List<Expression> out = new ArrayList<>();
        for (StructField f : fields) {
            out.add(new ColumnRef(f.name(), f.type(), f.nullable()));
        }
        return out;
    }
}
