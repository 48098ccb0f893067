package dev.quarry.local.semantic.vector;

import dev.quarry.QuarryException;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.semantic.vector.EmbeddingReader.Embeddings;
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
 * Runs a {@link SimilarityJoin} over two DuckDB temporary tables.
 *
 * <p><b>Input</b>: each table holds exactly the columns of its side's plan
 * ({@code node.left().schema()}, {@code node.right().schema()}), in order. DuckDB's {@code rowid}
 * pseudo-column is the row order: ties in similarity go to the right row with the lower rowid.
 *
 * <p><b>Work</b>: the two embedding columns are read in one streaming pass each through DuckDB's
 * chunked result API (only the row ids and the vectors reach the heap), {@link TopK} finds each
 * left row's {@code k} best right rows, and the pairs {@code (left rowid, right rowid, rank, similarity)} are appended to a
 * temporary table with DuckDB's appender. A row whose embedding is null, holds a null element or a
 * non-finite value matches nothing on either side.
 *
 * <p><b>Output</b>: a new temporary table named {@code quarry_simjoin_N} (or the name given) with
 * exactly {@code node.schema()}'s columns in order (left columns, right columns, similarity) built
 * by joining the pairs back to both inputs, ordered by left row, then rank (most similar first).
 * The pairs table is dropped before returning; the inputs are not touched. The caller owns the
 * result table and may drop it when the query ends.
 *
 * <pre>{@code
 * String table = new SimilarityJoinExecutor(connection).execute(node, "left_input", "right_input");
 * ResultSet rs = statement.executeQuery("SELECT * FROM " + Sql.identifier(table));
 * }</pre>
 */
public final class SimilarityJoinExecutor {
    private final Connection connection;
    private final ForkJoinPool pool;

    /**
     * An executor on a DuckDB connection, computing on the shared vector pool.
     *
     * <pre>{@code SimilarityJoinExecutor executor = new SimilarityJoinExecutor(connection);}</pre>
     *
     * @param connection a DuckDB connection (an {@code org.duckdb.DuckDBConnection}); not closed
     */
    public SimilarityJoinExecutor(Connection connection) {
        this(connection, Parallel.shared());
    }

    /**
     * An executor on a DuckDB connection, computing on the given pool.
     *
     * <pre>{@code SimilarityJoinExecutor executor = new SimilarityJoinExecutor(connection, new ForkJoinPool(2));}</pre>
     *
     * @param connection a DuckDB connection (an {@code org.duckdb.DuckDBConnection}); not closed
     * @param pool where the top-k search runs
     */
    public SimilarityJoinExecutor(Connection connection, ForkJoinPool pool) {
        this.connection = Objects.requireNonNull(connection, "connection is null");
        this.pool = Objects.requireNonNull(pool, "pool is null");
    }

    /**
     * Runs the join into a new temporary table named {@code quarry_simjoin_N}.
     *
     * <pre>{@code String table = executor.execute(node, "left_input", "right_input");}</pre>
     *
     * @param node the plan node
     * @param leftTable the raw name of the temporary table holding the left input
     * @param rightTable the raw name of the temporary table holding the right input
     * @return the raw name of the new table holding {@code node.schema()}'s columns
     * @throws QuarryException when DuckDB fails (translated by {@link DuckErrors})
     */
    public String execute(SimilarityJoin node, String leftTable, String rightTable) {
        return execute(node, leftTable, rightTable, VectorTables.newName("quarry_simjoin_"));
    }

    /**
     * Runs the join into a new temporary table of the given name.
     *
     * <pre>{@code executor.execute(node, "left_input", "right_input", "matches");}</pre>
     *
     * @param node the plan node
     * @param leftTable the raw name of the temporary table holding the left input
     * @param rightTable the raw name of the temporary table holding the right input
     * @param outputTable the raw name of the table to create
     * @return {@code outputTable}
     * @throws QuarryException when DuckDB fails (translated by {@link DuckErrors})
     */
    public String execute(SimilarityJoin node, String leftTable, String rightTable, String outputTable) {
        Objects.requireNonNull(node, "node is null");
        Objects.requireNonNull(leftTable, "leftTable is null");
        Objects.requireNonNull(rightTable, "rightTable is null");
        Objects.requireNonNull(outputTable, "outputTable is null");
        int d = ((EmbeddingType)
                        node.left().schema().field(node.leftEmbedding()).type())
                .dimensions();
        String leftColumn = node.left().schema().field(node.leftEmbedding()).name();
        String rightColumn = node.right().schema().field(node.rightEmbedding()).name();
        Embeddings left = EmbeddingReader.read(
                connection, leftTable, leftColumn, d, "left input of the similarity join on '" + leftColumn + "'");
        Embeddings right = EmbeddingReader.read(
                connection, rightTable, rightColumn, d, "right input of the similarity join on '" + rightColumn + "'");
        TopK.Result matches = TopK.search(left.vectors(), right.vectors(), node.k(), node.metric(), pool);
        String pairs = VectorTables.newName("quarry_simjoin_pairs_");
        try {
            writePairs(pairs, left, right, matches);
            VectorTables.execute(
                    connection,
                    "CREATE TEMP TABLE " + Sql.identifier(outputTable) + " AS "
                            + outputQuery(node, pairs, leftTable, rightTable),
                    "storing the result of the similarity join");
        } finally {
            VectorTables.dropQuietly(connection, pairs);
        }
        return outputTable;
    }

    private void writePairs(String pairs, Embeddings left, Embeddings right, TopK.Result matches) {
        String doing = "storing the pairs of the similarity join";
        try (DuckDBAppender appender =
                VectorTables.create(connection, pairs, "l BIGINT, r BIGINT, rank INTEGER, similarity DOUBLE", doing)) {
            for (int i = 0; i < matches.leftRows(); i++) {
                long leftId = left.rowId(i);
                for (int rank = 0; rank < matches.count(i); rank++) {
                    appender.beginRow();
                    appender.append(leftId);
                    appender.append(right.rowId(matches.index(i, rank)));
                    appender.append(rank);
                    appender.append(matches.similarity(i, rank));
                    appender.endRow();
                }
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, false);
        }
    }

    /** Left columns, right columns and the similarity, named as in the node's schema. */
    static String outputQuery(SimilarityJoin node, String pairs, String leftTable, String rightTable) {
        List<StructField> out = node.schema().fields();
        List<StructField> leftFields = node.left().schema().fields();
        List<StructField> rightFields = node.right().schema().fields();
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        int i = 0;
        for (StructField f : leftFields) {
            select.add("l." + Sql.identifier(f.name()) + " AS "
                    + Sql.identifier(out.get(i++).name()));
        }
        for (StructField f : rightFields) {
            select.add("r." + Sql.identifier(f.name()) + " AS "
                    + Sql.identifier(out.get(i++).name()));
        }
        select.add("p.similarity AS " + Sql.identifier(out.get(i).name()));
        return select + " FROM " + Sql.identifier(pairs) + " AS p"
                + " JOIN " + Sql.identifier(leftTable) + " AS l ON l.rowid = p.l"
                + " JOIN " + Sql.identifier(rightTable) + " AS r ON r.rowid = p.r"
                + " ORDER BY p.l, p.rank";
    }
}
