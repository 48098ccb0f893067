package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.JoinType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For every left row, the {@code k} most similar right rows by their embeddings (exact top-k).
 * Output: left columns, right columns, then {@code similarityColumn} (double; higher is more
 * similar; for L2 it is the negated distance). Rows with a null embedding on either side find no
 * match.
 *
 * @param left the left input
 * @param right the right input
 * @param leftEmbedding the left embedding column
 * @param rightEmbedding the right embedding column (same dimensions)
 * @param k how many matches per left row, at least 1
 * @param metric the similarity measure
 * @param similarityColumn the name of the similarity output column
 * @param schema computed from the inputs
 */
public record SimilarityJoin(
        LogicalPlan left,
        LogicalPlan right,
        String leftEmbedding,
        String rightEmbedding,
        int k,
        Metric metric,
        String similarityColumn,
        Schema schema)
        implements LogicalPlan {
    /** How similarity is measured. */
    public enum Metric {
        COSINE,
        DOT,
        L2
    }

    /** Validates and computes the schema. */
    public SimilarityJoin {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(leftEmbedding, "leftEmbedding is null");
        requireNonNull(rightEmbedding, "rightEmbedding is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(similarityColumn, "similarityColumn is null");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        StructField l = left.schema().field(leftEmbedding);
        StructField r = right.schema().field(rightEmbedding);
        if (!(l.type() instanceof EmbeddingType le) || !(r.type() instanceof EmbeddingType re)) {
            throw new IllegalArgumentException("similarity join needs embedding columns, got " + l + " and " + r);
        }
        if (le.dimensions() != re.dimensions()) {
            throw new IllegalArgumentException(
                    "embedding dimensions differ: " + le.dimensions() + " and " + re.dimensions());
        }
        Schema joined = Join.outputSchema(left.schema(), right.schema(), JoinType.INNER, List.of());
        List<StructField> fields = new ArrayList<>(joined.fields());
        fields.add(new StructField(similarityColumn, ScalarType.DOUBLE, false));
        schema = new Schema(fields);
    }

    /** A similarity join whose schema is computed. */
    public SimilarityJoin(
            LogicalPlan left,
            LogicalPlan right,
            String leftEmbedding,
            String rightEmbedding,
            int k,
            Metric metric,
            String similarityColumn) {
        this(left, right, leftEmbedding, rightEmbedding, k, metric, similarityColumn, null);
    }

    /**
     * The operator's name in metrics and usage tables, after its similarity column.
     *
     * <pre>{@code String shown = join.label(); // "semantic.simJoin(score)"}</pre>
     *
     * @return the label
     */
    public String label() {
        return "semantic.simJoin(" + similarityColumn + ")";
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 2, "SimilarityJoin");
        return new SimilarityJoin(
                children.get(0), children.get(1), leftEmbedding, rightEmbedding, k, metric, similarityColumn);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSimilarityJoin(this);
    }

    @Override
    public String details() {
        return "top " + k + " by " + metric.name().toLowerCase(Locale.ROOT) + " " + leftEmbedding + " ~ "
                + rightEmbedding + " as " + similarityColumn;
    }
}
