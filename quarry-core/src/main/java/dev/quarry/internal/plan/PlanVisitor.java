package dev.quarry.internal.plan;

/**
 * Exhaustive dispatch over every {@link LogicalPlan} node.
 *
 * @param <R> the result of a visit
 */
public interface PlanVisitor<R> {
    R visitFileScan(FileScan plan);

    R visitLocalRelation(LocalRelation plan);

    R visitTableScan(TableScan plan);

    R visitSqlRelation(SqlRelation plan);

    R visitProject(Project plan);

    R visitFilter(Filter plan);

    R visitJoin(Join plan);

    R visitAggregate(Aggregate plan);

    R visitSort(Sort plan);

    R visitLimit(Limit plan);

    R visitDistinct(Distinct plan);

    R visitDropDuplicates(DropDuplicates plan);

    R visitUnion(Union plan);

    R visitExplode(Explode plan);

    R visitUnnest(Unnest plan);

    R visitCache(Cache plan);

    R visitSink(Sink plan);

    R visitSemanticProject(SemanticProject plan);

    R visitSemanticJoin(SemanticJoin plan);

    R visitSimilarityJoin(SimilarityJoin plan);

    R visitClusterLabels(ClusterLabels plan);
}
