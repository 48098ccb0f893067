package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts semantic operators that do not read each other's results into one SemanticProject, so a
 * backend runs them concurrently instead of one after the other: {@code withColumn("info",
 * extract(body))} followed by {@code withColumn("team", classify(body))} no longer waits for the
 * slowest answer of the extract before the first classify request leaves. Each operator still
 * sends the same requests for the same rows; only when they are sent changes.
 *
 * <p>Two shapes are merged:
 *
 * <ul>
 *   <li>a SemanticProject directly on another whose columns it does not read;
 *   <li>a SemanticProject on a projection, on another SemanticProject, when every column the upper
 *       operators read is passed through (or renamed) by the projection: their inputs are renamed
 *       back through it, and the projection, computed columns included, moves above the merged node
 *       (where it sees the same columns as before) and also passes on the upper node's columns.
 * </ul>
 *
 * Not merged when an upper operator reads a lower one's answer, when an upper operator reads a
 * column the projection computes, or when a column name would be ambiguous. A filter between two
 * semantic operators keeps them apart: its rows decide which rows the upper one sees.
 */
public final class MergeIndependentSemanticProjects implements Rule {
    /** The rule's name. */
    public static final String NAME = "MergeIndependentSemanticProjects";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof SemanticProject upper)) {
            return node;
        }
        if (upper.child() instanceof SemanticProject lower) {
            return readsAny(upper.columns(), lower.columns()) || clash(upper.columns(), lower)
                    ? node
                    : merged(lower, upper.columns(), upper.labels());
        }
        if (upper.child() instanceof Project between && between.child() instanceof SemanticProject lower) {
            return throughProjection(upper, between, lower);
        }
        return node;
    }

    private static LogicalPlan throughProjection(SemanticProject upper, Project between, SemanticProject lower) {
        Map<String, Expression> byName = PlanExpressions.byName(between.projections());
        for (Alias a : upper.columns()) {
            for (String ref : PlanExpressions.refs(a.child())) {
                Expression source = byName.get(ref);
                if (source == null || !(PlanExpressions.strip(source) instanceof ColumnRef)) {
                    return upper;
                }
            }
        }
        Set<String> lowerNames = names(lower.columns());
        List<Alias> renamed = new ArrayList<>(upper.columns().size());
        for (Alias a : upper.columns()) {
            Expression body = PlanExpressions.substitute(a.child(), byName);
            for (String ref : PlanExpressions.refs(body)) {
                if (lowerNames.contains(ref) || lower.child().schema().indexOf(ref) < 0) {
                    return upper;
                }
            }
            body = PlanExpressions.rebind(body, lower.child().schema(), ColumnRef.Side.NONE);
            renamed.add(new Alias(body, a.name()));
        }
        if (clash(renamed, lower)) {
            return upper;
        }
        SemanticProject merged = merged(lower, renamed, upper.labels());
        List<Expression> projections = new ArrayList<>(between.projections());
        for (Alias a : upper.columns()) {
            StructField f = merged.schema().field(a.name());
            projections.add(new ColumnRef(f.name(), f.type(), f.nullable(), ColumnRef.Side.NONE));
        }
        return new Project(merged, projections);
    }

    private static SemanticProject merged(SemanticProject lower, List<Alias> upperColumns, Map<String, String> labels) {
        List<Alias> columns = new ArrayList<>(lower.columns());
        columns.addAll(upperColumns);
        Map<String, String> allLabels = new LinkedHashMap<>(lower.labels());
        allLabels.putAll(labels);
        return new SemanticProject(lower.child(), columns, allLabels);
    }

    private static boolean readsAny(List<Alias> readers, List<Alias> written) {
        Set<String> names = names(written);
        for (Alias a : readers) {
            for (String ref : PlanExpressions.refs(a.child())) {
                if (names.contains(ref)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a new column would take the name of one the lower node already outputs. */
    private static boolean clash(List<Alias> added, SemanticProject lower) {
        Set<String> taken = names(lower.columns());
        for (StructField f : lower.child().schema().fields()) {
            taken.add(f.name());
        }
        for (Alias a : added) {
            if (!taken.add(a.name())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(List<Alias> columns) {
        Set<String> names = PlanExpressions.names();
        for (Alias a : columns) {
            names.add(a.name());
        }
        return names;
    }
}
