package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest {

    @TempDir
    Path dataDir;

    private record Run(int status, String out, String err) {}

    private Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = QuarryCli.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void run_selectQuery_printsResultTable() {
        Run result = run("sql", "--data-dir", dataDir.toString(), "SELECT 42 AS answer, 'yes' AS ok");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("answer").contains("42").contains("yes");
    }

    @Test
    void run_tableSavedByAnEarlierSession_isQueryable() {
        try (Session session = Session.builder().dataDir(dataDir).build()) {
            session.createDataFrame(List.of(Map.of("seven", 7L))).write().saveAsTable("t");
        }

        Run result = run("sql", "-d", dataDir.toString(), "SELECT seven FROM t");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("seven").contains("7");
    }

    @Test
    void run_invalidSql_failsWithStatusOneAndMessage() {
        Run result = run("sql", "-d", dataDir.toString(), "SELEC nonsense");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ");
    }

    @Test
    void run_noCommand_printsUsage() {
        Run result = run();

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("demo").contains("sql").contains("simulate");
    }
}
