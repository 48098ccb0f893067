package dev.quarry.local.semantic;

import static dev.quarry.local.semantic.SemanticFixtures.backend;
import static dev.quarry.local.semantic.SemanticFixtures.col;
import static dev.quarry.local.semantic.SemanticFixtures.function;
import static dev.quarry.local.semantic.SemanticFixtures.project;
import static dev.quarry.local.semantic.SemanticFixtures.run;
import static dev.quarry.local.semantic.SemanticFixtures.spec;
import static dev.quarry.local.semantic.SemanticFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.local.LocalBackend;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.types.DataTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session budget ({@code quarry.budget_usd}). */
class BudgetTest {
    @TempDir
    Path dir;

    static SemanticProject classify(String prefix, int rows) {
        LocalRelation data = texts(IntStream.range(0, rows)
                .mapToObj(i -> prefix + " ticket number " + i + " about an invoice that looks wrong")
                .toArray(String[]::new));
        return project(
                data,
                "team",
                function(
                        Kind.CLASSIFY,
                        List.of(col(data, "body")),
                        spec().labels("billing", "technical").build(),
                        DataTypes.STRING));
    }

    private static double spent(LocalBackend backend) {
        return backend.semanticEngine().runtime().usage().total().costUsd();
    }

    @Test
    void budget_stopsTheQueryBeforeItsSpendWouldPassIt() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim, Map.of(SemanticSettings.BUDGET_USD, "0.0003"))) {
            assertThatThrownBy(() -> run(backend, classify("a", 50)))
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED))
                    .hasMessageContaining("session budget of $0.000300")
                    .hasMessageContaining("spent so far")
                    .hasMessageContaining("remained")
                    .hasMessageContaining("semantic.classify")
                    .hasMessageContaining("'fast'");

            assertThat(sim.counters().requests()).isBetween(1L, 49L);
            assertThat(spent(backend)).isPositive().isLessThanOrEqualTo(0.0003);
        }
    }

    @Test
    void budget_isCumulativeOverTheSessionsQueries() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim, Map.of(SemanticSettings.BUDGET_USD, "0.0006"))) {
            run(backend, classify("first", 3));
            double afterFirst = spent(backend);

            assertThatThrownBy(() -> run(backend, classify("second", 50)))
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED));
            assertThat(afterFirst).isPositive();
            assertThat(spent(backend)).isLessThanOrEqualTo(0.0006);
        }
    }

    @Test
    void noBudget_runsEverything() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            run(backend, classify("a", 50));

            assertThat(sim.counters().requests()).isEqualTo(50);
        }
    }
}
