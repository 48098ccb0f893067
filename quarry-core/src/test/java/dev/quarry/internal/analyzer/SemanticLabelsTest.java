package dev.quarry.internal.analyzer;

import static dev.quarry.functions.Functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DataFrame;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.internal.explain.PlanPrinter;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.optimizer.Optimizer;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.GoldenFiles;
import dev.quarry.testing.SemanticFixtures;
import dev.quarry.testing.SemanticFixtures.TicketInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labels semantic operators are shown under (metrics, explain, usage tables): named after where
 * their result goes, distinct within a DataFrame, kept through optimization.
 */
class SemanticLabelsTest {
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

    /** Every operator label of a plan, bottom-up. */
    private static List<String> labels(LogicalPlan plan) {
        List<String> out = new ArrayList<>();
        collect(plan, out);
        return out;
    }

    private static void collect(LogicalPlan plan, List<String> out) {
        for (LogicalPlan child : plan.children()) {
            collect(child, out);
        }
        if (plan instanceof SemanticProject p) {
            for (Alias column : p.columns()) {
                out.add(p.label(column));
            }
        } else if (plan instanceof SemanticJoin j) {
            out.add(j.label());
        } else if (plan instanceof SimilarityJoin j) {
            out.add(j.label());
        } else if (plan instanceof ClusterLabels c) {
            out.add(c.label());
        }
    }

