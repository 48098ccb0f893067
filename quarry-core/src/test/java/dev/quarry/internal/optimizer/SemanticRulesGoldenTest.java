package dev.quarry.internal.optimizer;

import static dev.quarry.functions.Functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.DataFrame;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.internal.explain.PlanPrinter;
import dev.quarry.internal.optimizer.rules.MergeIndependentSemanticProjects;
import dev.quarry.internal.optimizer.rules.PruneColumns;
import dev.quarry.internal.optimizer.rules.PushCheapPredicatesBelowSemantic;
import dev.quarry.internal.optimizer.rules.PushFiltersThroughOperators;
import dev.quarry.internal.optimizer.rules.PushLimitsBelowSemantic;
import dev.quarry.internal.optimizer.rules.RunSemanticFiltersFirst;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.GoldenFiles;
import dev.quarry.testing.SemanticFixtures;
import dev.quarry.testing.SemanticFixtures.TicketInfo;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden-file tests of how semantic operators are planned and optimized: the logical plan, the
 * optimized plan and the rules that fired, under {@code src/test/resources/plans/semantic_*.txt}.
 */
class SemanticRulesGoldenTest {
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

    private static OptimizerResult optimize(DataFrame df, String... disabled) {
        return Optimizer.standard().optimize(df.logicalPlan(), Set.of(disabled));
    }

    private static String optimized(DataFrame df, String... disabled) {
        return PlanPrinter.print(optimize(df, disabled).plan());
    }

    private static void assertGolden(String name, DataFrame df, String firedRule) {
        OptimizerResult result = optimize(df);
        String fired =
                result.fired().stream().map(r -> r.name() + " x" + r.fired()).collect(Collectors.joining("\n"));
        String text = "== Logical Plan ==\n" + PlanPrinter.print(df.logicalPlan())
                + "\n== Optimized Plan ==\n" + PlanPrinter.print(result.plan())
                + "\n== Rules fired ==\n" + fired + "\n";
        GoldenFiles.assertMatches("plans/" + name + ".txt", text);
        assertThat(result.fired()).extracting(RuleRun::name).contains(firedRule);
        assertThat(result.plan().schema()).isEqualTo(df.schema());
    }

    // ------------------------------------------------------------------ planning + PushCheapPredicatesBelowSemantic

    @Test
    void pipeline_extractClassifyPredicateEmbed_cheapFilterRunsBeforeEveryModelCall() {
        DataFrame df = tickets.withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("team2", Semantic.classify(col("body"), "billing", "technical"))
                .filter(Semantic.predicate("The customer is angry: {{ body }}")
                        .and(col("status").equalTo("open")))
                .withColumn("embedding", Semantic.embed(col("body")))
                .select(col("id"), col("info"), col("team2"), col("embedding"));
        assertGolden("semantic_pipeline", df, PushCheapPredicatesBelowSemantic.NAME);
    }

    @Test
    void runSemanticFiltersFirst_predicateAfterExtract_isAskedFirst() {
        DataFrame df = tickets.withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("summary", Semantic.summarize(col("body")))
                .filter(Semantic.predicate("Angry? {{ body }}"));
        assertGolden("semantic_filters_first", df, RunSemanticFiltersFirst.NAME);
        assertThat(optimized(df)).containsSubsequence("semantic.summarize", "Filter", "semantic.predicate");
        assertThat(optimized(df)).containsSubsequence("semantic.extract", "Filter", "semantic.predicate");
    }

    @Test
    void runSemanticFiltersFirst_predicateReadingAnotherAnswer_staysAboveIt() {
        DataFrame df = tickets.withColumn("summary", Semantic.summarize(col("body")))
                .filter(Semantic.predicate("Angry? {{ summary }}"));
        assertThat(optimized(df)).containsSubsequence("semantic.predicate", "semantic.summarize");
    }

