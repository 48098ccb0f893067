package dev.quarry.examples;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;

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
 * Feedback clustering: app feedback comments are embedded in process ({@code Semantic.embed},
 * all-MiniLM-L6-v2, no request), grouped into {@value #CLUSTERS} clusters by seeded k-means++
 * ({@code semantic().withClusterLabels}), written as Parquet, and each cluster is reduced to the
 * theme its comments share ({@code groupBy(cluster_label).agg(Semantic.reduce(...))}): one request
 * per cluster instead of one per comment.
 *
 * <p>The bundled {@code feedback.csv} holds 90 comments about a to-do app. Without a provider key in
 * the environment the example runs against the LLM simulator.
 *
 * <pre>
 * mvn -q -pl quarry-examples exec:java -Dexec.mainClass=dev.quarry.examples.FeedbackClustering [-Dexec.args=work-dir]
 * </pre>
 */
public final class FeedbackClustering {
    private FeedbackClustering() {}

    /** How many clusters the comments are grouped into. */
    public static final int CLUSTERS = 6;

    /** The reduce instruction applied to each cluster. */
    public static final String THEME =
            "In one sentence, name the theme these app feedback comments share and what users ask for.";

    /**
     * What the example found.
     *
     * @param comments every comment with its cluster: feedback_id, text, cluster_label
     * @param themes per cluster: cluster_label, comments, theme (largest first)
     * @param languageModel the language-model usage of the whole run
     */
    public record Result(List<Row> comments, List<Row> themes, ModelUsage languageModel) {
        /** Copies the lists. */
        public Result {
            comments = List.copyOf(comments);
            themes = List.copyOf(themes);
        }
    }

    /**
     * Clusters the bundled feedback and names each cluster's theme with {@code model}.
     *
     * <pre>{@code FeedbackClustering.Result r = FeedbackClustering.run(Path.of("work"), model, System.out);}</pre>
     *
     * @param workDir where the data, the session's cache and the Parquet output go
     * @param model the language model
     * @param out where the tables and metrics are printed
     * @return the clustered comments, the themes and the model usage
     */
    public static Result run(Path workDir, LanguageModelConfig model, PrintStream out) {
        Path csv = ExampleData.copyTo(workDir, "feedback.csv");
        try (Session session = ExampleKit.session("feedback-clustering", workDir, model)) {
            DataFrame feedback = session.read().csv(csv.toString());
            DataFrame clustered = feedback.withColumn("embedding", Semantic.embed(col("text")))
                    .semantic()
                    .withClusterLabels(col("embedding"), CLUSTERS);

            Path clusteredParquet = workDir.resolve("clustered_feedback.parquet");
            QueryMetrics cluster = clustered.write().mode(SaveMode.OVERWRITE).parquet(clusteredParquet.toString());
            DataFrame written = session.read().parquet(clusteredParquet.toString());

            Path themesParquet = workDir.resolve("feedback_themes.parquet");
            QueryMetrics reduce = written.groupBy(col("cluster_label"))
                    .agg(
                            count(col("feedback_id")).as("comments"),
                            Semantic.reduce(THEME, col("text")).as("theme"))
                    .write()
                    .mode(SaveMode.OVERWRITE)
                    .parquet(themesParquet.toString());

            List<Row> themes = session.read()
                    .parquet(themesParquet.toString())
                    .orderBy(col("comments").desc(), col("cluster_label").asc())
                    .collectAsList();
            List<Row> comments = written.select("feedback_id", "text", "cluster_label")
                    .orderBy(col("feedback_id").asc())
                    .collectAsList();

            out.println(comments.size() + " feedback comments in " + themes.size() + " clusters:");
            ExampleKit.printRows(out, themes, "cluster_label", "comments", "theme");
            out.println();
            ModelUsage usage = ExampleKit.printUsage(out, List.of(cluster, reduce));
            return new Result(comments, themes, usage);
        }
    }

    /**
     * Runs the example.
     *
     * @param args an optional work directory (default {@code target/examples/feedback-clustering})
     */
    public static void main(String[] args) {
        ExampleKit.main(
                "Feedback clustering",
                args,
                "target/examples/feedback-clustering",
                (dir, model) -> run(dir, model, System.out));
    }
}
