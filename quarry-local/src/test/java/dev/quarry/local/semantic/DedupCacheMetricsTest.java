package dev.quarry.local.semantic;

import static dev.quarry.local.semantic.SemanticFixtures.backend;
import static dev.quarry.local.semantic.SemanticFixtures.col;
import static dev.quarry.local.semantic.SemanticFixtures.column;
import static dev.quarry.local.semantic.SemanticFixtures.function;
import static dev.quarry.local.semantic.SemanticFixtures.project;
import static dev.quarry.local.semantic.SemanticFixtures.run;
import static dev.quarry.local.semantic.SemanticFixtures.spec;
import static dev.quarry.local.semantic.SemanticFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.QuarryException;
import dev.quarry.SaveMode;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.Sink;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.internal.plan.Union;
import dev.quarry.local.LocalBackend;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.testkit.simulator.Latency;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.RecordedRequest;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identical prompts sent once, the persistent cache, reuse of computed nodes, and metrics. */
class DedupCacheMetricsTest {
    @TempDir
    Path dir;

    private static SemanticProject classifyAndSummarize(LocalRelation data) {
        SemanticFunction classify = function(
                Kind.CLASSIFY,
                List.of(col(data, "body")),
                spec().labels("a", "b").build(),
                DataTypes.STRING);
        SemanticFunction summarize =
                function(Kind.SUMMARIZE, List.of(col(data, "body")), spec().build(), DataTypes.STRING);
        return new SemanticProject(
                data,
                List.of(new Alias(classify, "label"), new Alias(summarize, "summary")),
                Map.of("label", "semantic.classify(label)", "summary", "semantic.summarize(summary)"));
    }

