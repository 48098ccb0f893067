package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.functions.SemanticOptions;
import dev.quarry.internal.analyzer.SemanticCalls;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SimilarityJoin;

/**
 * The semantic operators over whole DataFrames ({@link DataFrame#semantic()}): joins judged by a
 * model, joins by embedding similarity, and clustering. Each call is checked at once and returns a
 * new lazy DataFrame.
 *
 * <pre>{@code
 * DataFrame candidates = companies.semantic()
 *         .simJoin(listings, col("name_emb"), col("title_emb"), 3);
 * DataFrame matches = companies.semantic()
 *         .join(listings, "Is {{ left.name }} the company selling {{ right.title }}?");
 * DataFrame clustered = feedback.semantic().withClusterLabels(col("embedding"), 8);
 * }</pre>
 */
public final class SemanticFrame {
    /** The pairs {@link #join(DataFrame, String)} judges at most, unless told otherwise. */
    public static final long DEFAULT_MAX_PAIRS = 10_000;

    /** The name of the column {@link #simJoin} adds. */
    public static final String SIMILARITY_COLUMN = "similarity";

    /** The name of the column {@link #withClusterLabels} adds. */
    public static final String CLUSTER_LABEL_COLUMN = "cluster_label";

    /** The seed of {@link #withClusterLabels(Column, int)}. */
    public static final long DEFAULT_SEED = 42;

    private final DataFrame frame;

    SemanticFrame(DataFrame frame) {
        this.frame = frame;
    }

    // ------------------------------------------------------------------ semantic join

    /**
     * Keeps the pairs of this DataFrame's rows and {@code right}'s rows for which the model judges
     * the prompt true; the template reads {@code {{ left.column }}} and {@code {{ right.column }}}.
     * The output has this DataFrame's columns, then the right's (names must differ). Every pair is
     * judged, so the join refuses to start above {@value #DEFAULT_MAX_PAIRS} pairs: narrow the
     * candidates first, e.g. with {@link #simJoin}. A pair with a null in a column the template
     * reads is not kept and sends no request.
     *
     * <pre>{@code
     * DataFrame matches = jobs.semantic().join(candidates,
     *         "Does {{ right.name }}, who knows {{ right.skills }}, fit the job {{ left.title }}?");
     * }</pre>
     *
     * @param right the right side
     * @param template a Jinja template reading {@code left.<column>} and {@code right.<column>}
     * @return the joined DataFrame
     */
    public DataFrame join(DataFrame right, String template) {
        return join(right, template, SemanticOptions.defaults(), DEFAULT_MAX_PAIRS);
    }

    /**
     * Like {@link #join(DataFrame, String)}, with options.
     *
     * <pre>{@code left.semantic().join(right, "Same product? {{ left.title }} / {{ right.title2 }}", SemanticOptions.model("claude"))}</pre>
     *
     * @param right the right side
     * @param template a Jinja template reading {@code left.<column>} and {@code right.<column>}
     * @param options model, temperature, output cap, examples (inputs {@code left} and {@code right}), timeout
     * @return the joined DataFrame
     */
    public DataFrame join(DataFrame right, String template, SemanticOptions options) {
        return join(right, template, options, DEFAULT_MAX_PAIRS);
    }

    /**
     * Like {@link #join(DataFrame, String, SemanticOptions)}, refusing to start above
     * {@code maxPairs} pairs instead of {@value #DEFAULT_MAX_PAIRS}.
     *
     * <pre>{@code left.semantic().join(right, "Same product? {{ left.title }} / {{ right.title2 }}", SemanticOptions.defaults(), 50_000)}</pre>
     *
     * @param right the right side
     * @param template a Jinja template reading {@code left.<column>} and {@code right.<column>}
     * @param options model, temperature, output cap, examples, timeout
     * @param maxPairs the most pairs the join may judge, at least 1
     * @return the joined DataFrame
     */
    public DataFrame join(DataFrame right, String template, SemanticOptions options, long maxPairs) {
        Session session = frame.session();
        session.checkOwn(right, "semantic().join");
        requireNonNull(options, "options is null");
        SemanticSpec spec = SemanticCalls.joinSpec(template, options);
        LogicalPlan joined =
                session.planBuilder().semanticJoin(frame.logicalPlan(), right.logicalPlan(), spec, maxPairs);
        return session.newFrame(joined, frame, right);
    }

    // ------------------------------------------------------------------ similarity join

    /**
     * For every row of this DataFrame, the {@code k} rows of {@code right} whose embeddings are
     * most similar by cosine similarity (exact top-k), with their similarity in a {@code similarity}
     * column (double). The output has this DataFrame's columns, the right's, then
     * {@code similarity}. Rows with a null embedding find no match. Both embedding columns must
     * have the same dimensions.
     *
     * <pre>{@code
     * DataFrame candidates = companies.semantic()
     *         .simJoin(listings, companies.col("name_emb"), listings.col("title_emb"), 5);
     * }</pre>
     *
     * @param right the right side
     * @param leftEmbedding an embedding column of this DataFrame
     * @param rightEmbedding an embedding column of {@code right}
     * @param k matches per left row, at least 1
     * @return the joined DataFrame
     */
    public DataFrame simJoin(DataFrame right, Column leftEmbedding, Column rightEmbedding, int k) {
        return simJoin(right, leftEmbedding, rightEmbedding, k, SimilarityMetric.COSINE, SIMILARITY_COLUMN);
    }

