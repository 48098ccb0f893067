package dev.quarry.internal.plan;

import dev.quarry.types.Schema;
import java.util.List;

/**
 * A node of a logical plan. Plans are immutable records, validated when built; the output schema
 * is computed once, in the constructor. Equal plans are equal records, so a plan can key a cache.
 *
 * <p>Dispatch over the closed set of nodes goes through {@link PlanVisitor}.
 */
public sealed interface LogicalPlan
        permits FileScan,
                LocalRelation,
                TableScan,
                SqlRelation,
                Project,
                Filter,
                Join,
                Aggregate,
                Sort,
                Limit,
                Distinct,
                DropDuplicates,
                Union,
                Explode,
                Unnest,
                Cache,
                Sink,
                SemanticProject,
                SemanticJoin,
                SimilarityJoin,
                ClusterLabels {

    /** The output columns. */
    Schema schema();

    /** The inputs, in order. */
    List<LogicalPlan> children();

    /** A copy with new inputs (same count and order as {@link #children()}). */
    LogicalPlan withChildren(List<LogicalPlan> children);

    /** Double dispatch. */
    <R> R accept(PlanVisitor<R> visitor);

    /** The node's name as shown by {@code explain()}, e.g. {@code Filter}. */
    default String nodeName() {
        return getClass().getSimpleName();
    }

    /** The node's own arguments as shown by {@code explain()}, e.g. {@code (amount > 10)}. */
    String details();
}
