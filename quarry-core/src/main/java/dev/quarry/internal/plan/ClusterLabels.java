package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * Assigns each row to one of {@code k} clusters of its embedding with seeded k-means++
 * (deterministic for a seed). Output: the child's columns, {@code labelColumn} (int, 0 to k-1;
 * null for a null embedding) and, when {@code centroidColumn} is not null, the cluster's centroid
 * (same embedding type).
 *
 * @param child the input
 * @param embeddingColumn the embedding column clustered
 * @param k the number of clusters, at least 1
 * @param seed the random seed of k-means++
 * @param maxIterations the most Lloyd iterations, at least 1
 * @param labelColumn the name of the label column
 * @param centroidColumn the name of the centroid column, or null for none
 * @param schema computed from the child
 */
public record ClusterLabels(
        LogicalPlan child,
        String embeddingColumn,
        int k,
        long seed,
        int maxIterations,
        String labelColumn,
        String centroidColumn,
        Schema schema)
        implements LogicalPlan {
    /** Validates and computes the schema. */
    public ClusterLabels {
        requireNonNull(child, "child is null");
        requireNonNull(embeddingColumn, "embeddingColumn is null");
        requireNonNull(labelColumn, "labelColumn is null");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
        StructField e = child.schema().field(embeddingColumn);
        if (!(e.type() instanceof EmbeddingType)) {
            throw new IllegalArgumentException(
                    "column '" + embeddingColumn + "' is " + e.type() + ", not an embedding");
        }
        List<StructField> fields = new ArrayList<>(child.schema().fields());
        fields.add(new StructField(labelColumn, ScalarType.INTEGER, true));
        if (centroidColumn != null) {
            fields.add(new StructField(centroidColumn, e.type(), true));
        }
        schema = new Schema(fields);
    }

    /** A clustering whose schema is computed. */
    public ClusterLabels(
            LogicalPlan child,
            String embeddingColumn,
            int k,
            long seed,
            int maxIterations,
            String labelColumn,
            String centroidColumn) {
        this(child, embeddingColumn, k, seed, maxIterations, labelColumn, centroidColumn, null);
    }

    /**
     * The operator's name in metrics and usage tables, after its label column.
     *
     * <pre>{@code String shown = clusters.label(); // "semantic.withClusterLabels(cluster)"}</pre>
     *
     * @return the label
     */
    public String label() {
        return "semantic.withClusterLabels(" + labelColumn + ")";
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 1, "ClusterLabels");
        return new ClusterLabels(children.get(0), embeddingColumn, k, seed, maxIterations, labelColumn, centroidColumn);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitClusterLabels(this);
    }

    @Override
    public String details() {
        return embeddingColumn + " k=" + k + " seed=" + seed + " -> " + labelColumn
                + (centroidColumn == null ? "" : ", " + centroidColumn);
    }
}
