package dev.quarry.bench.relational;

import static dev.quarry.functions.Functions.avg;
import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.functions.Functions.sum;

import dev.quarry.DataFrame;
import dev.quarry.JoinType;
import dev.quarry.Row;
import dev.quarry.Session;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A filter + join + group-by + order-by pipeline over TPC-H-like data (10 M line items, 100 k
 * customers), written with the DataFrame API, against the same query hand-written in DuckDB SQL,
 * in the same JVM, runs alternating. Prints the median of each and their ratio.
 *
 * <pre>
 * java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.relational.DataFrameVsSqlBenchmark [dir] [lineItems] [runs]
 * </pre>
 */
public final class DataFrameVsSqlBenchmark {
    private DataFrameVsSqlBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args data directory (default {@code target/tpch}), line items (default 10,000,000), runs (default 9)
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/tpch");
        long lineItems = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        TpchData.generate(dir, 100_000, lineItems);
        String lineitem = TpchData.sql(dir.resolve("lineitem.parquet"));
        String customers = TpchData.sql(dir.resolve("customers.parquet"));

        String rawSql = "SELECT c_mktsegment, c_nationkey, count(l_linekey) AS lines,"
                + " sum(l_extendedprice * (1 - l_discount)) AS revenue, avg(l_quantity) AS avg_quantity"
                + " FROM read_parquet('" + lineitem + "') AS l JOIN read_parquet('" + customers + "') AS c"
                + " ON l.l_custkey = c.c_custkey"
                + " WHERE l_shipdate < DATE '1995-03-15' AND l_discount >= 0.02 AND l_discount <= 0.08"
                + " AND c_acctbal > 0"
                + " GROUP BY c_mktsegment, c_nationkey ORDER BY revenue DESC, c_mktsegment, c_nationkey";

        try (Session session = Session.builder()
                        .appName("bench")
                        .dataDir(dir.resolve("session"))
                        .build();
                Connection raw = DriverManager.getConnection("jdbc:duckdb:");
                Statement rawStatement = raw.createStatement()) {
            DataFrame items =
                    session.read().parquet(dir.resolve("lineitem.parquet").toString());
            DataFrame custs =
                    session.read().parquet(dir.resolve("customers.parquet").toString());
            DataFrame pipeline = items.filter(col("l_shipdate")
                            .lt(lit(LocalDate.of(1995, 3, 15)))
                            .and(col("l_discount").geq(lit(0.02)))
                            .and(col("l_discount").leq(lit(0.08))))
                    .join(
                            custs.filter(col("c_acctbal").gt(lit(0))),
                            col("l_custkey").equalTo(col("c_custkey")),
                            JoinType.INNER)
                    .groupBy(col("c_mktsegment"), col("c_nationkey"))
                    .agg(
                            count(col("l_linekey")).as("lines"),
                            sum(col("l_extendedprice").multiply(lit(1).minus(col("l_discount"))))
                                    .as("revenue"),
                            avg(col("l_quantity")).as("avg_quantity"))
                    .orderBy(
                            col("revenue").desc(),
                            col("c_mktsegment").asc(),
                            col("c_nationkey").asc());

            // warm up both and check they agree
            List<Row> dfRows = pipeline.collectAsList();
            int rawRows = runRaw(rawStatement, rawSql);
            if (dfRows.size() != rawRows) {
                throw new IllegalStateException("DataFrame gave " + dfRows.size() + " rows, SQL " + rawRows);
            }
            runRaw(rawStatement, rawSql);
            pipeline.collectAsList();

            long[] df = new long[runs];
            long[] sql = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                pipeline.collectAsList();
                long t1 = System.nanoTime();
                runRaw(rawStatement, rawSql);
                long t2 = System.nanoTime();
                df[i] = t1 - t0;
                sql[i] = t2 - t1;
            }
            double dfMedian = median(df) / 1e6;
            double sqlMedian = median(sql) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "line items: %,d  rows out: %d  runs: %d%nDataFrame median: %.1f ms%nraw SQL median:   %.1f ms%nratio: %.3f%n",
                    lineItems,
                    rawRows,
                    runs,
                    dfMedian,
                    sqlMedian,
                    dfMedian / sqlMedian);
        }
    }

    private static int runRaw(Statement statement, String sql) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int c = 0; c < n; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                rows.add(row);
            }
        }
        return rows.size();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
