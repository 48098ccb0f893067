package dev.quarry.bench.relational;

import dev.quarry.SaveMode;
import dev.quarry.Session;
import dev.quarry.bench.JvmMeasures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;

/**
 * Converts a large CSV file (about 2 GB by default) to Parquet through the DataFrame API and
 * reports the peak Java heap used meanwhile: the sum of the peak usage of every heap memory pool
 * (an upper bound of the true peak). Run it with {@code -Xmx512m} to show the job fits.
 *
 * <pre>
 * java -Xmx512m -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.relational.CsvToParquetHeapBenchmark [dir] [rows]
 * </pre>
 */
public final class CsvToParquetHeapBenchmark {
    private CsvToParquetHeapBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args data directory (default {@code target/csv2parquet}), rows (default 20,000,000: about 2 GB)
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/csv2parquet");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000L;
        Files.createDirectories(dir);
        Path csv = dir.resolve("events.csv");
        Path parquet = dir.resolve("events.parquet");
        if (!Files.exists(csv)) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement()) {
                s.execute("COPY (SELECT i AS event_id, TIMESTAMP '2026-01-01' + to_seconds(i % 31536000) AS at,"
                        + " 'user-' || (hash(i) % 1000000) AS user_id,"
                        + " ['click', 'view', 'purchase', 'signup'][1 + (hash(i * 3) % 4)::INTEGER] AS kind,"
                        + " round((hash(i * 7) % 100000)::DOUBLE / 100, 2) AS amount,"
                        + " 'Lorem ipsum dolor sit amet, consectetur adipiscing elit ' || (hash(i * 11) % 997) AS note"
                        + " FROM range(" + rows + ") t(i)) TO '" + TpchData.sql(csv) + "' (HEADER, DELIMITER ',')");
            }
        }
        long csvBytes = Files.size(csv);
        System.gc();
        JvmMeasures.resetPeakHeap();
        long t0 = System.nanoTime();
        long written;
        try (Session session = Session.builder()
                .appName("bench")
                .dataDir(dir.resolve("session"))
                .build()) {
            session.read().csv(csv.toString()).write().mode(SaveMode.OVERWRITE).parquet(parquet.toString());
            written = session.read().parquet(parquet.toString()).count();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = JvmMeasures.peakHeapBytes();
        System.out.printf(
                Locale.ROOT,
                "CSV: %,d bytes (%.2f GB), %,d rows -> Parquet %,d bytes in %.1f s%npeak Java heap: %.1f MB (max heap %.0f MB)%n",
                csvBytes,
                csvBytes / 1e9,
                written,
                Files.size(parquet),
                seconds,
                peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
