package dev.quarry.local.semantic;

import static dev.quarry.local.semantic.SemanticFixtures.backend;
import static dev.quarry.local.semantic.SemanticFixtures.col;
import static dev.quarry.local.semantic.SemanticFixtures.function;
import static dev.quarry.local.semantic.SemanticFixtures.project;
import static dev.quarry.local.semantic.SemanticFixtures.run;
import static dev.quarry.local.semantic.SemanticFixtures.spec;
import static dev.quarry.local.semantic.SemanticFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.local.LocalBackend;
import dev.quarry.spi.InferenceEstimate;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.types.DataTypes;
import dev.quarry.types.EmbeddingType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Estimates of model use before anything runs. */
class EstimateTest {
    @TempDir
    Path dir;

    private static SemanticFunction classify(LocalRelation data) {
        return function(
                Kind.CLASSIFY,
                List.of(col(data, "body")),
                spec().labels("billing", "technical").build(),
                DataTypes.STRING);
    }

    @Test
    void estimate_countsDistinctNonNullInputs_pricesThem_andSendsNothing() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("a", "b", "a", "c", null, "d", "b", "a");

            List<InferenceEstimate> estimates = backend.estimate(project(data, "team", classify(data)));

            assertThat(estimates).hasSize(1);
            InferenceEstimate e = estimates.get(0);
            assertThat(e.operator()).isEqualTo("semantic.classify(team)");
            assertThat(e.details()).startsWith("semantic.classify(body");
            assertThat(e.modelAlias()).isEqualTo("fast");
            assertThat(e.requests()).isEqualTo(4);
            assertThat(e.inputTokens()).isGreaterThan(4 * 20);
            assertThat(e.outputTokens()).isPositive();
            assertThat(e.costUsd()).isPositive();
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void estimate_isCloseToWhatRunningSends() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("the invoice is wrong", "the app crashes", "refund please", "login fails");
            SemanticProject plan = project(data, "team", classify(data));

            InferenceEstimate e = backend.estimate(plan).get(0);
            long sentInput = run(backend, plan).languageModel().inputTokens();

            assertThat(e.requests()).isEqualTo(sim.counters().requests());
            assertThat((double) e.inputTokens()).isBetween(sentInput * 0.5, sentInput * 2.0);
        }
    }

    @Test
    void estimate_aboveASemanticFilter_assumesEveryRowPasses() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("a", "b", "c");
            SemanticProject angry = project(
                    data,
                    "angry",
                    function(
                            Kind.PREDICATE,
                            List.of(col(data, "body")),
                            spec().template("angry? {{ body }}", "body").build(),
                            DataTypes.BOOLEAN));
            Filter filtered = new Filter(angry, col(angry, "angry"));
            SemanticProject plan = project(filtered, "team", classify(data));

            List<InferenceEstimate> estimates = backend.estimate(plan);

            assertThat(estimates)
                    .extracting(InferenceEstimate::operator)
                    .containsExactly("semantic.classify(team)", "semantic.predicate(angry)");
            assertThat(estimates).extracting(InferenceEstimate::requests).containsExactly(3L, 3L);
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void estimate_ofASemanticJoin_isTheDistinctPairs() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = SemanticJoinTest.side("id", "name", "a", "b", "a");
            LocalRelation right = SemanticJoinTest.side("code", "title", "x", "y", "z", null);

            List<InferenceEstimate> estimates = backend.estimate(SemanticJoinTest.join(left, right, 1000));

            assertThat(estimates).hasSize(1);
            assertThat(estimates.get(0).operator()).isEqualTo("semantic.join");
            assertThat(estimates.get(0).requests()).isEqualTo(6);
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void estimate_ofEmbeddings_andOfAReduce() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim, Map.of(SemanticSettings.REDUCE_CONTEXT_TOKENS, "200"))) {
            LocalRelation data = texts("alpha", "beta");
            SemanticFunction embed = function(
                    Kind.EMBED, List.of(col(data, "body")), spec().model("emb").build(), new EmbeddingType(16, "emb"));
            LocalRelation groups = ReduceTest.groups(ReduceTest.complaints(30));

            InferenceEstimate embedding =
                    backend.estimate(project(data, "v", embed)).get(0);
            InferenceEstimate reduce = backend.estimate(project(groups, "s", ReduceTest.reduce(groups)))
                    .get(0);

            assertThat(embedding.modelAlias()).isEqualTo("emb");
            assertThat(embedding.requests()).isEqualTo(1);
            assertThat(embedding.inputTokens()).isPositive();
            assertThat(reduce.requests()).isGreaterThan(3);
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void estimate_ofAPlanWithoutSemanticOperators_isEmpty() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            assertThat(backend.estimateInference(texts("a"))).isEmpty();
            assertThat(backend.semanticEngine().runtimeStarted()).isFalse();
        }
    }
}
