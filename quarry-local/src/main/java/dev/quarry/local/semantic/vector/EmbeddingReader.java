package dev.quarry.local.semantic.vector;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.DuckDBReadableVector;

/**
 * Reads one embedding column of a DuckDB table into a compact {@link VectorMatrix}, in one
 * streaming pass, together with each vector's row id (DuckDB's {@code rowid}, the table's row
 * order). Only the ids and the vectors reach the Java heap, never the table's other columns.
 *
 * <p>The vectors arrive through DuckDB's chunked result API as one {@code FLOAT} column per
 * dimension ({@code emb[1], emb[2], ...}), which reads primitive floats straight from DuckDB's
 * vectors instead of boxing every value. A row whose embedding is null, holds a null element or a
 * non-finite value (NaN, infinity) is left out; {@link Embeddings#skipped()} counts those with a
 * non-null embedding.
 */
final class EmbeddingReader {
    private EmbeddingReader() {}

    /** The vectors of one column and the row id of each, in row id order. */
    static final class Embeddings {
        private final long[] rowIds;
        private final VectorMatrix vectors;
        private final long skipped;

        Embeddings(long[] rowIds, VectorMatrix vectors, long skipped) {
            this.rowIds = rowIds;
            this.vectors = vectors;
            this.skipped = skipped;
        }

        /** The row id of vector {@code i}. */
        long rowId(int i) {
            return rowIds[i];
        }

        /** The vectors, row {@code i} for {@link #rowId(int) rowId(i)}. */
        VectorMatrix vectors() {
            return vectors;
        }

        /** Rows left out for a null element or a non-finite value. */
        long skipped() {
            return skipped;
        }

        int size() {
            return rowIds.length;
        }
    }

    /**
     * Reads the non-null, finite embeddings of a column.
     *
     * @param connection a DuckDB connection
     * @param table the raw table name
     * @param column the raw column name, of DuckDB type {@code FLOAT[dimensions]}
     * @param dimensions the embedding length
     * @param what what the table is, for messages (e.g. {@code the left input of a similarity join})
     * @return the ids and vectors
     */
    static Embeddings read(Connection connection, String table, String column, int dimensions, String what) {
        String from = " FROM " + Sql.identifier(table);
        String col = Sql.identifier(column);
        checkType(connection, from, col, column, dimensions, what);
        long present = count(connection, "SELECT count(*)" + from + " WHERE " + col + " IS NOT NULL", what);
        if (present * dimensions > Integer.MAX_VALUE - 16) {
            throw new QuarryException(
                    ErrorCode.UNSUPPORTED_OPERATION,
                    "The " + what + " holds " + present + " embeddings of " + dimensions + " dimensions in '" + column
                            + "', more than the " + (Integer.MAX_VALUE / dimensions)
                            + " that fit in one in-memory matrix; filter or sample the rows first");
        }
        int capacity = (int) present;
        long[] ids = new long[capacity];
        float[] data = new float[capacity * dimensions];
        StringBuilder sql = new StringBuilder("SELECT rowid");
        for (int t = 1; t <= dimensions; t++) {
            sql.append(", ").append(col).append('[').append(t).append(']');
        }
        sql.append(from).append(" WHERE ").append(col).append(" IS NOT NULL ORDER BY rowid");
        int n = 0;
        long skipped = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql.toString());
                DuckDBChunkedResult result =
                        ps.unwrap(DuckDBPreparedStatement.class).query()) {
            DuckDBReadableVector[] columns = new DuckDBReadableVector[dimensions];
            while (result.nextChunk()) {
                DuckDBDataChunkReader chunk = result.chunk();
                int rows = (int) chunk.rowCount();
                DuckDBReadableVector idColumn = chunk.vector(0);
                for (int t = 0; t < dimensions; t++) {
                    columns[t] = chunk.vector(t + 1);
                }
                for (int r = 0; r < rows; r++) {
                    if (n == capacity) {
                        throw new QuarryException(
                                ErrorCode.INTERNAL_ERROR,
                                "The " + what + " changed while its embeddings were read: more than " + capacity
                                        + " non-null rows");
                    }
                    int base = n * dimensions;
                    boolean valid = true;
                    for (int t = 0; t < dimensions; t++) {
                        DuckDBReadableVector v = columns[t];
                        if (v.isNull(r)) {
                            valid = false;
                            break;
                        }
                        float value = v.getFloat(r);
                        if (!Float.isFinite(value)) {
                            valid = false;
                            break;
                        }
                        data[base + t] = value;
                    }
                    if (valid) {
                        ids[n++] = idColumn.getLong(r);
                    } else {
                        skipped++;
                    }
                }
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "reading the embeddings of the " + what, false);
        }
        if (n < capacity) {
            ids = Arrays.copyOf(ids, n);
            data = Arrays.copyOf(data, n * dimensions);
        }
        return new Embeddings(ids, new VectorMatrix(data, n, dimensions), skipped);
    }

    private static void checkType(
            Connection connection, String from, String col, String column, int dimensions, String what) {
        String expected = "FLOAT[" + dimensions + "]";
        String actual;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + col + from + " LIMIT 0")) {
            actual = rs.getMetaData().getColumnTypeName(1);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "reading the embeddings of the " + what, false);
        }
        if (!expected.equals(actual.replace(" ", "").toUpperCase(Locale.ROOT))) {
            throw new QuarryException(
                    ErrorCode.INTERNAL_ERROR,
                    "Column '" + column + "' of the " + what + " has DuckDB type " + actual + ", expected " + expected
                            + " for an embedding of " + dimensions + " dimensions");
        }
    }

    private static long count(Connection connection, String sql, String what) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "counting the embeddings of the " + what, false);
        }
    }
}
