package dev.quarry.local.semantic.vector;

import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Temporary tables of the vector executors: unique names, creation, appenders and clean-up. */
final class VectorTables {
    private static final AtomicLong COUNTER = new AtomicLong();

    private VectorTables() {}

    /** A table name not used before in this JVM, e.g. {@code quarry_simjoin_3}. */
    static String newName(String prefix) {
        return prefix + COUNTER.incrementAndGet();
    }

    /** Runs one statement. */
    static void execute(Connection connection, String sql, String doing) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, false);
        }
    }

    /** Creates a temporary table with the given column definitions and opens an appender on it. */
    static DuckDBAppender create(Connection connection, String table, String columns, String doing) {
        execute(connection, "CREATE TEMP TABLE " + Sql.identifier(table) + " (" + columns + ")", doing);
        try {
            return connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", table);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, doing, false);
        }
    }

    /** Drops a temporary table if it exists, ignoring failures (used on the way out). */
    static void dropQuietly(Connection connection, String table) {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS temp.main." + Sql.identifier(table));
        } catch (SQLException ignored) {
            // the table goes away with the connection anyway
        }
    }
}
