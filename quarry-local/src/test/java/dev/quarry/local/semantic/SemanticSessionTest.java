package dev.quarry.local.semantic;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DataFrame;
import dev.quarry.Description;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.QueryResult;
import dev.quarry.Row;
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

/** The public API's semantic operators, end to end on the embedded backend against the simulator. */
class SemanticSessionTest {
    @TempDir
    Path dir;

    record TicketInfo(
            @Description("product the customer writes about")
            String product,

            @Description("true if the customer asks for money back")
            boolean wantsRefund,

            @Description("error codes quoted in the ticket") List<String> errorCodes) {}

    private Session session(LlmSimulator sim, Double budget) {
        String base = sim.baseUrl(Provider.OPENAI);
        Session.Builder b = Session.builder()
                .dataDir(dir)
                .languageModel(
                        "fast", OpenAIModel.of("gpt-4.1-nano").baseUrl(base).apiKey("sk-test"))
                .embeddingModel(
                        "mini",
                        OpenAIEmbeddingModel.of("text-embedding-3-small")
                                .dimensions(8)
                                .baseUrl(base)
                                .apiKey("sk-test"));
        if (budget != null) {
            b.budgetUsd(budget);
        }
        return b.build();
    }

    private static DataFrame tickets(Session session) {
        return session.createDataFrame(List.of(
                Map.of("id", 1, "team", "a", "body", "Router X fails with E1, refund please"),
                Map.of("id", 2, "team", "a", "body", "The invoice total is wrong"),
                Map.of("id", 3, "team", "b", "body", "Router X fails with E1, refund please"),
                Map.of("id", 4, "team", "b", "body", "Love the new dashboard")));
    }

    @Test
    void extractClassifyPredicateAndEmbed_runFromTheDataFrameApi() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim, null)) {
            DataFrame enriched = tickets(session)
                    .withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                    .withColumn("kind", Semantic.classify(col("body"), "billing", "technical", "praise"))
                    .withColumn("angry", Semantic.predicate("The customer is angry: {{ body }}"))
                    .withColumn("embedding", Semantic.embed(col("body")));

            QueryResult result = enriched.collect();

            assertThat(result.rows()).hasSize(4);
            for (Row r : result.rows()) {
                assertThat(r.getStruct("info").getString("product")).isNotNull();
                assertThat(r.getString("kind")).isIn("billing", "technical", "praise");
                assertThat(r.getBoolean("angry")).isNotNull();
                assertThat(r.getEmbedding("embedding")).hasSize(8);
            }
            // 3 distinct texts x 3 chat operators, plus one embedding request
            assertThat(sim.counters().requests()).isEqualTo(10);
            assertThat(result.metrics().languageModel().requests()).isEqualTo(9);
            assertThat(result.metrics().embeddingModel().requests()).isEqualTo(1);
            assertThat(result.metrics().languageModel().inputTokens()
                            + result.metrics().embeddingModel().inputTokens())
                    .isEqualTo(sim.counters().inputTokens());
        }
    }

    @Test
    void reduce_perGroup_fromGroupByAgg() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> "themes of " + (r.lastUserText().split("\\[").length - 1) + " tickets")
                        .start();
                Session session = session(sim, null)) {
            DataFrame perTeam = tickets(session)
                    .groupBy(col("team"))
                    .agg(
                            count(col("id")).as("n"),
                            Semantic.reduce("Summarize the complaints", col("body"))
                                    .as("summary"))
                    .orderBy(col("team"));

            List<Row> rows = perTeam.collectAsList();

            assertThat(rows)
                    .extracting(r -> r.getString("summary"))
                    .containsExactly("themes of 2 tickets", "themes of 2 tickets");
            assertThat(sim.counters().requests()).isEqualTo(2);
        }
    }

    @Test
    void explain_showsTheEstimatedRequestsWithoutSendingAny() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim, null)) {
            DataFrame df = tickets(session).withColumn("kind", Semantic.classify(col("body"), "billing", "other"));

            String plan = df.explainString();

            String estimate = plan.substring(plan.indexOf("== Inference Estimate =="));
            assertThat(estimate).containsPattern("semantic\\.classify\\(body.*fast +3 ");
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void explainAnalyze_runsAndReportsTheSemanticOperators() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim, null)) {
            DataFrame df = tickets(session).withColumn("kind", Semantic.classify(col("body"), "billing", "other"));

            String plan = df.explainString(dev.quarry.ExplainMode.ANALYZE);

            assertThat(plan).contains("semantic.classify");
            assertThat(sim.counters().requests()).isEqualTo(3);
        }
    }

    @Test
    void budget_fromTheSessionBuilder_stopsTheQuery() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                Session session = session(sim, 0.00001)) {
            DataFrame df = tickets(session).withColumn("s", Semantic.summarize(col("body")));

            assertThatThrownBy(df::collect)
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED));
        }
    }
}
