package dev.quarry.internal.optimizer.rules;

import dev.quarry.JoinType;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.DropDuplicates;
import dev.quarry.internal.plan.Explode;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.Join;
import dev.quarry.internal.plan.Limit;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.internal.plan.Sort;
import dev.quarry.internal.plan.TableScan;
import dev.quarry.internal.plan.Union;
import dev.quarry.internal.plan.Unnest;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stops reading columns nobody uses. A node that needs only some of its input's columns (a
 * Project, an Aggregate, the right side of a SEMI or ANTI join) narrows its input:
 *
 * <ul>
 *   <li>a Project or Aggregate input drops the outputs nobody reads;
 *   <li>in-memory rows drop the unread columns;
 *   <li>through Filter, Sort, Limit, DropDuplicates, Explode and Unnest, the needed columns plus
 *       the ones the operator reads are selected below it;
 *   <li>a Join's sides each select what is needed from them plus the join keys; a Union's
 *       inputs select the needed positions;
 *   <li>over a file or table scan, an Aggregate or SEMI/ANTI join inserts a projection
 *       (a Project needs none: it already selects);
 *   <li>before inference: a SemanticProject computes only the semantic columns someone reads (and
 *       disappears when none is read), and its input, like the inputs of a SemanticJoin, a
 *       SimilarityJoin and a ClusterLabels, carries only the needed columns plus those the model
 *       or the similarity search reads; an unread cluster centroid is not computed.
 * </ul>
 *
 * Never through Distinct (every column decides what a duplicate is), Cache, Sink or SQL. At least
 * one column is always kept.
 */