    @Test
    void withColumn_twoExtracts_areLabelledAfterTheirColumns() {
        DataFrame df = tickets.withColumn("a", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("b", Semantic.extract(col("team"), TicketInfo.class));
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.extract(a)", "semantic.extract(b)");
    }

    @Test
    void withColumns_twoCallsInOneProjection_eachCarryItsColumn() {
        DataFrame df = tickets.withColumns(Map.of(
                "summary", Semantic.summarize(col("body")),
                "sentiment", Semantic.analyzeSentiment(col("body"))));
        assertThat(labels(df.logicalPlan()))
                .containsExactlyInAnyOrder("semantic.summarize(summary)", "semantic.sentiment(sentiment)");
    }

    @Test
    void select_aliasedCall_isLabelledAfterItsAlias() {
        DataFrame df = tickets.select(
                col("id"),
                Semantic.classify(col("body"), "billing", "technical").alias("team2"));
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.classify(team2)");
    }

    @Test
    void select_unaliasedCall_isLabelledByItsKind() {
        DataFrame df = tickets.select(Semantic.analyzeSentiment(col("body")));
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.sentiment");
    }

    @Test
    void select_sameCallUnderTwoNames_isOneOperatorLabelledForBoth() {
        DataFrame df = tickets.select(
                Semantic.summarize(col("body")).as("s1"),
                Semantic.summarize(col("body")).as("s2"));
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.summarize(s1, s2)");
    }

    @Test
    void withColumn_callInsideALargerExpression_isLabelledInItsColumn() {
        DataFrame df = tickets.withColumn(
                "unanswered", Semantic.map("Reply to {{ body }}").isNull());
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.map(in unanswered)");
    }

    @Test
    void withColumn_callReadingAnotherCall_innerIsInTheColumnOuterIsTheColumn() {
        DataFrame df =
                tickets.withColumn("team2", Semantic.classify(Semantic.summarize(col("body")), "billing", "technical"));
        assertThat(labels(df.logicalPlan()))
                .containsExactly("semantic.summarize(in team2)", "semantic.classify(team2)");
    }

    @Test
    void filter_predicate_isLabelledFilter() {
        DataFrame df = tickets.filter(Semantic.predicate("Angry? {{ body }}"));
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.predicate(filter)");
    }

    @Test
    void filter_secondSemanticFilter_getsAnOrdinal() {
        DataFrame df = tickets.filter(Semantic.predicate("Angry? {{ body }}"))
                .filter(Semantic.predicate("About billing? {{ body }}"));
        assertThat(labels(df.logicalPlan()))
                .containsExactly("semantic.predicate(filter)", "semantic.predicate(filter)#2");
    }

    @Test
    void filter_twoPredicatesInOneCondition_getDistinctLabels() {
        DataFrame df = tickets.filter(
                Semantic.predicate("Angry? {{ body }}").and(Semantic.predicate("About billing? {{ body }}")));
        assertThat(labels(df.logicalPlan()))
                .containsExactly("semantic.predicate(filter)", "semantic.predicate(filter)#2");
    }

    @Test
    void withColumn_columnComputedAgainUnderTheSameName_getsAnOrdinal() {
        DataFrame df = tickets.withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("info", Semantic.extract(col("team"), TicketInfo.class));
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.extract(info)", "semantic.extract(info)#2");
    }

    @Test
    void agg_aliasedReduce_isLabelledAfterItsColumn() {
        DataFrame df = tickets.groupBy(col("team"))
                .agg(
                        count(col("id")).as("tickets"),
                        Semantic.reduce("Summarize", col("body")).as("theme"));
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.reduce(theme)");
    }

    @Test
    void agg_reduceInsideALargerExpression_isLabelledInItsColumn() {
        DataFrame df = tickets.groupBy(col("team"))
                .agg(upper(Semantic.reduce("Summarize", col("body"))).as("loud"));
        assertThat(labels(df.logicalPlan())).containsExactly("semantic.reduce(in loud)");
    }

    @Test
    void frameOperators_areLabelledAfterTheirOutputColumns() {
        DataFrame embedded = tickets.withColumn("e", Semantic.embed(col("body")));
        DataFrame clustered = embedded.semantic().withClusterLabels(col("e"), 4);
        DataFrame joined = embedded.semantic()
                .simJoin(products.withColumn("pe", Semantic.embed(col("title"))), col("e"), col("pe"), 3);
        DataFrame judged = tickets.semantic().join(products, "Is {{ left.body }} about {{ right.title }}?");
        assertThat(labels(clustered.logicalPlan()))
                .containsExactly("semantic.embed(e)", "semantic.withClusterLabels(cluster_label)");
        assertThat(labels(joined.logicalPlan()))
                .containsExactly("semantic.embed(e)", "semantic.embed(pe)", "semantic.simJoin(similarity)");
        assertThat(labels(judged.logicalPlan())).containsExactly("semantic.join");
    }

    @Test
    void optimize_reorderedOperators_keepTheirLabels() {
        DataFrame df = tickets.withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("summary", Semantic.summarize(col("body")))
                .filter(Semantic.predicate("Angry? {{ body }}"))
                .limit(3);
        LogicalPlan optimized =
                Optimizer.standard().optimize(df.logicalPlan(), Set.of()).plan();
        assertThat(labels(optimized))
                .containsExactlyInAnyOrder(
                        "semantic.extract(info)", "semantic.summarize(summary)", "semantic.predicate(filter)");
        assertThat(labels(optimized).get(0)).isEqualTo("semantic.predicate(filter)");
    }

    private SemanticProject summarized() {
        return (SemanticProject) ((Project)
                        tickets.withColumn("s", Semantic.summarize(col("body"))).logicalPlan())
                .child();
    }

    @Test
    void semanticProject_columnWithoutLabel_isRejected() {
        SemanticFunction f = (SemanticFunction) summarized().columns().get(0).child();
        LogicalPlan child = tickets.logicalPlan();
        List<Alias> columns = List.of(new Alias(f, "__s"));
        assertThatThrownBy(() -> new SemanticProject(child, columns, Map.of("other", "semantic.summarize(s)")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no label for the semantic column __s");
    }

    @Test
    void semanticProject_labelsOfOtherColumns_areDropped() {
        SemanticProject node = summarized();
        Alias column = node.columns().get(0);
        SemanticProject copy = new SemanticProject(
                node.child(), List.of(column), Map.of(column.name(), "semantic.summarize(s)", "__gone", "x"));
        assertThat(copy.labels()).containsExactly(Map.entry(column.name(), "semantic.summarize(s)"));
    }

    @Test
    void explain_semanticColumns_showTheirLabels() {
        DataFrame df = tickets.withColumn("a", Semantic.extract(col("body"), TicketInfo.class))
                .withColumn("b", Semantic.extract(col("team"), TicketInfo.class))
                .withColumn("unanswered", Semantic.map("Reply to {{ body }}").isNull())
                .filter(Semantic.predicate("Angry? {{ body }}"))
                .filter(Semantic.predicate("About billing? {{ body }}"))
                .select(col("id"), col("a"), col("b"), col("unanswered"), Semantic.analyzeSentiment(col("body")));
        String text = "== Logical Plan ==\n" + PlanPrinter.print(df.logicalPlan()) + "\n== Optimized Plan ==\n"
                + PlanPrinter.print(Optimizer.standard()
                        .optimize(df.logicalPlan(), Set.of())
                        .plan());
        GoldenFiles.assertMatches("plans/semantic_labels.txt", text);
    }
}
