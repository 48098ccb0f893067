package dev.quarry.internal.explain;

import static dev.quarry.functions.Functions.*;
import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.DataFrame;
import dev.quarry.ExplainMode;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.spi.InferenceEstimate;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.GoldenFiles;
import dev.quarry.testing.SemanticFixtures;
import dev.quarry.testing.SemanticFixtures.TicketInfo;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain()} shows the backend's estimate of the model calls, before anything runs. */
class ExplainEstimateTest {
    @TempDir
    Path dir;

    private FakeBackend backend;
    private Session session;
    private DataFrame tickets;

    @BeforeEach
    void setUp() {
        backend = new FakeBackend();
        session = SemanticFixtures.session(backend, dir);
        tickets = session.read().csv("tickets.csv");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    /** A fake estimator: 1,000 rows, 200 input and 20 output tokens per request, $0.10/$0.40 per million. */
    private static List<InferenceEstimate> estimate(LogicalPlan plan) {
        List<InferenceEstimate> out = new ArrayList<>();
        collect(plan, out);
        return out;
    }

    private static void collect(LogicalPlan plan, List<InferenceEstimate> out) {
        if (plan instanceof SemanticProject sp) {
            for (Alias column : sp.columns()) {
                SemanticFunction f = (SemanticFunction) column.child();
                long requests = 1_000;
                long in = requests * 200;
                long outTokens = requests * 20;
                out.add(new InferenceEstimate(
                        sp.label(column),
                        f.toString(),
                        f.spec().modelAlias(),
                        requests,
                        in,
                        outTokens,
                        (in * 0.10 + outTokens * 0.40) / 1_000_000));
            }
        }
        for (LogicalPlan c : plan.children()) {
            collect(c, out);
        }
    }

    private DataFrame pipeline() {
        return tickets.withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("team2", Semantic.classify(col("body"), "billing", "technical"))
                .select(col("id"), col("info"), col("team2"));
    }

    @Test
    void explain_semanticPlan_showsEstimatePerOperatorAndTotal() {
        backend.estimator = ExplainEstimateTest::estimate;
        GoldenFiles.assertMatches(
                "plans/explain_semantic_estimate.txt", pipeline().explainString(ExplainMode.SIMPLE));
    }

    @Test
    void explain_semanticPlan_runsNothing() {
        backend.estimator = ExplainEstimateTest::estimate;
        pipeline().explainString();
        assertThat(backend.executed).isEmpty();
        assertThat(backend.estimated).hasSize(1);
    }

    @Test
    void explain_estimator_getsTheOptimizedPlan() {
        tickets.withColumn("s", Semantic.summarize(col("body")))
                .select(col("id"), col("body"))
                .withColumn("t", Semantic.analyzeSentiment(col("body")))
                .explainString();
        // the summary is never read, so the optimized plan the estimate is asked about has no summarize
        assertThat(backend.estimated).hasSize(1);
        assertThat(backend.estimated.get(0).toString()).doesNotContain("summarize");
    }

    @Test
    void explain_extendedMode_includesTheEstimate() {
        backend.estimator = ExplainEstimateTest::estimate;
        assertThat(pipeline().explainString())
                .contains("== Optimizer (")
                .contains("== Inference Estimate ==")
                .contains("total");
    }

    @Test
    void explain_relationalPlan_asksForNoEstimate() {
        String text = tickets.filter(col("status").equalTo("open")).explainString();
        assertThat(text).doesNotContain("Inference Estimate");
        assertThat(backend.estimated).isEmpty();
    }

    @Test
    void explain_backendWithoutEstimate_saysSo() {
        String text = pipeline().explainString(ExplainMode.SIMPLE);
        assertThat(text)
                .endsWith("== Inference Estimate ==\n"
                        + "the backend gives no estimate for the 2 model-calling operators\n");
    }

    @Test
    void explain_estimatorFailure_isShownNotThrown() {
        backend.estimator = plan -> {
            throw new IllegalStateException("price of model 'fast' unknown");
        };
        String text = pipeline().explainString(ExplainMode.SIMPLE);
        assertThat(text).endsWith("no estimate: price of model 'fast' unknown\n");
    }

    @Test
    void explain_clusteringStoredEmbeddings_saysThereAreNoModelCalls() {
        backend.tables.put(
                "vectors",
                new CatalogEntry(
                        "vectors",
                        CatalogEntry.Kind.TABLE,
                        Schema.of(field("id", LONG), field("e", new EmbeddingType(384, "mini")))));
        DataFrame df = session.table("vectors").semantic().withClusterLabels(col("e"), 2);
        assertThat(df.explainString(ExplainMode.SIMPLE))
                .endsWith("== Inference Estimate ==\n"
                        + "no model calls (similarity joins and clustering run locally)\n");
    }

    @Test
    void inferenceEstimate_negativeCount_isRefused() {
        Throwable t = catchThrowable(() -> new InferenceEstimate("SemanticProject", "x", "fast", -1, 0, 0, 0));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests=-1");
    }

    @Test
    void inferenceEstimate_infiniteCost_isRefused() {
        Throwable t = catchThrowable(
                () -> new InferenceEstimate("SemanticProject", "x", "fast", 1, 0, 0, Double.POSITIVE_INFINITY));
        assertThat(t).isInstanceOf(IllegalArgumentException.class);
    }
}
