package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo offline twice in one data directory: the first run fills the cache, the second reads it. */
@Timeout(value = 240)
class DemoCommandTest {
    private static final Pattern LM_REQUESTS = Pattern.compile("Language model: ([\\d,]+) requests");
    private static final Pattern SIM_REQUESTS = Pattern.compile("The simulator counted (\\d+) requests");

    @TempDir
    static Path dataDir;

    private static String first;
    private static String second;

    @BeforeAll
    static void runTwice() {
        first = runDemo();
        second = runDemo();
    }

    private static String runDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // an empty environment: no provider key, whatever the machine running the test has
        DemoCommand demo = new DemoCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of());
        demo.dataDir = dataDir;
        demo.clusters = 7;
        demo.sampleRows = 12;
        long start = System.nanoTime();
        assertThat(demo.call()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(100));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static long number(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        assertThat(m.find()).as("'%s' in:%n%s", pattern, output).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void call_noProviderKey_saysInItsFirstLineThatItUsesTheSimulator() {
        assertThat(first.lines().findFirst().orElseThrow())
                .matches("Quarry demo — no provider key found, using the built-in LLM simulator at"
                        + " http://127\\.0\\.0\\.1:\\d+/v1 \\(answers are simulated\\)");
    }

    @Test
    void call_bundledData_printsTheDatasetAndEverySection() {
        assertThat(first)
                .contains("300 support tickets from 60 customers")
                .contains("Pipeline:")
                .contains("Angry or frustrated customers: ")
                .contains("Themes of the clusters")
                .contains("Model usage per operator:")
                .contains("semantic.extract", "semantic.classify", "semantic.predicate", "semantic.reduce");
    }

    @Test
    void call_usageTable_namesEachOperatorAfterItsColumnAsThePipelineDoes() {
        String usage = first.substring(first.indexOf("Model usage per operator:"));
        Matcher m = Pattern.compile("(?m)^\\| (semantic\\.\\S+) ").matcher(usage);
        List<String> operators = new ArrayList<>();
        while (m.find()) {
            operators.add(m.group(1));
        }
        String pipeline = first.substring(first.indexOf("Pipeline:"), first.indexOf("Angry or frustrated"));

        assertThat(operators)
                .containsExactlyInAnyOrder(
                        "semantic.predicate(filter)",
                        "semantic.extract(info)",
                        "semantic.classify(team)",
                        "semantic.embed(embedding)",
                        "semantic.withClusterLabels(cluster_label)",
                        "semantic.reduce(theme)");
        assertThat(operators).allSatisfy(op -> assertThat(pipeline).contains(op));
    }

    @Test
    void call_bundledData_printsPlausibleThemes() {
        assertThat(first).containsPattern("\\| (Duplicate charges|Refund requests) \\(\\d+\\)");
        assertThat(first).contains(" tickets) |");
    }

    @Test
    void call_bundledData_writesTheEnrichedTicketsAndThemesAsParquet() {
        assertThat(Files.exists(dataDir.resolve("demo").resolve("angry_tickets.parquet")))
                .isTrue();
        assertThat(Files.exists(dataDir.resolve("demo").resolve("themes.parquet")))
                .isTrue();
        assertThat(first).contains("Wrote 7 themes to ");
    }

    @Test
    void call_firstRun_printedRequestsMatchTheSimulatorsCount() {
        long printed = number(LM_REQUESTS, first);

        assertThat(printed).isPositive();
        assertThat(number(SIM_REQUESTS, first)).isEqualTo(printed);
    }

    @Test
    void call_secondRunInTheSameDataDir_sendsNoRequest() {
        assertThat(number(LM_REQUESTS, second)).isZero();
        assertThat(number(SIM_REQUESTS, second)).isZero();
        assertThat(second).containsPattern("[1-9][\\d,]* cache hits");
    }

    @Test
    void call_secondRun_printsTheSameTables() {
        assertThat(tables(second)).isEqualTo(tables(first));
    }

    /** The output from the angry tickets table to the written files: no times, ports or counts of requests. */
    private static String tables(String output) {
        return output.substring(output.indexOf("Angry or frustrated customers"), output.indexOf("Wrote "));
    }
}