    /**
     * Like {@link #simJoin(DataFrame, Column, Column, int)} with another similarity measure.
     *
     * <pre>{@code a.semantic().simJoin(b, col("emb"), col("emb_b"), 5, SimilarityMetric.DOT)}</pre>
     *
     * @param right the right side
     * @param leftEmbedding an embedding column of this DataFrame
     * @param rightEmbedding an embedding column of {@code right}
     * @param k matches per left row, at least 1
     * @param metric how similarity is measured
     * @return the joined DataFrame
     */
    public DataFrame simJoin(
            DataFrame right, Column leftEmbedding, Column rightEmbedding, int k, SimilarityMetric metric) {
        return simJoin(right, leftEmbedding, rightEmbedding, k, metric, SIMILARITY_COLUMN);
    }

    /**
     * Like {@link #simJoin(DataFrame, Column, Column, int, SimilarityMetric)}, naming the similarity column.
     *
     * <pre>{@code a.semantic().simJoin(b, col("emb"), col("emb_b"), 5, SimilarityMetric.L2, "closeness")}</pre>
     *
     * @param right the right side
     * @param leftEmbedding an embedding column of this DataFrame
     * @param rightEmbedding an embedding column of {@code right}
     * @param k matches per left row, at least 1
     * @param metric how similarity is measured
     * @param similarityColumn the name of the similarity column
     * @return the joined DataFrame
     */
    public DataFrame simJoin(
            DataFrame right,
            Column leftEmbedding,
            Column rightEmbedding,
            int k,
            SimilarityMetric metric,
            String similarityColumn) {
        Session session = frame.session();
        session.checkOwn(right, "semantic().simJoin");
        requireNonNull(leftEmbedding, "leftEmbedding is null");
        requireNonNull(rightEmbedding, "rightEmbedding is null");
        requireNonNull(metric, "metric is null");
        LogicalPlan joined = session.planBuilder()
                .similarityJoin(
                        frame.logicalPlan(),
                        right.logicalPlan(),
                        frame.own(leftEmbedding.expression()),
                        right.own(rightEmbedding.expression()),
                        k,
                        SimilarityJoin.Metric.valueOf(metric.name()),
                        similarityColumn);
        return session.newFrame(joined, frame, right);
    }

    // ------------------------------------------------------------------ clustering

    /**
     * Adds a {@code cluster_label} column (int, 0 to k-1): the cluster of each row's embedding
     * among {@code k} clusters found by k-means++ with a fixed seed, so the same data gives the
     * same labels. A null embedding gives a null label.
     *
     * <pre>{@code feedback.semantic().withClusterLabels(col("embedding"), 8)}</pre>
     *
     * @param embedding an embedding column
     * @param k the number of clusters, at least 1
     * @return the DataFrame with {@code cluster_label}
     */
    public DataFrame withClusterLabels(Column embedding, int k) {
        return withClusterLabels(embedding, k, DEFAULT_SEED, null);
    }

    /**
     * Like {@link #withClusterLabels(Column, int)}, with a seed for k-means++.
     *
     * <pre>{@code feedback.semantic().withClusterLabels(col("embedding"), 8, 7L)}</pre>
     *
     * @param embedding an embedding column
     * @param k the number of clusters, at least 1
     * @param seed the random seed
     * @return the DataFrame with {@code cluster_label}
     */
    public DataFrame withClusterLabels(Column embedding, int k, long seed) {
        return withClusterLabels(embedding, k, seed, null);
    }

    /**
     * Like {@link #withClusterLabels(Column, int, long)}, also adding each row's cluster centroid
     * (an embedding of the same type) as {@code centroidColumn}.
     *
     * <pre>{@code feedback.semantic().withClusterLabels(col("embedding"), 8, 42L, "centroid")}</pre>
     *
     * @param embedding an embedding column
     * @param k the number of clusters, at least 1
     * @param seed the random seed
     * @param centroidColumn the name of the centroid column, or null for none
     * @return the DataFrame with {@code cluster_label} (and the centroid)
     */
    public DataFrame withClusterLabels(Column embedding, int k, long seed, String centroidColumn) {
        requireNonNull(embedding, "embedding is null");
        LogicalPlan clustered = frame.session()
                .planBuilder()
                .clusterLabels(
                        frame.logicalPlan(),
                        frame.own(embedding.expression()),
                        k,
                        seed,
                        CLUSTER_LABEL_COLUMN,
                        centroidColumn);
        return frame.session().newFrame(clustered, frame);
    }

    @Override
    public String toString() {
        return "SemanticFrame[" + frame + "]";
    }
}