    @Test
    void identicalPrompts_areSentOnce_andEveryRowGetsTheAnswer() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> "about " + r.lastUserText())
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("x", "y", "x", "z", "x", "y", null);
            SemanticFunction summarize =
                    function(Kind.SUMMARIZE, List.of(col(data, "body")), spec().build(), DataTypes.STRING);

            ExecutionResult result = run(backend, project(data, "s", summarize));

            assertThat(sim.counters().requests()).isEqualTo(3);
            assertThat(column(result, "s"))
                    .containsExactly("about x", "about y", "about x", "about z", "about x", "about y", null);
        }
    }

    @Test
    void secondRunOfThePlan_inANewSession_sendsNoRequest() {
        try (LlmSimulator sim = LlmSimulator.builder().start()) {
            LocalRelation data = texts("one", "two", "three");
            List<Object> first;
            try (LocalBackend backend = backend(dir, sim)) {
                first = column(run(backend, classifyAndSummarize(data)), "summary");
            }
            long sent = sim.counters().requests();

            ExecutionResult again;
            try (LocalBackend backend = backend(dir, sim)) {
                again = run(backend, classifyAndSummarize(data));
            }

            assertThat(sent).isEqualTo(6);
            assertThat(sim.counters().requests()).isEqualTo(sent);
            assertThat(column(again, "summary")).isEqualTo(first);
            assertThat(again.languageModel().requests()).isZero();
            assertThat(again.languageModel().cacheHits()).isEqualTo(6);
        }
    }

    @Test
    void metricsTotals_equalWhatTheSimulatorCounted() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("alpha beta", "gamma", "delta epsilon zeta", "alpha beta");

            ExecutionResult result = run(backend, classifyAndSummarize(data));

            ModelUsage lm = result.languageModel();
            assertThat(lm.requests()).isEqualTo(sim.counters().requests()).isEqualTo(6);
            assertThat(lm.inputTokens()).isEqualTo(sim.counters().inputTokens());
            assertThat(lm.outputTokens()).isEqualTo(sim.counters().outputTokens());
            assertThat(lm.costUsd()).isPositive();
            List<OperatorMetrics> semantic = result.operators().stream()
                    .filter(o -> o.operator().startsWith("semantic."))
                    .toList();
            assertThat(semantic)
                    .extracting(OperatorMetrics::operator)
                    .containsExactly("semantic.classify(label)", "semantic.summarize(summary)");
            assertThat(semantic).allSatisfy(o -> {
                assertThat(o.languageModel().requests()).isEqualTo(3);
                assertThat(o.outputRows()).isEqualTo(4);
            });
            assertThat(semantic.get(0).languageModel().plus(semantic.get(1).languageModel()))
                    .isEqualTo(lm);
        }
    }

    @Test
    void columnsAndRowsOfANode_areInFlightTogether() {
        Duration latency = Duration.ofMillis(1500);
        try (LlmSimulator sim =
                        LlmSimulator.builder().latency(Latency.fixed(latency)).start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("p", "q", "r", "s", "t");

            run(backend, classifyAndSummarize(data));

            List<Instant> arrivals = sim.requests().stream()
                    .map(RecordedRequest::receivedAt)
                    .sorted()
                    .toList();
            assertThat(arrivals).hasSize(10);
            assertThat(Duration.between(arrivals.get(0), arrivals.get(9))).isLessThan(latency);
        }
    }

    @Test
    void theSameNodeTwiceInAPlan_isComputedOnce() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("p", "q");
            SemanticProject node = classifyAndSummarize(data);

            ExecutionResult result = run(backend, new Union(List.of(node, node)));

            assertThat(result.rows()).hasSize(4);
            assertThat(result.operators().stream().filter(o -> o.operator().startsWith("semantic.")))
                    .hasSize(2);
            assertThat(sim.counters().requests()).isEqualTo(4);
        }
    }

    @Test
    void aCachedSemanticSubPlan_isComputedOncePerSession() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("p", "q");
            Cache cached = new Cache(classifyAndSummarize(data));

            ExecutionResult first = run(backend, cached);
            ExecutionResult second = run(backend, cached);

            assertThat(second.rows()).isEqualTo(first.rows());
            assertThat(second.operators()).noneMatch(o -> o.operator().startsWith("semantic."));
            assertThat(sim.counters().requests()).isEqualTo(4);
        }
    }

    @Test
    void semanticResults_canBeWrittenToATable() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("p", "q");

            ExecutionResult written =
                    run(backend, new Sink(classifyAndSummarize(data), new Sink.TableTarget("labels"), SaveMode.ERROR));

            assertThat(written.rowCount()).isEqualTo(2);
            assertThat(written.languageModel().requests()).isEqualTo(4);
            assertThat(backend.lookup("labels")).isPresent();
        }
    }

    @Test
    void semanticResults_cannotBeSavedAsAView() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("p");

            assertThatThrownBy(() -> run(
                            backend, new Sink(classifyAndSummarize(data), new Sink.ViewTarget("v"), SaveMode.ERROR)))
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION))
                    .hasMessageContaining("saveAsTable");
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void describingSqlOverASemanticFrame_sendsNothing() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("p");

            Schema schema = backend.describeSql(
                    "SELECT label, count(*) AS n FROM {t} GROUP BY label", Map.of("t", classifyAndSummarize(data)));

            assertThat(schema.names()).containsExactly("label", "n");
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void sqlOverASemanticFrame_runs() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> r.schema() != null ? "{\"label\":\"a\"}" : "s")
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("p", "q", "r");
            SemanticProject node = classifyAndSummarize(data);
            Schema schema =
                    backend.describeSql("SELECT label, count(*) AS n FROM {t} GROUP BY label", Map.of("t", node));

            ExecutionResult result = run(
                    backend,
                    new SqlRelation("SELECT label, count(*) AS n FROM {t} GROUP BY label", Map.of("t", node), schema));

            assertThat(result.rows()).hasSize(1);
            assertThat(result.rows().get(0).getLong("n")).isEqualTo(3L);
        }
    }

    @Test
    void aPlanWithoutSemanticOperators_neverStartsTheRuntime() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            run(backend, texts("p"));

            assertThat(backend.semanticEngine().runtimeStarted()).isFalse();
        }
    }
}
