package dev.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LogTriageTest {
    @TempDir
    static Path work;

    private static SimulatedRun<LogTriage.Result> run;

    @BeforeAll
    static void runExample() {
        run = SimulatedRun.of((model, out) -> LogTriage.run(work, model, out));
    }

    @Test
    void run_offline_printedRequestsMatchTheSimulatorsCount() {
        assertThat(run.printedRequests()).isPositive().isEqualTo(run.simulatorRequests);
        assertThat(run.result.languageModel().requests()).isEqualTo(run.simulatorRequests);
    }

    @Test
    void run_offline_printsEachOperatorUnderItsColumn() {
        assertThat(run.printed).contains("  semantic.extract(event) ", "  semantic.classify(category) ");
    }

    @Test
    void run_bundledLogs_keepsOnlyWarningsAndErrors() {
        long expected = ExampleDataLines.count(work, "logs.csv", " (WARN|ERROR|FATAL) \\[");

        assertThat(run.result.problems()).hasSize((int) expected);
        assertThat(run.result.problems())
                .allSatisfy(r -> assertThat(r.getString("level")).isIn("WARN", "ERROR", "FATAL"));
    }

    @Test
    void run_bundledLogs_readsServiceCodeAndDurationFromTheLine() {
        Row first = run.result.problems().get(0); // line 1: the orders-worker deadlock
        assertThat(first.getString("service")).isEqualTo("orders-worker");
        assertThat(first.getString("error_code")).isEqualTo("DB-1401");
        assertThat(first.isNullAt("duration_ms")).isTrue();
        assertThat(first.getString("category")).isEqualTo("database");
    }

    @Test
    void run_bundledLogs_classifiesByTheCodeFamily() {
        List<Row> problems = run.result.problems();
        assertThat(problems)
                .filteredOn(r -> prefix(r, "DB-"))
                .allSatisfy(r -> assertThat(r.getString("category")).isEqualTo("database"));
        assertThat(problems)
                .filteredOn(r -> prefix(r, "S3-") || prefix(r, "DSK-"))
                .allSatisfy(r -> assertThat(r.getString("category")).isEqualTo("storage"));
        assertThat(problems)
                .filteredOn(r -> prefix(r, "HTTP 401"))
                .allSatisfy(r -> assertThat(r.getString("category")).isEqualTo("authentication"));
        assertThat(problems)
                .filteredOn(r -> prefix(r, "NET-"))
                .allSatisfy(r -> assertThat(r.getString("category")).isEqualTo("network"));
    }

    @Test
    void run_bundledLogs_countsPerCategoryAddUpToTheProblems() {
        long sum = run.result.perCategory().stream()
                .mapToLong(r -> r.getLong("lines"))
                .sum();

        assertThat(sum).isEqualTo(run.result.problems().size());
    }

    @Test
    void run_offline_finishesQuickly() {
        assertThat(run.elapsed).isLessThan(Duration.ofSeconds(60));
    }

    private static boolean prefix(Row r, String p) {
        return !r.isNullAt("error_code") && r.getString("error_code").startsWith(p);
    }
}
