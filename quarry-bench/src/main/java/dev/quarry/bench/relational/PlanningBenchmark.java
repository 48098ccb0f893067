package dev.quarry.bench.relational;

import static dev.quarry.functions.Functions.avg;
import static dev.quarry.functions.Functions.coalesce;
import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.count;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.functions.Functions.max;
import static dev.quarry.functions.Functions.sum;
import static dev.quarry.functions.Functions.upper;
import static dev.quarry.functions.Functions.when;

import dev.quarry.DataFrame;
import dev.quarry.JoinType;
import dev.quarry.Session;
import dev.quarry.internal.optimizer.Optimizer;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.local.sql.FunctionMapper;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning cost of a 30-operator program: building the DataFrame (every call analyzes its node),
 * running the optimizer, and generating the DuckDB SQL. Nothing executes. The result to read is
 * the {@code p0.50} line of the sample-time output.
 *
 * <pre>
 * java -jar quarry-bench/target/benchmarks.jar PlanningBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanningBenchmark {
    private Path dir;
    private Session session;
    private DataFrame orders;
    private DataFrame customers;
    private Optimizer optimizer;

    /** Opens a session over two empty files with fixed schemas. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("quarry-planning");
        session = Session.builder().dataDir(dir).build();
        Schema orderSchema = Schema.of(
                DataTypes.field("order_id", DataTypes.LONG),
                DataTypes.field("customer_id", DataTypes.LONG),
                DataTypes.field("amount", DataTypes.DOUBLE),
                DataTypes.field("discount", DataTypes.DOUBLE),
                DataTypes.field("status", DataTypes.STRING),
                DataTypes.field("ordered_on", DataTypes.DATE),
                DataTypes.field("note", DataTypes.STRING));
        Schema customerSchema = Schema.of(
                DataTypes.field("c_id", DataTypes.LONG),
                DataTypes.field("c_name", DataTypes.STRING),
                DataTypes.field("c_region", DataTypes.STRING),
                DataTypes.field("c_segment", DataTypes.STRING));
        Files.writeString(dir.resolve("orders.csv"), "order_id,customer_id,amount,discount,status,ordered_on,note\n");
        Files.writeString(dir.resolve("customers.csv"), "c_id,c_name,c_region,c_segment\n");
        orders =
                session.read().schema(orderSchema).csv(dir.resolve("orders.csv").toString());
        customers = session.read()
                .schema(customerSchema)
                .csv(dir.resolve("customers.csv").toString());
        optimizer = Optimizer.standard();
    }

    /** Closes the session and removes its files. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        session.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The 30 operators: 28 transformations over two sources. */
    DataFrame program() {
        DataFrame activeCustomers = customers
                .filter(col("c_segment").isin("BUILDING", "MACHINERY")) // 1
                .withColumn("c_region", upper(col("c_region"))) // 2
                .select("c_id", "c_name", "c_region"); // 3
        return orders.filter(col("status").notEqual(lit("cancelled"))) // 4
                .withColumn("net", col("amount").multiply(lit(1).minus(col("discount")))) // 5
                .filter(col("ordered_on").geq(lit(LocalDate.of(2025, 1, 1)))) // 6
                .withColumn("big", col("net").gt(lit(1000))) // 7
                .withColumn("note", coalesce(col("note"), lit(""))) // 8
                .drop("discount") // 9
                .withColumnRenamed("amount", "gross") // 10
                .filter(col("net").gt(lit(0))) // 11
                .join(activeCustomers, col("customer_id").equalTo(col("c_id")), JoinType.INNER) // 12
                .withColumn(
                        "tier",
                        when(col("net").gt(lit(5000)), lit("gold"))
                                .when(col("net").gt(lit(1000)), lit("silver"))
                                .otherwise(lit("bronze"))) // 13
                .filter(col("c_region").notEqual(lit("ANTARCTICA"))) // 14
                .select("order_id", "c_name", "c_region", "tier", "net", "gross", "big", "ordered_on") // 15
                .withColumn("year_net", col("net").divide(lit(12))) // 16
                .filter(col("tier").isNotNull()) // 17
                .distinct() // 18
                .groupBy(col("c_region"), col("tier")) // 19
                .agg(
                        count(col("order_id")).as("orders"),
                        sum(col("net")).as("net"),
                        avg(col("gross")).as("avg_gross"),
                        max(col("ordered_on")).as("last_order")) // 20
                .filter(col("orders").gt(lit(10))) // 21
                .withColumn("share", col("net").divide(col("orders"))) // 22
                .withColumnRenamed("avg_gross", "mean_gross") // 23
                .orderBy(col("net").desc(), col("c_region").asc()) // 24
                .select("c_region", "tier", "orders", "net", "mean_gross", "last_order", "share") // 25
                .filter(col("share").isNotNull()) // 26
                .withColumn("label", upper(col("tier"))) // 27
                .limit(100); // 28
    }

    /**
     * Builds, optimizes and compiles the program to SQL.
     *
     * @return the SQL text (returned so the work is not optimized away)
     */
    @Benchmark
    public String planOptimizeAndGenerateSql() {
        LogicalPlan plan = program().logicalPlan();
        LogicalPlan optimized = optimizer.optimize(plan, Set.of()).plan();
        PlanCompiler compiler =
                new PlanCompiler(new FunctionMapper(Set.of("count_tokens")), p -> null, new PlanCompiler.Sources() {
                    @Override
                    public String fileScan(FileScan scan) {
                        return "SELECT * FROM read_csv('" + scan.path().replace("'", "''") + "')";
                    }

                    @Override
                    public String table(String name) {
                        return '"' + name + '"';
                    }
                });
        return compiler.compile(optimized);
    }
}
