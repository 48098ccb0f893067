package dev.quarry.examples;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;
import static dev.quarry.functions.Functions.max;

import dev.quarry.DataFrame;
import dev.quarry.Description;
import dev.quarry.ModelUsage;
import dev.quarry.QueryMetrics;
import dev.quarry.Row;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.functions.ClassDefinition;
import dev.quarry.functions.Semantic;
import dev.quarry.models.LanguageModelConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Log triage: turns raw service log lines into a table of problems by category and service. Each
 * line becomes a {@link LogEvent} record ({@code Semantic.extract}: service, level, error code,
 * duration); the warnings and errors among them are classified into a root-cause category
 * ({@code Semantic.classify} with described classes); the result is written as Parquet and
 * counted per category and service.
 *
 * <p>The bundled {@code logs.csv} holds 120 lines from six services. Without a provider key in the
 * environment the example runs against the LLM simulator.
 *
 * <pre>
 * mvn -q -pl quarry-examples exec:java -Dexec.mainClass=dev.quarry.examples.LogTriage [-Dexec.args=work-dir]
 * </pre>
 */
public final class LogTriage {
    private LogTriage() {}

    /** How severe a log line is. */
    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR,
        FATAL
    }

    /** What the model reads out of one log line. */
    public record LogEvent(
            @Description("the service that wrote the line, as written in brackets, e.g. payments-api")
            String service,

            @Description("the log level of the line") Level level,

            @Description("the error code quoted in the line, such as DB-1203 or HTTP 504, if there is one")
            Optional<String> errorCode,

            @Description("the duration or timeout in milliseconds written in the line, if there is one")
            Optional<Long> durationMs) {}

    /** The root-cause categories a problem is classified into. */
    public static final List<ClassDefinition> CATEGORIES = List.of(
            ClassDefinition.of("database", "queries, connection pools, deadlocks, transactions and indexes"),
            ClassDefinition.of("network", "timeouts between services, DNS, TLS and upstream errors"),
            ClassDefinition.of("authentication", "tokens, sign-ins, passwords and locked accounts"),
            ClassDefinition.of("storage", "disks, volumes, buckets and quotas"),
            ClassDefinition.of("application", "exceptions, out of memory and other bugs in the code"));

    /**
     * What the triage found.
     *
     * @param problems the warning, error and fatal lines, with their event and category
     * @param perCategory lines per category and service, most first
     * @param languageModel the language-model usage of the whole run
     */
    public record Result(List<Row> problems, List<Row> perCategory, ModelUsage languageModel) {
        /** Copies the lists. */
        public Result {
            problems = List.copyOf(problems);
            perCategory = List.copyOf(perCategory);
        }
    }

    /**
     * Triages the bundled log lines with {@code model}.
     *
     * <pre>{@code LogTriage.Result r = LogTriage.run(Path.of("work"), OpenAIModel.of("gpt-4.1-nano"), System.out);}</pre>
     *
     * @param workDir where the data, the session's cache and the Parquet output go
     * @param model the language model
     * @param out where the tables and metrics are printed
     * @return the problems, the counts per category and service, and the model usage
     */
    public static Result run(Path workDir, LanguageModelConfig model, PrintStream out) {
        Path logs = ExampleData.copyTo(workDir, "logs.csv");
        try (Session session = ExampleKit.session("log-triage", workDir, model)) {
            DataFrame lines = session.read().csv(logs.toString());

            DataFrame problems = lines.withColumn("event", Semantic.extract(col("line"), LogEvent.class))
                    .filter(col("event").getField("level").isin("WARN", "ERROR", "FATAL"))
                    .withColumn("category", Semantic.classify(col("line"), CATEGORIES));

            Path triaged = workDir.resolve("triaged.parquet");
            QueryMetrics write = problems.write().mode(SaveMode.OVERWRITE).parquet(triaged.toString());

            DataFrame written = session.read().parquet(triaged.toString());
            List<Row> problemRows = written.select(
                            col("line_no"),
                            col("event").getField("service").as("service"),
                            col("event").getField("level").as("level"),
                            col("event").getField("errorCode").as("error_code"),
                            col("event").getField("durationMs").as("duration_ms"),
                            col("category"))
                    .orderBy(col("line_no").asc())
                    .collectAsList();
            List<Row> perCategory = written.groupBy(
                            col("category"), col("event").getField("service").as("service"))
                    .agg(
                            count(col("line_no")).as("lines"),
                            max(col("event").getField("errorCode")).as("error_code"))
                    .orderBy(
                            col("lines").desc(),
                            col("category").asc(),
                            col("service").asc())
                    .collectAsList();

            out.println("Read " + lines.count() + " log lines; " + problemRows.size()
                    + " are warnings or errors. The first ten:");
            ExampleKit.printRows(
                    out,
                    problemRows.subList(0, Math.min(10, problemRows.size())),
                    "line_no",
                    "service",
                    "level",
                    "error_code",
                    "duration_ms",
                    "category");
            out.println();
            out.println("Problems per category and service:");
            ExampleKit.printRows(out, perCategory, "category", "service", "lines", "error_code");
            out.println();
            ModelUsage usage = ExampleKit.printUsage(out, List.of(write));
            return new Result(problemRows, perCategory, usage);
        }
    }

    /**
     * Runs the example.
     *
     * @param args an optional work directory (default {@code target/examples/log-triage})
     */
    public static void main(String[] args) {
        ExampleKit.main("Log triage", args, "target/examples/log-triage", (dir, model) -> run(dir, model, System.out));
    }
}
