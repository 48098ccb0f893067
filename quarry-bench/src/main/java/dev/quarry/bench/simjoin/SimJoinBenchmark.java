package dev.quarry.bench.simjoin;

import com.sun.management.OperatingSystemMXBean;
import dev.quarry.bench.JvmMeasures;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.internal.plan.SimilarityJoin.Metric;
import dev.quarry.local.semantic.vector.ClusterLabelsExecutor;
import dev.quarry.local.semantic.vector.KMeans;
import dev.quarry.local.semantic.vector.SimilarityJoinExecutor;
import dev.quarry.local.semantic.vector.TopK;
import dev.quarry.local.semantic.vector.VectorMatrix;
import dev.quarry.types.DataTypes;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.lang.management.ManagementFactory;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Similarity join and clustering figures on random unit vectors (seeded): the exact top-k kernel
 * alone, the same join end to end through DuckDB (read the embeddings, search, write the pairs, join
 * back to both inputs), and k-means. For each: wall time, process CPU time and the peak Java heap
 * (the sum of the peak usage of every heap memory pool since the previous reset, an upper bound of
 * the true peak; inputs generated beforehand are included only for the kernel-alone figure). The
 * machine's load average is printed first and last, since the figures mean little on a busy
 * machine.
 *
 * <pre>
 * java -Xmx2g -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.simjoin.SimJoinBenchmark [rows] [dims] [k] [clusters] [runs]
 * </pre>
 *
 * Defaults: 20,000 rows on each side, 384 dimensions, k = 5, 20 clusters, 3 runs of each.
 */
public final class SimJoinBenchmark {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SimJoinBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args rows per side, dimensions, k, clusters, runs
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int dims = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int clusters = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        System.out.printf(
                Locale.ROOT,
                "%,d x %,d vectors, %d dims, k = %d; k-means %d clusters; %d processors, max heap %.0f MB; load"
                        + " average %.2f%n",
                rows,
                rows,
                dims,
                k,
                clusters,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576.0,
                OS.getSystemLoadAverage());

        VectorMatrix left = unitVectors(1, rows, dims);
        VectorMatrix right = unitVectors(2, rows, dims);
        for (int run = 1; run <= runs; run++) {
            Measure m = Measure.start();
            TopK.Result result = TopK.search(left, right, k, Metric.COSINE);
            m.report("TopK kernel, cosine, run " + run, result.totalMatches() + " pairs");
        }

        KMeans.Result clustering = null;
        for (int run = 1; run <= runs; run++) {
            Measure m = Measure.start();
            clustering = KMeans.fit(left, clusters, 42L, 100);
            m.report("KMeans kernel, run " + run, clustering.toString());
        }

        EmbeddingType type = DataTypes.embedding(dims, "bench");
        Schema leftSchema =
                new Schema(List.of(new StructField("id", DataTypes.LONG, true), new StructField("a", type, true)));
        Schema rightSchema =
                new Schema(List.of(new StructField("rid", DataTypes.LONG, true), new StructField("b", type, true)));
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
            load(connection, "bench_left", "id", "a", left);
            load(connection, "bench_right", "rid", "b", right);
            left = null;
            right = null;
            SimilarityJoin join = new SimilarityJoin(
                    new LocalRelation(leftSchema, List.of()),
                    new LocalRelation(rightSchema, List.of()),
                    "a",
                    "b",
                    k,
                    Metric.COSINE,
                    "similarity");
            ClusterLabels labels = new ClusterLabels(
                    new LocalRelation(leftSchema, List.of()), "a", clusters, 42L, 100, "cluster_label", "centroid");
            for (int run = 1; run <= runs; run++) {
                Measure m = Measure.start();
                String table = new SimilarityJoinExecutor(connection).execute(join, "bench_left", "bench_right");
                m.report("SimilarityJoinExecutor via DuckDB, run " + run, count(connection, table) + " rows");
                drop(connection, table);
            }
            for (int run = 1; run <= runs; run++) {
                Measure m = Measure.start();
                String table = new ClusterLabelsExecutor(connection).execute(labels, "bench_left");
                m.report("ClusterLabelsExecutor via DuckDB, run " + run, count(connection, table) + " rows");
                drop(connection, table);
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", OS.getSystemLoadAverage());
    }

    /** Random unit vectors: Gaussian coordinates, normalized. */
    static VectorMatrix unitVectors(long seed, int rows, int dims) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[rows * dims];
        for (int i = 0; i < rows; i++) {
            double sq = 0;
            for (int t = 0; t < dims; t++) {
                double u = 1 - random.nextDouble();
                double v = random.nextDouble();
                double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
                data[i * dims + t] = (float) g;
                sq += g * g;
            }
            float inv = (float) (1 / Math.sqrt(sq));
            for (int t = 0; t < dims; t++) {
                data[i * dims + t] *= inv;
            }
        }
        return new VectorMatrix(data, rows, dims);
    }

    private static void load(DuckDBConnection c, String table, String id, String column, VectorMatrix m)
            throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE " + table + " (" + id + " BIGINT, " + column + " FLOAT[" + m.dimensions()
                    + "])");
        }
        try (DuckDBAppender appender = c.createAppender("temp", "main", table)) {
            for (int i = 0; i < m.rows(); i++) {
                appender.beginRow();
                appender.append((long) i);
                appender.append(m.row(i));
                appender.endRow();
            }
        }
    }

    private static long count(DuckDBConnection c, String table) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void drop(DuckDBConnection c, String table) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE \"" + table + "\"");
        }
    }

    /** Wall time, process CPU time and peak heap of one measured step. */
    private record Measure(long wallStart, long cpuStart) {
        static Measure start() {
            System.gc();
            JvmMeasures.resetPeakHeap();
            return new Measure(System.nanoTime(), OS.getProcessCpuTime());
        }

        void report(String what, String outcome) {
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double cpu = (OS.getProcessCpuTime() - cpuStart) / 1e9;
            long peak = JvmMeasures.peakHeapBytes();
            System.out.printf(
                    Locale.ROOT,
                    "%-45s %7.2f s wall %7.2f s CPU  peak heap %7.1f MB  (%s; load %.2f)%n",
                    what,
                    wall,
                    cpu,
                    peak / 1048576.0,
                    outcome,
                    OS.getSystemLoadAverage());
        }
    }
}
