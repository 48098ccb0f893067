package dev.quarry.local.semantic.vector;

import dev.quarry.Row;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.local.exec.ResultReader;
import dev.quarry.local.io.RowLoader;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.Schema;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/** An in-memory DuckDB with helpers to load input tables and read result tables. */
final class DuckTables implements AutoCloseable {
    final DuckDBConnection connection;

    DuckTables() throws SQLException {
        connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    }

    /** A temporary table with the plan's schema and rows, and the plan (only its schema matters). */
    LocalRelation table(String name, Schema schema, List<List<Object>> rows) {
        RowLoader.load(connection, "temp", "main", name, true, schema, rows);
        return new LocalRelation(schema, List.of());
    }

    void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Every row of a table, read as the schema says. */
    List<Row> read(String table, Schema schema) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + Sql.identifier(table))) {
            return ResultReader.readAll(rs, schema);
        }
    }

    /** The column names and DuckDB types of a table, as {@code name TYPE}. */
    List<String> columns(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE " + Sql.identifier(table))) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    /** The temporary tables whose name starts with the prefix. */
    long tablesStartingWith(String prefix) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE starts_with(table_name, "
                        + Sql.string(prefix) + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