    @Test
    void runSemanticFiltersFirst_disabled_keepsTheWrittenOrder() {
        DataFrame df = tickets.withColumn("summary", Semantic.summarize(col("body")))
                .filter(Semantic.predicate("Angry? {{ body }}"));
        // the merge of independent operators is off too: it would put both into one node
        assertThat(optimized(df, RunSemanticFiltersFirst.NAME, MergeIndependentSemanticProjects.NAME))
                .containsSubsequence("semantic.predicate", "semantic.summarize");
        assertThat(optimized(df, MergeIndependentSemanticProjects.NAME))
                .containsSubsequence("semantic.summarize", "semantic.predicate");
    }

    @Test
    void pushCheapPredicatesBelowSemantic_filterOnSemanticColumn_staysAbove() {
        DataFrame df = tickets.withColumn("team2", Semantic.classify(col("body"), "billing", "technical"))
                .filter(col("team2").equalTo("billing").and(col("priority").gt(2)));
        assertGolden("semantic_filter_on_semantic_column", df, PushCheapPredicatesBelowSemantic.NAME);
    }

    @Test
    void pushCheapPredicatesBelowSemantic_disabled_leavesTheFilterAboveTheModel() {
        DataFrame df = tickets.withColumn("s", Semantic.summarize(col("body")))
                .filter(col("priority").gt(2));
        assertThat(optimized(df, PushCheapPredicatesBelowSemantic.NAME))
                .containsSubsequence("Filter (priority > 2)", "SemanticProject");
        assertThat(optimized(df)).containsSubsequence("SemanticProject", "Filter (priority > 2)");
    }

    @Test
    void pushCheapPredicatesBelowSemantic_semanticJoin_pushesEachSide() {
        DataFrame df = tickets.semantic()
                .join(products, "Is {{ left.body }} about {{ right.title }}?")
                .filter(col("status")
                        .equalTo("open")
                        .and(col("price").lt(100))
                        .and(col("priority").gt(col("price"))));
        assertGolden("semantic_join_filters", df, PushCheapPredicatesBelowSemantic.NAME);
    }

    @Test
    void pushCheapPredicatesBelowSemantic_similarityJoin_pushesLeftOnly() {
        DataFrame left = tickets.withColumn("e", Semantic.embed(col("body")));
        DataFrame right = products.withColumn("pe", Semantic.embed(col("title")));
        DataFrame df = left.semantic()
                .simJoin(right, col("e"), col("pe"), 3)
                .filter(col("status")
                        .equalTo("open")
                        .and(col("price").lt(100))
                        .and(col("similarity").gt(0.8)));
        assertGolden("semantic_similarity_join_filters", df, PushCheapPredicatesBelowSemantic.NAME);
    }

    @Test
    void clusterLabels_filter_isNotPushedBelow() {
        DataFrame df = tickets.withColumn("e", Semantic.embed(col("body")))
                .semantic()
                .withClusterLabels(col("e"), 4, 7L, "centroid")
                .filter(col("status").equalTo("open"))
                .select(col("id"), col("cluster_label"));
        assertGolden("semantic_cluster_labels", df, PruneColumns.NAME);
        assertThat(optimized(df)).containsSubsequence("Filter (status = 'open')", "ClusterLabels");
    }

    // ------------------------------------------------------------------ PruneColumns

    @Test
    void pruneColumns_unreadSemanticColumn_isNotComputed() {
        DataFrame df = tickets.withColumn("summary", Semantic.summarize(col("body")))
                .withColumn("sentiment", Semantic.analyzeSentiment(col("body")))
                .select(col("id"), col("sentiment"));
        assertGolden("semantic_prune_unread", df, PruneColumns.NAME);
        assertThat(optimized(df)).doesNotContain("semantic.summarize");
    }

    @Test
    void pruneColumns_semanticJoin_carriesTheTemplateColumns() {
        DataFrame df = tickets.semantic()
                .join(products, "Is {{ left.body }} about {{ right.title }}?")
                .select(col("id"), col("sku"));
        assertGolden("semantic_join_prune", df, PruneColumns.NAME);
    }

    // ------------------------------------------------------------------ PushLimitsBelowSemantic

