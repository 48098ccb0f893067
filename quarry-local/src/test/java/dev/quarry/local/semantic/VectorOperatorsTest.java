package dev.quarry.local.semantic;

import static dev.quarry.local.semantic.SemanticFixtures.backend;
import static dev.quarry.local.semantic.SemanticFixtures.col;
import static dev.quarry.local.semantic.SemanticFixtures.function;
import static dev.quarry.local.semantic.SemanticFixtures.project;
import static dev.quarry.local.semantic.SemanticFixtures.run;
import static dev.quarry.local.semantic.SemanticFixtures.spec;
import static dev.quarry.local.semantic.SemanticFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.OperatorMetrics;
import dev.quarry.Row;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.local.LocalBackend;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.types.DataTypes;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Similarity joins and clusterings run through the framework, alone and after an embedding operator. */
class VectorOperatorsTest {
    static final EmbeddingType TYPE = new EmbeddingType(2, "test");

    @TempDir
    Path dir;

    static LocalRelation vectors(String idName, String vectorName, float[]... values) {
        Schema schema = new Schema(
                List.of(new StructField(idName, DataTypes.LONG, false), new StructField(vectorName, TYPE, true)));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(Arrays.asList((long) i, values[i]));
        }
        return new LocalRelation(schema, rows);
    }

    @Test
    void similarityJoin_runsThroughTheExecutorAndReportsItsMetrics() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = vectors("l", "lv", new float[] {1, 0}, new float[] {0, 1});
            LocalRelation right = vectors("r", "rv", new float[] {0, 2}, new float[] {3, 0.1f}, new float[] {-1, 0});
            SimilarityJoin join = new SimilarityJoin(left, right, "lv", "rv", 1, SimilarityJoin.Metric.COSINE, "sim");

            ExecutionResult result = run(backend, join);

            assertThat(result.rows())
                    .extracting(r -> List.of(r.getLong("l"), r.getLong("r")))
                    .containsExactly(List.of(0L, 1L), List.of(1L, 0L));
            assertThat(result.operators()).extracting(OperatorMetrics::operator).contains("semantic.simJoin(sim)");
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void clusterLabels_afterAnEmbeddingOperator_labelsEveryRow() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("cat", "dog", "cat", null);
            SemanticProject embedded = project(
                    data,
                    "v",
                    function(
                            Kind.EMBED,
                            List.of(col(data, "body")),
                            spec().model("emb").build(),
                            new EmbeddingType(SemanticFixtures.DIMS, "emb")));
            ClusterLabels clusters = new ClusterLabels(embedded, "v", 2, 42, 10, "cluster", null);

            ExecutionResult result = run(backend, clusters);

            List<Row> rows = result.rows();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getInt("cluster")).isEqualTo(rows.get(2).getInt("cluster"));
            assertThat(rows.get(0).getInt("cluster")).isNotEqualTo(rows.get(1).getInt("cluster"));
            assertThat(rows.get(3).isNullAt("cluster")).isTrue();
            assertThat(result.operators())
                    .extracting(OperatorMetrics::operator)
                    .containsSubsequence("semantic.embed(v)", "semantic.withClusterLabels(cluster)")
                    .doesNotContain("ClusterLabels");
            assertThat(result.embeddingModel().requests()).isEqualTo(1);
        }
    }
}
