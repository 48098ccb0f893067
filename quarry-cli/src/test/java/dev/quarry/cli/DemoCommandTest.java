package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dataDir;

    private String runDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoCommand demo = new DemoCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        demo.dataDir = dataDir;
        assertThat(demo.call()).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void call_bundledData_printsHeadlineWithCounts() {
        assertThat(runDemo()).startsWith("Quarry demo: 300 support tickets from 60 customers");
    }

    @Test
    void call_bundledData_printsOneRowPerProductAndPlan() {
        String output = runDemo();

        assertThat(output).contains("| product", "| plan", "open_tickets", "avg_first_response_h");
        assertThat(output).contains("20 rows");
    }

    @Test
    void call_bundledData_writesParquetThatReadsBack() {
        String output = runDemo();

        assertThat(output).contains("Wrote 20 rows to");
        assertThat(Files.exists(dataDir.resolve("demo").resolve("open_tickets_by_product.parquet")))
                .isTrue();
    }

    @Test
    void call_bundledData_printsMetrics() {
        assertThat(runDemo()).contains("Metrics: ").contains("20 rows");
    }
}
