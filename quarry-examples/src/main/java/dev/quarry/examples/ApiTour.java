package dev.quarry.examples;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;

import dev.quarry.DataFrame;
import dev.quarry.Description;
import dev.quarry.QueryResult;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.models.AnthropicModel;
import dev.quarry.models.GeminiModel;
import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole program of Quarry's API contract without its semantic lines: a session configured
 * with four chat models and an embedding model, a CSV read, a filter, a group-by with an
 * aggregate, the result rows and metrics printed, and the filtered rows written as Parquet. No
 * model is called, so no key is needed. {@link ApiTourSemantic} runs the whole program, semantic lines
 * included, against the LLM simulator.
 *
 * <pre>
 * mvn -q -pl quarry-examples exec:java -Dexec.mainClass=dev.quarry.examples.ApiTour [-Dexec.args=work-dir]
 * </pre>
 */
public final class ApiTour {
    private ApiTour() {}

    /** The record the semantic version of this program extracts from each ticket. */
    record TicketInfo(
            @Description("product the customer writes about")
            String product,

            @Description("true if the customer asks for money back")
            boolean wantsRefund,

            @Description("error codes quoted in the ticket") List<String> errorCodes) {}

    /**
     * Runs the tour in a work directory.
     *
     * <pre>{@code QueryResult perTeam = ApiTour.run(Path.of("work"));}</pre>
     *
     * @param workDir where the data, the session's catalog and the output go
     * @return the per-product result
     */
    public static QueryResult run(Path workDir) {
        Path tickets = ExampleData.copyTo(workDir, "tickets.csv");
        try (Session session = Session.builder()
                .appName("support")
                .dataDir(workDir.resolve(".quarry"))
                .languageModel("fast", OpenAIModel.of("gpt-4.1-nano").rpm(500).tpm(200_000))
                .languageModel(
                        "claude",
                        AnthropicModel.of("claude-haiku-4-5")
                                .rpm(50)
                                .inputTpm(50_000)
                                .outputTpm(10_000))
                .languageModel(
                        "gemini", GeminiModel.of("gemini-2.5-flash").rpm(100).tpm(1_000_000))
                .languageModel(
                        "local",
                        OpenAIModel.of("qwen2.5-7b-instruct")
                                .baseUrl("http://localhost:8000/v1")
                                .rpm(60)
                                .tpm(60_000))
                .embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
                .defaultLanguageModel("fast")
                .build()) {

            DataFrame ticketsDf = session.read().csv(tickets.toString());

            DataFrame enriched = ticketsDf.filter(col("status").equalTo("open"));

            DataFrame perProduct =
                    enriched.groupBy(col("product")).agg(count(col("ticket_id")).as("tickets"));

            QueryResult result = perProduct.collect();
            result.rows().forEach(r -> System.out.println(r.getString("product") + " " + r.getLong("tickets")));
            System.out.println(result.metrics());
            enriched.write()
                    .mode(SaveMode.OVERWRITE)
                    .parquet(workDir.resolve("enriched.parquet").toString());
            return result;
        }
    }

    /**
     * Runs the tour.
     *
     * @param args an optional work directory (default {@code target/api-tour})
     */
    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "target/api-tour"));
    }
}
