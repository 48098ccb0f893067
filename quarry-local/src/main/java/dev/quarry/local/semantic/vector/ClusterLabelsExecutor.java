package dev.quarry.local.semantic.vector;

import dev.quarry.QuarryException;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.semantic.vector.EmbeddingReader.Embeddings;
import dev.quarry.local.sql.DuckTypes;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.StructField;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ForkJoinPool;
import org.duckdb.DuckDBAppender;

/**
 * Runs a {@link ClusterLabels} node over a DuckDB temporary table.
 *
 * <p><b>Input</b>: the table holds exactly {@code node.child().schema()}'s columns, in order;
 * DuckDB's {@code rowid} pseudo-column is the row order.
 *
 * <p><b>Work</b>: the embedding column is read in one streaming pass through DuckDB's chunked
 * result API (only row ids and vectors reach the heap) and clustered with {@link KMeans} (seeded
 * k-means++, then Lloyd iterations up to {@code node.maxIterations()}); labels, and centroids when asked for, are
 * appended to temporary tables with DuckDB's appender.
 *
 * <ul>
 *   <li>Distances are Euclidean between the embeddings as stored; for unit-length embeddings (what
 *       most embedding models produce) nearest by Euclidean distance is nearest by cosine.
 *   <li>A row whose embedding is null, holds a null element or a non-finite value gets a null
 *       label (and a null centroid); the other rows are clustered without it.
 *   <li><b>Fewer rows than k</b>: when the rows with an embedding hold fewer than {@code k}
 *       distinct vectors, there are that many clusters, labelled {@code 0 .. n - 1}, one per
 *       distinct vector, instead of an error; no rows at all give only null labels.
 *   <li>The same input, {@code k}, seed and {@code maxIterations} give the same labels on every
 *       run and machine size.
 * </ul>
 *
 * <p><b>Output</b>: a new temporary table named {@code quarry_clusters_N} (or the name given) with
 * exactly {@code node.schema()}'s columns (the child's, the label, the centroid if asked for), in
 * the input's row order. Intermediate tables are dropped before returning; the caller owns the
 * result table.
 *
 * <pre>{@code
 * String table = new ClusterLabelsExecutor(connection).execute(node, "input");
 * }</pre>
 */
public final class ClusterLabelsExecutor {
    private final Connection connection;
    private final ForkJoinPool pool;

    /**
     * An executor on a DuckDB connection, computing on the shared vector pool.
     *
     * <pre>{@code ClusterLabelsExecutor executor = new ClusterLabelsExecutor(connection);}</pre>
     *
     * @param connection a DuckDB connection (an {@code org.duckdb.DuckDBConnection}); not closed
     */
    public ClusterLabelsExecutor(Connection connection) {
        this(connection, Parallel.shared());
    }

    /**
     * An executor on a DuckDB connection, computing on the given pool.
     *
     * <pre>{@code ClusterLabelsExecutor executor = new ClusterLabelsExecutor(connection, new ForkJoinPool(2));}</pre>
     *
     * @param connection a DuckDB connection (an {@code org.duckdb.DuckDBConnection}); not closed
     * @param pool where the clustering runs
     */
    public ClusterLabelsExecutor(Connection connection, ForkJoinPool pool) {
        this.connection = Objects.requireNonNull(connection, "connection is null");
        this.pool = Objects.requireNonNull(pool, "pool is null");
    }

    /**
     * Clusters into a new temporary table named {@code quarry_clusters_N}.
     *
     * <pre>{@code String table = executor.execute(node, "input");}</pre>
     *
     * @param node the plan node
     * @param inputTable the raw name of the temporary table holding the input
     * @return the raw name of the new table holding {@code node.schema()}'s columns
     * @throws QuarryException when DuckDB fails (translated by {@link DuckErrors})
     */
    public String execute(ClusterLabels node, String inputTable) {
        return execute(node, inputTable, VectorTables.newName("quarry_clusters_"));
    }

