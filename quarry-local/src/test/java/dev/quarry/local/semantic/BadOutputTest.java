package dev.quarry.local.semantic;

import static dev.quarry.local.semantic.SemanticFixtures.backend;
import static dev.quarry.local.semantic.SemanticFixtures.chats;
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
import dev.quarry.OperatorMetrics;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.local.LocalBackend;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.testkit.simulator.FaultKind;
import dev.quarry.testkit.simulator.Faults;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.RecordedRequest;
import dev.quarry.types.DataTypes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers that cannot be used: one repair, then null and a counted failure; fatal errors fail the query. */
class BadOutputTest {
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
    void schemaViolation_isRepairedWithOneRequestQuotingTheErrorAndTheAnswer() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .faults(Faults.script(FaultKind.SCHEMA_VIOLATION))
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("Invoice is wrong");

            ExecutionResult result = run(backend, project(data, "team", classify(data)));

            assertThat(column(result, "team").get(0)).isIn("billing", "technical");
            List<RecordedRequest> requests = chats(sim);
            assertThat(requests).hasSize(2);
            String repair = requests.get(1).chat().lastUserText();
            assertThat(repair)
                    .startsWith("Invoice is wrong")
                    .contains("A previous answer to this request was:")
                    .contains("It was rejected: The answer does not match the schema classification");
            assertThat(result.languageModel().failedRows()).isZero();
        }
    }

    @Test
    void badOutputTwice_givesNullAndCountsAFailedRow() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .faults(Faults.script(FaultKind.SCHEMA_VIOLATION, FaultKind.SCHEMA_VIOLATION))
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("Invoice is wrong");

            ExecutionResult result = run(backend, project(data, "team", classify(data)));

            assertThat(column(result, "team")).containsOnlyNulls();
            assertThat(sim.counters().requests()).isEqualTo(2);
            assertThat(result.languageModel().failedRows()).isEqualTo(1);
            OperatorMetrics op = result.operators().stream()
                    .filter(o -> o.operator().equals("semantic.classify(team)"))
                    .findFirst()
                    .orElseThrow();
            assertThat(op.languageModel().failedRows()).isEqualTo(1);
            assertThat(op.details()).contains("1 row failed", "does not match the schema");
        }
    }

    @Test
    void truncatedAnswer_isRepairedWithTwiceTheOutputCap() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .faults(Faults.script(FaultKind.TRUNCATED_OUTPUT))
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("long story");
            SemanticFunction summarize = function(
                    Kind.SUMMARIZE,
                    List.of(col(data, "body")),
                    spec().maxOutputTokens(40).build(),
                    DataTypes.STRING);

            ExecutionResult result = run(backend, project(data, "s", summarize));

            assertThat(column(result, "s").get(0)).isNotNull();
            assertThat(chats(sim)).extracting(r -> r.chat().maxOutputTokens()).containsExactly(40, 80);
        }
    }

    @Test
    void answerThatDoesNotFitTheColumn_isBadOutput() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> "{\"answer\": \"maybe\"}")
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("x");
            SemanticFunction predicate = function(
                    Kind.PREDICATE,
                    List.of(col(data, "body")),
                    spec().template("Is {{ body }} good?", "body").build(),
                    DataTypes.BOOLEAN);

            ExecutionResult result = run(backend, project(data, "ok", predicate));

            assertThat(column(result, "ok")).containsOnlyNulls();
            assertThat(sim.counters().requests()).isEqualTo(2);
            assertThat(result.languageModel().failedRows()).isEqualTo(1);
        }
    }

    @Test
    void authenticationFailure_failsTheQueryWithTheProvidersMessage() {
        try (LlmSimulator sim =
                        LlmSimulator.builder().apiKey("sk-the-right-one").start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("a", "b", "c");

            assertThatThrownBy(() -> run(backend, project(data, "team", classify(data))))
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED))
                    .hasMessageContaining("'fast'")
                    .hasMessageNotContaining(SemanticFixtures.KEY);
            assertThat(backend.temporaryTables()).isEqualTo(1);
        }
    }

    @Test
    void exhaustedQuota_failsTheQuery() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .faults(Faults.script(FaultKind.QUOTA_EXHAUSTED))
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("a");

            assertThatThrownBy(() -> run(backend, project(data, "team", classify(data))))
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.QUOTA_EXHAUSTED));
        }
    }
}
