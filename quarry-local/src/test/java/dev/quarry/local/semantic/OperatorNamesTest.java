package dev.quarry.local.semantic;

import static dev.quarry.functions.Functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.DataFrame;
import dev.quarry.Description;
import dev.quarry.ExplainMode;
import dev.quarry.OperatorMetrics;
import dev.quarry.QueryResult;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.models.OpenAIEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names semantic operators get in a query's metrics and in {@code explain}: after the column
 * the user gave their result, distinct within a query.
 */
class OperatorNamesTest {
    @TempDir
    Path dir;

    record Info(
            @Description("product the customer writes about")
            String product,

            @Description("true if the customer asks for money back")
            boolean wantsRefund) {}

    private Session session(LlmSimulator sim) {
        String base = sim.baseUrl(Provider.OPENAI);
        return Session.builder()
                .dataDir(dir)
                .languageModel(
                        "fast", OpenAIModel.of("gpt-4.1-nano").baseUrl(base).apiKey("sk-test"))
                .embeddingModel(
                        "mini",
                        OpenAIEmbeddingModel.of("text-embedding-3-small")
                                .dimensions(8)
                                .baseUrl(base)
                                .apiKey("sk-test"))
                .build();
    }

    private static DataFrame tickets(Session session) {
        return session.createDataFrame(List.of(
                Map.of("id", 1, "team", "a", "body", "Router X fails with E1, refund please"),
                Map.of("id", 2, "team", "a", "body", "The invoice total is wrong"),
                Map.of("id", 3, "team", "b", "body", "Love the new dashboard")));
    }

    /** The names of the operators that start with {@code semantic.}, in the order they ran. */
    private static List<String> semanticOperators(QueryResult result) {
        return result.metrics().operators().stream()
                .map(OperatorMetrics::operator)
                .filter(name -> name.startsWith("semantic."))
                .toList();
    }

    @Test
    void collect_twoExtracts_areNamedAfterTheirColumns() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim)) {
            DataFrame df = tickets(session)
                    .withColumn("a", Semantic.extract(col("body"), Info.class))
                    .withColumn("b", Semantic.extract(col("team"), Info.class));

            QueryResult result = df.collect();

            assertThat(semanticOperators(result)).containsExactly("semantic.extract(a)", "semantic.extract(b)");
            OperatorMetrics a = result.metrics().operators().stream()
                    .filter(o -> o.operator().equals("semantic.extract(a)"))
                    .findFirst()
                    .orElseThrow();
            assertThat(a.details()).startsWith("semantic.extract(body, Info");
            assertThat(a.languageModel().requests()).isEqualTo(3);
        }
    }

    @Test
    void collect_aliasedSelectAndReduce_areNamedAfterTheirAliases() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim)) {
            DataFrame teams = tickets(session)
                    .select(
                            col("id"),
                            Semantic.classify(col("body"), "billing", "technical")
                                    .alias("kind"));
            DataFrame themes = tickets(session)
                    .groupBy(col("team"))
                    .agg(Semantic.reduce("Summarize the complaints", col("body"))
                            .alias("theme"));

            assertThat(semanticOperators(teams.collect())).containsExactly("semantic.classify(kind)");
            assertThat(semanticOperators(themes.collect())).containsExactly("semantic.reduce(theme)");
        }
    }

    @Test
    void collect_twoSemanticFilters_haveDistinctNames() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim)) {
            DataFrame df = tickets(session)
                    .filter(Semantic.predicate("Is the customer angry? {{ body }}"))
                    .filter(Semantic.predicate("Is it about billing? {{ body }}"));

            QueryResult result = df.collect();

            assertThat(semanticOperators(result))
                    .containsExactly("semantic.predicate(filter)", "semantic.predicate(filter)#2");
        }
    }

    @Test
    void collect_unionOfTwoFramesWithTheSameColumn_namesTheSecondOperatorWithAnOrdinal() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim)) {
            DataFrame first = tickets(session).withColumn("s", Semantic.summarize(col("body")));
            DataFrame second =
                    tickets(session).filter(col("team").equalTo("a")).withColumn("s", Semantic.summarize(col("body")));

            QueryResult result = first.union(second).collect();

            assertThat(semanticOperators(result))
                    .containsExactlyInAnyOrder("semantic.summarize(s)", "semantic.summarize(s)#2");
        }
    }

    @Test
    void collect_frameOperators_areNamedAfterTheirOutputColumns() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim)) {
            DataFrame embedded = tickets(session).withColumn("e", Semantic.embed(col("body")));
            DataFrame clustered = embedded.semantic().withClusterLabels(col("e"), 2);
            DataFrame teams = tickets(session).select(col("team").as("t")).withColumn("te", Semantic.embed(col("t")));
            DataFrame matched = embedded.semantic().simJoin(teams, col("e"), col("te"), 1);
            DataFrame judged = tickets(session)
                    .semantic()
                    .join(
                            tickets(session).select(col("body").as("other")),
                            "Same topic? {{ left.body }} / {{ right.other }}")
                    .semantic()
                    .join(tickets(session).select(col("team").as("t2")), "Fits? {{ left.body }} / {{ right.t2 }}");

            assertThat(semanticOperators(clustered.collect()))
                    .containsExactly("semantic.embed(e)", "semantic.withClusterLabels(cluster_label)");
            assertThat(semanticOperators(matched.collect()))
                    .containsExactly("semantic.embed(e)", "semantic.embed(te)", "semantic.simJoin(similarity)");
            assertThat(semanticOperators(judged.collect())).containsExactly("semantic.join", "semantic.join#2");
        }
    }

    @Test
    void explainAnalyze_showsTheOperatorUnderItsColumn() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim)) {
            DataFrame df = tickets(session).withColumn("kind", Semantic.classify(col("body"), "billing", "other"));

            String text = df.explainString(ExplainMode.ANALYZE);

            assertThat(text)
                    .contains("SemanticProject [semantic.classify(kind): semantic.classify(body")
                    .containsPattern(
                            "(?m)^semantic\\.classify\\(kind\\) semantic\\.classify\\(body.*: [0-9.]+ ms, 3 rows");
        }
    }

    @Test
    void explain_estimateNamesTheOperatorAfterItsColumn() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim)) {
            DataFrame df = tickets(session).withColumn("kind", Semantic.classify(col("body"), "billing", "other"));

            String text = df.explainString();

            String estimate = text.substring(text.indexOf("== Inference Estimate =="));
            assertThat(estimate)
                    .containsPattern("(?m)^semantic\\.classify\\(kind\\) semantic\\.classify\\(body.*fast +3 ");
            assertThat(sim.counters().requests()).isZero();
        }
    }
}
