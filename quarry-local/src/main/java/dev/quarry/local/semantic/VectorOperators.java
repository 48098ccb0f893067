package dev.quarry.local.semantic;

import dev.quarry.OperatorMetrics;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.local.semantic.vector.ClusterLabelsExecutor;
import dev.quarry.local.semantic.vector.SimilarityJoinExecutor;
import java.time.Duration;

/**
 * Runs the embedding-vector operators through their kernels ({@link SimilarityJoinExecutor},
 * {@link ClusterLabelsExecutor}) into tables the execution tracks, and records their metrics (they
 * call no model).
 */
final class VectorOperators {
    private VectorOperators() {}

    static String similarityJoin(SemanticExecution execution, SimilarityJoin node, String left, String right) {
        long start = System.nanoTime();
        String output = execution.newTableName();
        execution.track(output);
        new SimilarityJoinExecutor(execution.connection()).execute(node, left, right, output);
        execution.addMetrics(OperatorMetrics.relational(
                execution.uniqueName(node.label()),
                node.details(),
                Duration.ofNanos(System.nanoTime() - start),
                execution.count(output)));
        return output;
    }

    static String clusterLabels(SemanticExecution execution, ClusterLabels node, String input) {
        long start = System.nanoTime();
        String output = execution.newTableName();
        execution.track(output);
        new ClusterLabelsExecutor(execution.connection()).execute(node, input, output);
        execution.addMetrics(OperatorMetrics.relational(
                execution.uniqueName(node.label()),
                node.details(),
                Duration.ofNanos(System.nanoTime() - start),
                execution.count(output)));
        return output;
    }
}