    /**
     * Clusters into a new temporary table of the given name.
     *
     * <pre>{@code executor.execute(node, "input", "clustered");}</pre>
     *
     * @param node the plan node
     * @param inputTable the raw name of the temporary table holding the input
     * @param outputTable the raw name of the table to create
     * @return {@code outputTable}
     * @throws QuarryException when DuckDB fails (translated by {@link DuckErrors})
     */
    public String execute(ClusterLabels node, String inputTable, String outputTable) {
        Objects.requireNonNull(node, "node is null");
        Objects.requireNonNull(inputTable, "inputTable is null");
        Objects.requireNonNull(outputTable, "outputTable is null");
        StructField field = node.child().schema().field(node.embeddingColumn());
        EmbeddingType type = (EmbeddingType) field.type();
        Embeddings points = EmbeddingReader.read(
                connection,
                inputTable,
                field.name(),
                type.dimensions(),
                "input of the clustering on '" + field.name() + "'");
        KMeans.Result clusters = KMeans.fit(points.vectors(), node.k(), node.seed(), node.maxIterations(), pool);
        String labels = VectorTables.newName("quarry_clusters_labels_");
        String centroids = node.centroidColumn() == null ? null : VectorTables.newName("quarry_clusters_centroids_");
        try {
            writeLabels(labels, points, clusters);
            if (centroids != null) {
                writeCentroids(centroids, clusters);
            }
            VectorTables.execute(
                    connection,
                    "CREATE TEMP TABLE " + Sql.identifier(outputTable) + " AS "
                            + outputQuery(node, inputTable, labels, centroids),
                    "storing the result of the clustering");
        } finally {
            VectorTables.dropQuietly(connection, labels);
            if (centroids != null) {
                VectorTables.dropQuietly(connection, centroids);
            }
        }
        return outputTable;
    }

    private void writeLabels(String table, Embeddings points, KMeans.Result clusters) {
        String doing = "storing the cluster labels";
        try (DuckDBAppender appender = VectorTables.create(connection, table, "rid BIGINT, label INTEGER", doing)) {
            for (int i = 0; i < points.size(); i++) {
                appender.beginRow();
                appender.append(points.rowId(i));
                appender.append(clusters.label(i));
                appender.endRow();
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, false);
        }
    }

    private void writeCentroids(String table, KMeans.Result clusters) {
        String doing = "storing the cluster centroids";
        // A list column here, cast to the fixed-size array in the output: DuckDB 2.0 fails two chained
        // left joins that carry FLOAT[n] columns from both sides when a row finds no match ("Cannot
        // cast list with length 0 to array"); a FLOAT[] column does not trip it.
        try (DuckDBAppender appender =
                VectorTables.create(connection, table, "label INTEGER, centroid FLOAT[]", doing)) {
            for (int c = 0; c < clusters.clusters(); c++) {
                appender.beginRow();
                appender.append(c);
                appender.append(clusters.centroids().row(c));
                appender.endRow();
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, false);
        }
    }

    /** The input's columns, the label and the centroid, named as in the node's schema. */
    static String outputQuery(ClusterLabels node, String inputTable, String labels, String centroids) {
        List<StructField> out = node.schema().fields();
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        int i = 0;
        for (StructField f : node.child().schema().fields()) {
            select.add("c." + Sql.identifier(f.name()) + " AS "
                    + Sql.identifier(out.get(i++).name()));
        }
        select.add("lb.label AS " + Sql.identifier(out.get(i++).name()));
        StringBuilder from = new StringBuilder(" FROM ")
                .append(Sql.identifier(inputTable))
                .append(" AS c LEFT JOIN ")
                .append(Sql.identifier(labels))
                .append(" AS lb ON lb.rid = c.rowid");
        if (centroids != null) {
            StructField centroid = out.get(i);
            select.add("CAST(ct.centroid AS " + DuckTypes.toSql(centroid.type()) + ") AS "
                    + Sql.identifier(centroid.name()));
            from.append(" LEFT JOIN ").append(Sql.identifier(centroids)).append(" AS ct ON ct.label = lb.label");
        }
        return select + from.toString() + " ORDER BY c.rowid";
    }
}
