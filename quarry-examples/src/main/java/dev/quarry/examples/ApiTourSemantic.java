package dev.quarry.examples;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;

import dev.quarry.DataFrame;
import dev.quarry.Description;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.QueryMetrics;
import dev.quarry.QueryResult;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.models.AnthropicModel;
import dev.quarry.models.GeminiModel;
import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testkit.demo.DemoAnswers;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole program of Quarry's API contract, semantic lines included, run end to end against the
 * LLM simulator: every chat model of the program (OpenAI, Anthropic, Gemini and an
 * OpenAI-compatible local server) is pointed at the simulator through {@code baseUrl}, so the
 * program runs offline and unchanged otherwise. Which configured model does the work is the
 * program's {@code defaultLanguageModel}, a parameter here, so the same program can be run through
 * each provider's wire protocol.
 *
 * <p>Two details differ from the contract's text: the bundled tickets' id column is
 * {@code ticket_id} (the contract says {@code id}), and the output goes to a work directory.
 *
 * <pre>
 * mvn -q -pl quarry-examples exec:java -Dexec.mainClass=dev.quarry.examples.ApiTourSemantic [-Dexec.args=work-dir]
 * </pre>
 */
public final class ApiTourSemantic {
    private ApiTourSemantic() {}

    /** The record the program extracts from each ticket. */
    record TicketInfo(
            @Description("product the customer writes about")
            String product,

            @Description("true if the customer asks for money back")
            boolean wantsRefund,

            @Description("error codes quoted in the ticket") List<String> errorCodes) {}

    /**
     * Where each provider's API is: the real services, or a simulator.
     *
     * @param openAi the OpenAI (and OpenAI-compatible) base URL
     * @param anthropic the Anthropic base URL
     * @param gemini the Gemini base URL
     */
    public record BaseUrls(String openAi, String anthropic, String gemini) {
        /**
         * The base URLs of a running simulator.
         *
         * <pre>{@code BaseUrls urls = BaseUrls.of(sim);}</pre>
         *
         * @param sim the simulator
         * @return its base URL for each provider
         */
        public static BaseUrls of(LlmSimulator sim) {
            return new BaseUrls(
                    sim.baseUrl(Provider.OPENAI), sim.baseUrl(Provider.ANTHROPIC), sim.baseUrl(Provider.GEMINI));
        }
    }

    /**
     * What the program produced.
     *
     * @param perTeam the collected per-team result (team, tickets, summary) and its metrics
     * @param write the metrics of writing the enriched tickets
     * @param enrichedParquet where the enriched tickets were written
     */
    public record Result(QueryResult perTeam, QueryMetrics write, Path enrichedParquet) {}

    /**
     * Runs the program over the first {@code ticketRows} bundled tickets, with {@code defaultModel}
     * (one of {@code fast}, {@code claude}, {@code gemini}, {@code local}) doing the work.
     *
     * <pre>{@code ApiTourSemantic.Result r = ApiTourSemantic.run(dir, BaseUrls.of(sim), "claude", 40, System.out);}</pre>
     *
     * @param workDir where the data, the session's data directory and the output go
     * @param urls where the providers are
     * @param defaultModel the alias the program uses by default
     * @param ticketRows how many of the 300 bundled tickets to copy into {@code tickets.csv}
     * @param out where the program prints
     * @return the per-team result, the write metrics and the output path
     */
    public static Result run(Path workDir, BaseUrls urls, String defaultModel, int ticketRows, PrintStream out) {
        Path ticketsCsv = tickets(workDir, ticketRows);
        Path enrichedParquet = workDir.resolve("enriched.parquet");
        String key = "simulated-key";

        // ---- the program of API.md, models pointed at `urls` ----
        try (Session session = Session.builder()
                .appName("support")
                .dataDir(workDir.resolve(".quarry"))
                .languageModel(
                        "fast",
                        OpenAIModel.of("gpt-4.1-nano")
                                .rpm(500)
                                .tpm(200_000)
                                .baseUrl(urls.openAi())
                                .apiKey(key))
                .languageModel(
                        "claude",
                        AnthropicModel.of("claude-haiku-4-5")
                                .rpm(50)
                                .inputTpm(50_000)
                                .outputTpm(10_000)
                                .baseUrl(urls.anthropic())
                                .apiKey(key))
                .languageModel(
                        "gemini",
                        GeminiModel.of("gemini-2.5-flash")
                                .rpm(100)
                                .tpm(1_000_000)
                                .baseUrl(urls.gemini())
                                .apiKey(key))
                .languageModel(
                        "local",
                        OpenAIModel.of("qwen2.5-7b-instruct")
                                .baseUrl(urls.openAi())
                                .rpm(60)
                                .tpm(60_000)
                                .apiKey(key))
                .embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
                .defaultLanguageModel(defaultModel)
                .build()) {

            DataFrame tickets = session.read().csv(ticketsCsv.toString());

            DataFrame enriched = tickets.filter(col("status").equalTo("open"))
                    .withColumn("info", Semantic.extract(col("body"), TicketInfo.class))
                    .withColumn("team", Semantic.classify(col("body"), "billing", "technical", "sales"))
                    .filter(Semantic.predicate("The customer in this ticket is angry: {{ body }}"))
                    .withColumn("embedding", Semantic.embed(col("body")));

            DataFrame perTeam = enriched.groupBy(col("team"))
                    .agg(
                            count(col("ticket_id")).as("tickets"),
                            Semantic.reduce("Summarize the common complaints", col("body"))
                                    .as("summary"));

            QueryResult result = perTeam.collect();
            result.rows().forEach(r -> out.println(r.getString("team") + " " + r.getLong("tickets")));
            out.println(result.metrics());
            QueryMetrics write = enriched.write().mode(SaveMode.OVERWRITE).parquet(enrichedParquet.toString());
            // ---- end of the program ----

            out.println(write);
            out.println(ExampleKit.TOTAL + ExampleKit.languageModelUsage(List.of(result.metrics(), write)));
            return new Result(result, write, enrichedParquet);
        }
    }

    /** The first {@code rows} bundled tickets as {@code workDir/tickets.csv}. */
    private static Path tickets(Path workDir, int rows) {
        if (rows < 1) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "ticketRows must be at least 1 (the bundled file has 300), got " + rows + ".");
        }
        Path all = ExampleData.copyTo(workDir.resolve("bundled"), "tickets.csv");
        Path target = workDir.resolve("tickets.csv");
        try {
            List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8); // one line per ticket
            Files.write(target, lines.subList(0, Math.min(lines.size(), rows + 1)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR,
                    "Cannot write " + target + ": " + e.getMessage() + ". Choose a writable work directory.",
                    e);
        }
        return target;
    }

    /**
     * Runs the program against a simulator started here, with {@code fast} (OpenAI) doing the work.
     *
     * @param args an optional work directory (default {@code target/examples/api-tour-semantic})
     *     and an optional default model alias ({@code fast}, {@code claude}, {@code gemini})
     */
    public static void main(String[] args) {
        Path workDir = Path.of(args.length > 0 ? args[0] : "target/examples/api-tour-semantic");
        String model = args.length > 1 ? args[1] : "fast";
        try (LlmSimulator sim =
                LlmSimulator.builder().answers(DemoAnswers.create()).start()) {
            System.out.println("API tour — every model pointed at the LLM simulator at " + sim.baseUrl(Provider.OPENAI)
                    + " (answers are simulated); default model: " + model);
            run(workDir, BaseUrls.of(sim), model, 300, System.out);
            System.out.println("The simulator counted " + sim.counters().requests() + " requests.");
        }
    }
}
