package dev.quarry.local.semantic;

import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.sql.Sql;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** A temporary table of matched key pairs {@code (lk BIGINT, rk BIGINT)}, filled through the appender. */
final class PairTable implements AutoCloseable {
    private final DuckDBAppender appender;

    private PairTable(DuckDBAppender appender) {
        this.appender = appender;
    }

    static PairTable create(DuckDBConnection connection, String name) {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE " + Sql.identifier(name) + " (lk BIGINT, rk BIGINT)");
            return new PairTable(connection.createAppender("temp", "main", name));
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "creating the pair table of a semantic join", false);
        }
    }

    void append(long left, long right) {
        try {
            appender.beginRow().append(left).append(right).endRow();
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "storing a matched pair", false);
        }
    }

    @Override
    public void close() {
        try {
            appender.close();
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "storing matched pairs", false);
        }
    }
}