public final class PruneColumns implements Rule {
    /** The rule's name. */
    public static final String NAME = "PruneColumns";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (node instanceof Project p) {
            LogicalPlan child = narrow(p.child(), PlanExpressions.refs(p.projections()), false);
            return child == p.child() ? node : new Project(child, p.projections());
        }
        if (node instanceof Aggregate a) {
            Set<String> needed = PlanExpressions.refs(a.groupBy());
            needed.addAll(PlanExpressions.refs(a.outputs()));
            LogicalPlan child = narrow(a.child(), needed, true);
            return child == a.child() ? node : new Aggregate(child, a.groupBy(), a.outputs());
        }
        if (node instanceof Join j && (j.type() == JoinType.SEMI || j.type() == JoinType.ANTI)) {
            Set<String> needed = PlanExpressions.names();
            needed.addAll(j.usingColumns());
            if (j.condition() != null) {
                needed.addAll(PlanExpressions.refs(j.condition(), ColumnRef.Side.RIGHT));
            }
            LogicalPlan right = narrow(j.right(), needed, true);
            return right == j.right() ? node : new Join(j.left(), right, j.type(), j.condition(), j.usingColumns());
        }
        return node;
    }

    /**
     * The input narrowed to the needed columns (more may remain), or the same instance when it
     * cannot be narrowed.
     */
    private static LogicalPlan narrow(LogicalPlan input, Set<String> needed, boolean projectOverScans) {
        if (needed.containsAll(input.schema().names())) {
            return input;
        }
        if (input instanceof Project p) {
            return pruneProject(p, needed);
        }
        if (input instanceof Aggregate a) {
            List<Expression> kept = keepNamed(a.outputs(), needed);
            return kept.size() == a.outputs().size() ? input : new Aggregate(a.child(), a.groupBy(), kept);
        }
        if (input instanceof LocalRelation l) {
            return pruneLocal(l, needed);
        }
        if (input instanceof FileScan || input instanceof TableScan) {
            return projectOverScans ? new Project(input, PlanExpressions.refsTo(input.schema(), needed)) : input;
        }
        if (input instanceof Filter f) {
            return below(f, f.child(), with(needed, PlanExpressions.refs(f.condition())));
        }
        if (input instanceof Sort s) {
            return below(s, s.child(), with(needed, PlanExpressions.refs(s.keys())));
        }
        if (input instanceof Limit l) {
            return below(l, l.child(), needed);
        }
        if (input instanceof DropDuplicates d) {
            return below(d, d.child(), with(needed, Set.copyOf(d.columns())));
        }
        if (input instanceof Explode e) {
            return below(e, e.child(), with(needed, Set.of(e.column())));
        }
        if (input instanceof Unnest u) {
            return below(u, u.child(), unnestNeeds(u, needed));
        }
        if (input instanceof Join j) {
            return pruneJoin(j, needed);
        }
        if (input instanceof Union u) {
            return pruneUnion(u, needed);
        }
        if (isSemantic(input)) {
            return pruneSemantic(input, needed);
        }
        return input; // Distinct, Cache, Sink, SqlRelation
    }

    private static boolean isSemantic(LogicalPlan plan) {
        return plan instanceof SemanticProject
                || plan instanceof SemanticJoin
                || plan instanceof SimilarityJoin
                || plan instanceof ClusterLabels;
    }

    /** A semantic node computing and carrying only what is needed (more may remain). */
    private static LogicalPlan pruneSemantic(LogicalPlan input, Set<String> needed) {
        if (input instanceof SemanticProject sp) {
            List<Alias> kept = new ArrayList<>();
            for (Alias a : sp.columns()) {
                if (needed.contains(a.name())) {
                    kept.add(a);
                }
            }
            Set<String> childNeeds = from(needed, sp.child().schema());
            childNeeds.addAll(PlanExpressions.refs(kept));
            LogicalPlan child = select(sp.child(), childNeeds);
            if (kept.isEmpty()) {
                return child;
            }
            return child == sp.child() && kept.size() == sp.columns().size()
                    ? sp
                    : new SemanticProject(child, kept, sp.labels());
        }
        if (input instanceof SemanticJoin j) {
            Set<String> leftNeeds = from(needed, j.left().schema());
            leftNeeds.addAll(j.leftColumns());
            Set<String> rightNeeds = from(needed, j.right().schema());
            rightNeeds.addAll(j.rightColumns());
            LogicalPlan left = select(j.left(), leftNeeds);
            LogicalPlan right = select(j.right(), rightNeeds);
            return left == j.left() && right == j.right()
                    ? j
                    : new SemanticJoin(left, right, j.spec(), j.leftColumns(), j.rightColumns(), j.maxPairs());
        }
        if (input instanceof SimilarityJoin j) {
            Set<String> leftNeeds = from(needed, j.left().schema());
            leftNeeds.add(j.leftEmbedding());
            Set<String> rightNeeds = from(needed, j.right().schema());
            rightNeeds.add(j.rightEmbedding());
            LogicalPlan left = select(j.left(), leftNeeds);
            LogicalPlan right = select(j.right(), rightNeeds);
            return left == j.left() && right == j.right()
                    ? j
                    : new SimilarityJoin(
                            left,
                            right,
                            j.leftEmbedding(),
                            j.rightEmbedding(),
                            j.k(),
                            j.metric(),
                            j.similarityColumn());
        }
        ClusterLabels c = (ClusterLabels) input;
        Set<String> childNeeds = from(needed, c.child().schema());
        childNeeds.add(c.embeddingColumn());
        LogicalPlan child = select(c.child(), childNeeds);
        String centroid = c.centroidColumn() != null && needed.contains(c.centroidColumn()) ? c.centroidColumn() : null;
        return child == c.child() && java.util.Objects.equals(centroid, c.centroidColumn())
                ? c
                : new ClusterLabels(
                        child, c.embeddingColumn(), c.k(), c.seed(), c.maxIterations(), c.labelColumn(), centroid);
    }

    /** The needed names that are columns of a schema. */
    private static Set<String> from(Set<String> needed, Schema schema) {
        Set<String> out = PlanExpressions.names();
        for (String n : needed) {
            if (schema.indexOf(n) >= 0) {
                out.add(n);
            }
        }
        return out;
    }

    /** An operator whose input is narrowed to {@code needed}. */
    private static LogicalPlan below(LogicalPlan operator, LogicalPlan child, Set<String> needed) {
        LogicalPlan narrowed = select(child, needed);
        return narrowed == child ? operator : operator.withChildren(List.of(narrowed));
    }

    /** The plan selecting the needed columns of {@code plan}, or the same instance when it has no others. */
    private static LogicalPlan select(LogicalPlan plan, Set<String> needed) {
        if (needed.containsAll(plan.schema().names())) {
            return plan;
        }
        if (plan instanceof Project p) {
            return pruneProject(p, needed);
        }
        if (plan instanceof LocalRelation l) {
            return pruneLocal(l, needed);
        }
        LogicalPlan base = isSemantic(plan) ? pruneSemantic(plan, needed) : plan;
        List<Expression> refs = PlanExpressions.refsTo(base.schema(), needed);
        return refs.size() == base.schema().size() ? base : new Project(base, refs);
    }

    private static LogicalPlan pruneProject(Project p, Set<String> needed) {
        List<Expression> kept = keepNamed(p.projections(), needed);
        return kept.size() == p.projections().size() ? p : new Project(p.child(), kept);
    }

    private static List<Expression> keepNamed(List<Expression> named, Set<String> needed) {
        List<Expression> kept = new ArrayList<>();
        for (Expression e : named) {
            if (needed.contains(e.outputName())) {
                kept.add(e);
            }
        }
        if (kept.isEmpty()) {
            kept.add(named.get(0));
        }
        return kept;
    }

    private static LogicalPlan pruneLocal(LocalRelation l, Set<String> needed) {
        List<Integer> keep = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < l.schema().size(); i++) {
            if (needed.contains(l.schema().fields().get(i).name())) {
                keep.add(i);
                fields.add(l.schema().fields().get(i));
            }
        }
        if (keep.isEmpty()) {
            keep.add(0);
            fields.add(l.schema().fields().get(0));
        }
        if (keep.size() == l.schema().size()) {
            return l;
        }
        List<List<Object>> rows = new ArrayList<>(l.rows().size());
        for (List<Object> row : l.rows()) {
            List<Object> r = new ArrayList<>(keep.size());
            for (int i : keep) {
                r.add(row.get(i));
            }
            rows.add(r);
        }
        return new LocalRelation(new Schema(fields), rows);
    }

    private static Set<String> unnestNeeds(Unnest u, Set<String> needed) {
        Set<String> fields = PlanExpressions.names();
        StructType struct = (StructType) u.child().schema().field(u.column()).type();
        for (StructField f : struct.fields()) {
            fields.add(f.name());
        }
        Set<String> below = PlanExpressions.names();
        for (String n : needed) {
            if (!fields.contains(n)) {
                below.add(n);
            }
        }
        below.add(u.column());
        return below;
    }

    private static LogicalPlan pruneJoin(Join j, Set<String> needed) {
        Set<String> leftNeeds = PlanExpressions.names();
        Set<String> rightNeeds = PlanExpressions.names();
        leftNeeds.addAll(j.usingColumns());
        rightNeeds.addAll(j.usingColumns());
        if (j.condition() != null) {
            leftNeeds.addAll(PlanExpressions.refs(j.condition(), ColumnRef.Side.LEFT));
            rightNeeds.addAll(PlanExpressions.refs(j.condition(), ColumnRef.Side.RIGHT));
        }
        Schema left = j.left().schema();
        for (String n : needed) {
            if (left.indexOf(n) >= 0) {
                leftNeeds.add(n);
            } else {
                rightNeeds.add(n);
            }
        }
        LogicalPlan newLeft = select(j.left(), leftNeeds);
        boolean semi = j.type() == JoinType.SEMI || j.type() == JoinType.ANTI;
        LogicalPlan newRight = semi ? j.right() : select(j.right(), rightNeeds);
        if (newLeft == j.left() && newRight == j.right()) {
            return j;
        }
        return new Join(newLeft, newRight, j.type(), j.condition(), j.usingColumns());
    }

    private static LogicalPlan pruneUnion(Union u, Set<String> needed) {
        List<String> outNames = u.schema().names();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < outNames.size(); i++) {
            if (needed.contains(outNames.get(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            positions.add(0);
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan input : u.inputs()) {
            Set<String> keep = PlanExpressions.names();
            for (int i : positions) {
                keep.add(input.schema().fields().get(i).name());
            }
            LogicalPlan narrowed = selectPositions(input, positions, keep);
            changed |= narrowed != input;
            inputs.add(narrowed);
        }
        return changed ? new Union(inputs) : u;
    }

    /** Like {@link #select}, but keeping the order of positions (a union matches by position). */
    private static LogicalPlan selectPositions(LogicalPlan input, List<Integer> positions, Set<String> keep) {
        if (positions.size() == input.schema().size()) {
            return input;
        }
        if (input instanceof Project p) {
            List<Expression> kept = new ArrayList<>();
            for (int i : positions) {
                kept.add(p.projections().get(i));
            }
            return new Project(p.child(), kept);
        }
        return select(input, keep);
    }

    private static Set<String> with(Set<String> a, Set<String> b) {
        Set<String> out = PlanExpressions.names();
        out.addAll(a);
        out.addAll(b);
        return out;
    }
}