    @Test
    void pushLimitsBelowSemantic_limit_runsBeforeTheModel() {
        DataFrame df = tickets.withColumn("summary", Semantic.summarize(col("body")))
                .select(col("id"), col("summary"))
                .limit(5);
        assertGolden("semantic_limit", df, PushLimitsBelowSemantic.NAME);
    }

    @Test
    void pushLimitsBelowSemantic_afterSemanticFilter_staysAbove() {
        DataFrame df = tickets.filter(Semantic.predicate("Angry: {{ body }}")).limit(5);
        assertThat(optimized(df)).startsWith("Limit 5");
    }

    @Test
    void pushLimitsBelowSemantic_afterSort_staysAbove() {
        DataFrame df = tickets.withColumn("summary", Semantic.summarize(col("body")))
                .orderBy(col("id"))
                .limit(5);
        assertThat(optimized(df)).startsWith("Limit 5");
    }

    // ------------------------------------------------------------------ reduce

    @Test
    void reduce_filterOnGroupKey_runsBeforeTheReduce() {
        DataFrame df = tickets.groupBy(col("team"))
                .agg(
                        count(col("id")).as("tickets"),
                        Semantic.reduce("Summarize the complaints", col("body")).as("summary"))
                .filter(col("team").equalTo("billing"));
        assertGolden("semantic_reduce", df, PushFiltersThroughOperators.NAME);
    }

    // ------------------------------------------------------------------ MergeIndependentSemanticProjects

    @Test
    void mergeIndependentSemanticProjects_twoOperatorsOnTheSameText_becomeOneNode() {
        DataFrame df = tickets.withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("team2", Semantic.classify(col("body"), "billing", "technical"))
                .withColumn("s", Semantic.analyzeSentiment(col("body")));
        assertGolden("semantic_merge_independent", df, MergeIndependentSemanticProjects.NAME);
        assertThat(optimized(df).lines().filter(l -> l.contains("SemanticProject")))
                .hasSize(1);
    }

    @Test
    void mergeIndependentSemanticProjects_operatorReadingAnotherAnswer_staysAbove() {
        DataFrame df = tickets.withColumn("summary", Semantic.summarize(col("body")))
                .withColumn("team2", Semantic.classify(col("summary"), "billing", "technical"));
        assertThat(optimized(df).lines().filter(l -> l.contains("SemanticProject")))
                .hasSize(2);
        assertThat(optimized(df)).containsSubsequence("semantic.classify", "semantic.summarize");
    }

    @Test
    void mergeIndependentSemanticProjects_operatorReadingAComputedColumn_staysAbove() {
        DataFrame df = tickets.withColumn("summary", Semantic.summarize(col("body")))
                .withColumn("loud", upper(col("body")))
                .withColumn("team2", Semantic.classify(col("loud"), "billing", "technical"));
        assertThat(optimized(df).lines().filter(l -> l.contains("SemanticProject")))
                .hasSize(2);
    }

    @Test
    void mergeIndependentSemanticProjects_projectionComputingFromAnAnswer_movesAbove() {
        DataFrame df = tickets.withColumn("reply", Semantic.map("Reply to {{ body }}"))
                .withColumn("unanswered", col("reply").isNull())
                .withColumn("team2", Semantic.classify(col("body"), "billing", "technical"));
        String plan = optimized(df);
        assertThat(plan.lines().filter(l -> l.contains("SemanticProject"))).hasSize(1);
        assertThat(plan).containsSubsequence("IS NULL) AS unanswered", "SemanticProject");
        assertThat(optimize(df).plan().schema()).isEqualTo(df.schema());
    }

    @Test
    void mergeIndependentSemanticProjects_disabled_keepsOneNodePerOperator() {
        DataFrame df = tickets.withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("team2", Semantic.classify(col("body"), "billing", "technical"));
        assertThat(optimized(df, MergeIndependentSemanticProjects.NAME)
                        .lines()
                        .filter(l -> l.contains("SemanticProject")))
                .hasSize(2);
    }
}
