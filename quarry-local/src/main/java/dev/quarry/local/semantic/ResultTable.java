package dev.quarry.local.semantic;

import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.io.RowLoader;
import dev.quarry.local.sql.DuckTypes;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A temporary table of computed values keyed by row id, {@code (rid BIGINT, value <type>)}, filled
 * through DuckDB's appender (typed values, no SQL text, no per-row statements). Rows whose value is
 * null are simply not appended: the executor joins the table to its input with a left join. Use
 * from one thread.
 */
final class ResultTable implements AutoCloseable {
    private final String name;
    private final DataType type;
    private final DuckDBAppender appender;

    private ResultTable(String name, DataType type, DuckDBAppender appender) {
        this.name = name;
        this.type = type;
        this.appender = appender;
    }

    /**
     * Creates the table and opens its appender.
     *
     * @param connection the session's connection
     * @param name the raw table name
     * @param type the type of the values
     * @return the open table
     */
    static ResultTable create(DuckDBConnection connection, String name, DataType type) {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE " + Sql.identifier(name) + " (rid BIGINT, value " + storageType(type) + ")");
            return new ResultTable(name, type, connection.createAppender("temp", "main", name));
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "creating a table for model results", false);
        }
    }

    /**
     * The SQL type the values are stored as. Embeddings are stored as a list and cast to their
     * fixed-size array type when read: DuckDB 2.0.0.1 fails a left join that pads a fixed-size
     * array column with null next to a text column ("Cannot cast list with length 0 to array").
     */
    private static String storageType(DataType type) {
        return type instanceof EmbeddingType ? "FLOAT[]" : DuckTypes.toSql(type);
    }

    /**
     * The SQL reading the value column through a table alias, in the value's type.
     *
     * @param alias the alias the table has in the query
     * @return SQL text
     */
    String select(String alias) {
        String value = alias + ".value";
        return type instanceof EmbeddingType ? "CAST(" + value + " AS " + DuckTypes.toSql(type) + ")" : value;
    }

    /** The raw table name. */
    String name() {
        return name;
    }

    /**
     * Appends one value.
     *
     * @param rid the input row id
     * @param value the Java value of the table's type (not null)
     */
    void append(long rid, Object value) {
        try {
            appender.beginRow();
            appender.append(rid);
            RowLoader.appendValue(appender, value, type);
            appender.endRow();
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "storing a model result", false);
        }
    }

    @Override
    public void close() {
        try {
            appender.close();
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "storing model results", false);
        }
    }
}
