package dev.quarry.bench.relational;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generates TPC-H-like data with DuckDB itself (deterministic: values derive from {@code hash(i)}):
 * {@code customers.parquet} (100 k rows) and {@code lineitem.parquet} (10 M rows by default). Files
 * that already exist with the same row count are reused.
 */
final class TpchData {
    private TpchData() {}

    static final String SEGMENTS = "['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'HOUSEHOLD', 'MACHINERY']";

    static void generate(Path dir, long customers, long lineItems) throws Exception {
        Files.createDirectories(dir);
        Path customersFile = dir.resolve("customers.parquet");
        Path lineitemFile = dir.resolve("lineitem.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            if (rows(s, customersFile) != customers) {
                s.execute("COPY (SELECT i AS c_custkey, 'Customer#' || lpad(i::VARCHAR, 9, '0') AS c_name,"
                        + " (i % 25)::INTEGER AS c_nationkey,"
                        + " " + SEGMENTS + "[1 + (hash(i) % 5)::INTEGER] AS c_mktsegment,"
                        + " round((hash(i * 7) % 1100000)::DOUBLE / 100 - 999.99, 2) AS c_acctbal"
                        + " FROM range(1, " + (customers + 1) + ") t(i)) TO '" + sql(customersFile)
                        + "' (FORMAT parquet)");
            }
            if (rows(s, lineitemFile) != lineItems) {
                s.execute("COPY (SELECT i AS l_linekey, 1 + (hash(i) % " + customers + ")::BIGINT AS l_custkey,"
                        + " 1 + (hash(i * 3) % 50)::INTEGER AS l_quantity,"
                        + " round(900 + (hash(i * 5) % 10000000)::DOUBLE / 100, 2) AS l_extendedprice,"
                        + " (hash(i * 11) % 11)::DOUBLE / 100 AS l_discount,"
                        + " DATE '1992-01-01' + (hash(i * 13) % 2500)::INTEGER AS l_shipdate,"
                        + " ['A', 'N', 'R'][1 + (hash(i * 17) % 3)::INTEGER] AS l_returnflag"
                        + " FROM range(1, " + (lineItems + 1) + ") t(i)) TO '" + sql(lineitemFile)
                        + "' (FORMAT parquet)");
            }
        }
    }

    private static long rows(Statement s, Path file) throws SQLException {
        if (!Files.exists(file)) {
            return -1;
        }
        try (var rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + sql(file) + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sql(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
