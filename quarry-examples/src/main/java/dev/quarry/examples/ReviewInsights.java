package dev.quarry.examples;

import static dev.quarry.functions.Functions.avg;
import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.functions.Functions.sum;
import static dev.quarry.functions.Functions.when;

import dev.quarry.DataFrame;
import dev.quarry.ModelUsage;
import dev.quarry.QueryMetrics;
import dev.quarry.Row;
import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.functions.Semantic;
import dev.quarry.models.LanguageModelConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Review sentiment and per-product summaries: {@code Semantic.analyzeSentiment} labels each product
 * review positive, negative or neutral; the labelled reviews are written as Parquet; then one
 * {@code groupBy(product).agg(...)} counts them, averages the star rating and reduces each
 * product's reviews to one summary of what customers praise and criticise
 * ({@code Semantic.reduce}, an aggregate).
 *
 * <p>The bundled {@code reviews.csv} holds 80 reviews of four products. Without a provider key in
 * the environment the example runs against the LLM simulator.
 *
 * <pre>
 * mvn -q -pl quarry-examples exec:java -Dexec.mainClass=dev.quarry.examples.ReviewInsights [-Dexec.args=work-dir]
 * </pre>
 */
public final class ReviewInsights {
    private ReviewInsights() {}

    /** The reduce instruction applied to each product's reviews. */
    public static final String SUMMARY =
            "In one sentence, summarize what customers praise and what they criticise in these product reviews.";

    /**
     * What the example found.
     *
     * @param reviews every review with its sentiment: review_id, product, rating, sentiment
     * @param perProduct per product: reviews, avg_rating, positive, negative, summary
     * @param languageModel the language-model usage of the whole run
     */
    public record Result(List<Row> reviews, List<Row> perProduct, ModelUsage languageModel) {
        /** Copies the lists. */
        public Result {
            reviews = List.copyOf(reviews);
            perProduct = List.copyOf(perProduct);
        }
    }

    /**
     * Scores and summarizes the bundled reviews with {@code model}.
     *
     * <pre>{@code ReviewInsights.Result r = ReviewInsights.run(Path.of("work"), model, System.out);}</pre>
     *
     * @param workDir where the data, the session's cache and the Parquet output go
     * @param model the language model
     * @param out where the tables and metrics are printed
     * @return the scored reviews, the per-product table and the model usage
     */
    public static Result run(Path workDir, LanguageModelConfig model, PrintStream out) {
        Path csv = ExampleData.copyTo(workDir, "reviews.csv");
        try (Session session = ExampleKit.session("review-insights", workDir, model)) {
            DataFrame reviews = session.read().csv(csv.toString());
            DataFrame scored = reviews.withColumn("sentiment", Semantic.analyzeSentiment(col("text")));

            Path scoredParquet = workDir.resolve("scored_reviews.parquet");
            QueryMetrics score = scored.write().mode(SaveMode.OVERWRITE).parquet(scoredParquet.toString());
            DataFrame written = session.read().parquet(scoredParquet.toString());

            DataFrame perProduct = written.groupBy(col("product"))
                    .agg(
                            count(col("review_id")).as("reviews"),
                            avg(col("rating")).as("avg_rating"),
                            sum(when(col("sentiment").equalTo("positive"), lit(1))
                                            .otherwise(lit(0)))
                                    .as("positive"),
                            sum(when(col("sentiment").equalTo("negative"), lit(1))
                                            .otherwise(lit(0)))
                                    .as("negative"),
                            Semantic.reduce(SUMMARY, col("text")).as("summary"));
            Path summaryParquet = workDir.resolve("product_summaries.parquet");
            QueryMetrics summarize = perProduct.write().mode(SaveMode.OVERWRITE).parquet(summaryParquet.toString());

            List<Row> perProductRows = session.read()
                    .parquet(summaryParquet.toString())
                    .orderBy(col("product").asc())
                    .collectAsList();
            List<Row> reviewRows = written.select("review_id", "product", "rating", "sentiment")
                    .orderBy(col("review_id").asc())
                    .collectAsList();

            out.println("Sentiment of " + reviewRows.size() + " reviews, per product:");
            ExampleKit.printRows(out, perProductRows, "product", "reviews", "avg_rating", "positive", "negative");
            out.println();
            out.println("What customers say (semantic.reduce over each product's reviews):");
            for (Row r : perProductRows) {
                out.println("  " + r.getString("product") + ": " + r.getString("summary"));
            }
            out.println();
            ModelUsage usage = ExampleKit.printUsage(out, List.of(score, summarize));
            return new Result(reviewRows, perProductRows, usage);
        }
    }

    /**
     * Runs the example.
     *
     * @param args an optional work directory (default {@code target/examples/review-insights})
     */
    public static void main(String[] args) {
        ExampleKit.main(
                "Review insights",
                args,
                "target/examples/review-insights",
                (dir, model) -> run(dir, model, System.out));
    }
}
