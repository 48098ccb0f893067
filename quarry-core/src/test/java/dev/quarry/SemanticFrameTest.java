package dev.quarry;

import static dev.quarry.functions.Functions.*;
import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.functions.Semantic;
import dev.quarry.functions.SemanticOptions;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.SemanticFixtures;
import dev.quarry.types.EmbeddingType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code df.semantic()}: semantic joins, similarity joins and clustering, as built. */
class SemanticFrameTest {
    @TempDir
    Path dir;

    private Session session;
    private DataFrame tickets;
    private DataFrame products;

    @BeforeEach
    void setUp() {
        session = SemanticFixtures.session(new FakeBackend(), dir);
        tickets = session.read().csv("tickets.csv");
        products = session.read().parquet("products.parquet");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private DataFrame embeddedTickets() {
        return tickets.withColumn("e", Semantic.embed(col("body")));
    }

    private DataFrame embeddedProducts() {
        return products.withColumn("pe", Semantic.embed(col("title")));
    }

    // ------------------------------------------------------------------ join

    @Test
    void join_output_isLeftColumnsThenRightColumns() {
        DataFrame df = tickets.semantic().join(products, "Is {{ left.body }} about {{ right.title }}?");
        assertThat(df.columns())
                .containsExactly("id", "status", "team", "body", "created_at", "priority", "sku", "title", "price");
    }

    @Test
    void join_plan_listsTheColumnsTheTemplateReads() {
        SemanticJoin j = (SemanticJoin) tickets.semantic()
                .join(products, "{{ left.body }} ({{ left.team }}) vs {{ right.title }}, {{ left.body | length }}")
                .logicalPlan();
        assertThat(j.leftColumns()).containsExactly("body", "team");
        assertThat(j.rightColumns()).containsExactly("title");
    }

    @Test
    void join_templateReadingAWholeSide_readsAllItsColumns() {
        SemanticJoin j = (SemanticJoin) tickets.semantic()
                .join(products, "{{ left.body }} vs {{ right | tojson }}")
                .logicalPlan();
        assertThat(j.rightColumns()).containsExactly("sku", "title", "price");
    }

    @Test
    void join_default_guardsTenThousandPairsWithTheDefaultModel() {
        SemanticJoin j = (SemanticJoin) tickets.semantic()
                .join(products, "{{ left.body }} {{ right.title }}")
                .logicalPlan();
        assertThat(j.maxPairs()).isEqualTo(10_000);
        assertThat(j.spec().modelAlias()).isEqualTo("fast");
    }

    @Test
    void join_optionsAndMaxPairs_areKept() {
        SemanticJoin j = (SemanticJoin) tickets.semantic()
                .join(products, "{{ left.body }} {{ right.title }}", SemanticOptions.model("claude"), 500)
                .logicalPlan();
        assertThat(j.maxPairs()).isEqualTo(500);
        assertThat(j.spec().modelAlias()).isEqualTo("claude");
    }

    @Test
    void join_dataFrameOfAnotherSession_isRefused() {
        try (Session other = SemanticFixtures.session(new FakeBackend(), dir.resolve("other"))) {
            DataFrame foreign = other.read().parquet("products.parquet");
            Throwable t = catchThrowable(() -> tickets.semantic().join(foreign, "{{ left.body }} {{ right.title }}"));
            assertThat(t).isInstanceOf(QuarryException.class).hasMessageContaining("another session");
        }
    }

    // ------------------------------------------------------------------ simJoin

    @Test
    void simJoin_output_endsWithADoubleSimilarity() {
        DataFrame df = embeddedTickets().semantic().simJoin(embeddedProducts(), col("e"), col("pe"), 5);
        assertThat(df.columns()).endsWith("sku", "title", "price", "pe", "similarity");
        assertThat(df.schema().field("similarity").type()).isEqualTo(DOUBLE);
        SimilarityJoin j = (SimilarityJoin) df.logicalPlan();
        assertThat(j.k()).isEqualTo(5);
        assertThat(j.metric()).isEqualTo(SimilarityJoin.Metric.COSINE);
    }

    @Test
    void simJoin_metricAndColumnName_areKept() {
        DataFrame df = embeddedTickets()
                .semantic()
                .simJoin(embeddedProducts(), col("e"), col("pe"), 2, SimilarityMetric.L2, "closeness");
        SimilarityJoin j = (SimilarityJoin) df.logicalPlan();
        assertThat(j.metric()).isEqualTo(SimilarityJoin.Metric.L2);
        assertThat(df.columns()).endsWith("closeness");
    }

    @Test
    void simJoin_embeddingTakenFromTheOtherFrame_isRefused() {
        DataFrame left = embeddedTickets();
        DataFrame right = embeddedProducts();
        Throwable t = catchThrowable(() -> left.semantic().simJoin(right, right.col("pe"), right.col("pe"), 3));
        assertThat(t).isInstanceOf(QuarryException.class).hasMessageContaining("taken from another DataFrame");
    }

    // ------------------------------------------------------------------ clusters

    @Test
    void withClusterLabels_addsAnIntLabelWithTheDefaultSeed() {
        DataFrame df = embeddedTickets().semantic().withClusterLabels(col("e"), 4);
        assertThat(df.columns()).endsWith("e", "cluster_label");
        assertThat(df.schema().field("cluster_label").type()).isEqualTo(INTEGER);
        ClusterLabels c = (ClusterLabels) df.logicalPlan();
        assertThat(c.seed()).isEqualTo(SemanticFrame.DEFAULT_SEED);
        assertThat(c.k()).isEqualTo(4);
    }

    @Test
    void withClusterLabels_seedAndCentroid_areKept() {
        DataFrame df = embeddedTickets().semantic().withClusterLabels(col("e"), 3, 7L, "centroid");
        assertThat(df.columns()).endsWith("cluster_label", "centroid");
        assertThat(df.schema().field("centroid").type()).isEqualTo(new EmbeddingType(384, "mini"));
        assertThat(((ClusterLabels) df.logicalPlan()).seed()).isEqualTo(7L);
    }
}
