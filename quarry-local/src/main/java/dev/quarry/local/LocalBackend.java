package dev.quarry.local;

import static java.util.Objects.requireNonNull;

import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Sink;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.local.catalog.LocalCatalog;
import dev.quarry.local.exec.DuckDatabase;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.exec.DuckProfile;
import dev.quarry.local.exec.Materializations;
import dev.quarry.local.exec.Queries;
import dev.quarry.local.exec.ResultReader;
import dev.quarry.local.io.FileSources;
import dev.quarry.local.io.FileWriter;
import dev.quarry.local.io.SchemaInference;
import dev.quarry.local.sql.FunctionMapper;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.local.udf.JavaFunctions;
import dev.quarry.spi.Backend;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.spi.ExecutionContext;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.spi.SessionConfig;
import dev.quarry.types.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.duckdb.ProfilerPrintFormat;

/**
 * The embedded backend: plans run as DuckDB SQL in one statement each, over a catalog kept in
 * {@code <dataDir>/catalog.duckdb}.
 *
 * <p>How a plan runs: in-memory rows and cached sub-plans are put into temporary tables on first
 * use (once per session); the rest of the plan compiles to one {@code SELECT}
 * ({@link PlanCompiler}); a query's rows are read into {@link Row}s, a sink's rows stream from
 * DuckDB to a file ({@code COPY}), a table ({@code CREATE TABLE AS}) or become a view. Java
 * functions ({@code count_tokens}) run inside the SQL as vectorized UDFs.
 *
 * <p>Settings (from {@code Session.builder()}): every {@code duckdb.<option>} is passed to DuckDB
 * (e.g. {@code duckdb.memory_limit=4GB}, {@code duckdb.threads=2}); see {@link DuckDatabase}.
 *
 * <p>Metrics: every result reports the statement's time and rows (and each temporary table it
 * built); with {@code ExecutionContext.collectOperatorMetrics()} it adds DuckDB's own profile, one
 * entry per physical operator ({@code DuckDB HASH_GROUP_BY}, ...).
 *
 * <p>One statement runs at a time per session; concurrent calls wait.
 */
public final class LocalBackend implements Backend {
    private final DuckDatabase db;
    private final FunctionMapper functions;
    private final Materializations materializations;
    private final LocalCatalog catalog;

    /**
     * Opens the backend of a session.
     *
     * <pre>{@code Backend backend = new LocalBackend(config, JavaFunctions.standard());}</pre>
     *
     * @param config the session configuration
     * @param javaFunctions the Java functions to install
     */
    public LocalBackend(SessionConfig config, JavaFunctions javaFunctions) {
        requireNonNull(javaFunctions, "javaFunctions is null");
        this.db = DuckDatabase.open(config, javaFunctions);
        this.functions = new FunctionMapper(javaFunctions.names());
        this.materializations = new Materializations(db);
        this.catalog = new LocalCatalog(db);
    }

    private <T> T locked(Supplier<T> action) {
        ReentrantLock lock = db.lock();
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private FileSources sources() {
        return new FileSources(db.catalogName(), new SchemaInference(db.connection()));
    }

    private PlanCompiler compiler(PlanCompiler.Relations relations) {
        return new PlanCompiler(functions, relations, sources());
    }

    private PlanCompiler sessionCompiler(List<OperatorMetrics> metrics) {
        return compiler(materializations.relations(this::compiler, metrics));
    }

    /**
     * The DuckDB SQL a plan runs as, after loading what it needs into temporary tables.
     *
     * <pre>{@code String sql = backend.toSql(plan);}</pre>
     *
     * @param plan an analyzed plan
     * @return the {@code SELECT} statement
     */
    public String toSql(LogicalPlan plan) {
        return locked(() -> sessionCompiler(new ArrayList<>()).compile(plan));
    }

    @Override
    public Schema inferSchema(FileFormat format, String path, Map<String, String> options) {
        return locked(() -> new SchemaInference(db.connection()).infer(format, path, options));
    }

    @Override
    public Schema describeSql(String sql, Map<String, LogicalPlan> frames) {
        return locked(() -> {
            String compiled = sessionCompiler(new ArrayList<>()).compile(new SqlRelation(sql, frames, Schema.EMPTY));
            try {
                return SchemaInference.describeQuery(db.connection(), compiled);
            } catch (SQLException e) {
                throw DuckErrors.translate(e, "describing the SQL query", true);
            }
        });
    }

    @Override
    public Optional<CatalogEntry> lookup(String name) {
        return locked(() -> catalog.lookup(name));
    }

    @Override
    public List<CatalogEntry> listTables() {
        return locked(catalog::listTables);
    }

    @Override
    public boolean drop(String name) {
        return locked(() -> catalog.drop(name));
    }

    @Override
    public ExecutionResult execute(LogicalPlan plan, ExecutionContext context) {
        requireNonNull(plan, "plan is null");
        requireNonNull(context, "context is null");
        return locked(() -> {
            if (!context.collectOperatorMetrics()) {
                return plan instanceof Sink sink ? write(sink) : query(plan);
            }
            setProfiling(true);
            try {
                ExecutionResult r = plan instanceof Sink sink ? write(sink) : query(plan);
                List<OperatorMetrics> operators = new ArrayList<>(r.operators());
                operators.addAll(DuckProfile.parse(profile()));
                return new ExecutionResult(
                        r.schema(), r.rows(), r.rowCount(), operators, r.languageModel(), r.embeddingModel());
            } finally {
                setProfiling(false);
            }
        });
    }

    private void setProfiling(boolean on) {
        try (Statement st = db.connection().createStatement()) {
            st.execute(on ? "PRAGMA enable_profiling = 'no_output'" : "PRAGMA disable_profiling");
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "switching DuckDB's profiler", false);
        }
    }

    private String profile() {
        try {
            return db.connection().getProfilingInformation(ProfilerPrintFormat.JSON);
        } catch (SQLException e) {
            return "";
        }
    }

    private ExecutionResult query(LogicalPlan plan) {
        List<OperatorMetrics> metrics = new ArrayList<>();
        boolean userSql = Queries.hasUserSql(plan);
        String sql =
                ResultReader.transport(plan.schema(), sessionCompiler(metrics).compile(plan));
        long start = System.nanoTime();
        List<Row> rows;
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rows = ResultReader.readAll(rs, plan.schema());
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "running the query", userSql);
        } catch (ArithmeticException e) {
            throw new QuarryException(
                    dev.quarry.ErrorCode.CAST_FAILED,
                    "A value of the result does not fit its column type: " + e.getMessage(),
                    e);
        }
        metrics.add(OperatorMetrics.relational(
                "DuckDB", Queries.outline(plan), Duration.ofNanos(System.nanoTime() - start), rows.size()));
        return new ExecutionResult(plan.schema(), rows, rows.size(), metrics, ModelUsage.NONE, ModelUsage.NONE);
    }

    private ExecutionResult write(Sink sink) {
        List<OperatorMetrics> metrics = new ArrayList<>();
        boolean userSql = Queries.hasUserSql(sink);
        LogicalPlan child = sink.child();
        long start = System.nanoTime();
        long written;
        if (sink.target() instanceof Sink.FileTarget file) {
            String sql = sessionCompiler(metrics).compile(child);
            written = new FileWriter(db.connection(), sources()).write(file, sink.mode(), sql, child.schema());
        } else if (sink.target() instanceof Sink.TableTarget table) {
            String sql = sessionCompiler(metrics).compile(child);
            written = catalog.saveTable(table.name(), sink.mode(), sql, child.schema(), userSql);
        } else {
            Sink.ViewTarget view = (Sink.ViewTarget) sink.target();
            catalog.saveView(
                    view.name(), sink.mode(), relations -> compiler(relations).compile(child), userSql);
            written = 0;
        }
        metrics.add(OperatorMetrics.relational(
                sink.nodeName(), sink.details(), Duration.ofNanos(System.nanoTime() - start), written));
        return new ExecutionResult(sink.schema(), List.of(), written, metrics, ModelUsage.NONE, ModelUsage.NONE);
    }

    /**
     * How many temporary tables the session holds (loaded rows and caches).
     *
     * <pre>{@code backend.temporaryTables()}</pre>
     *
     * @return the count
     */
    public int temporaryTables() {
        return locked(materializations::size);
    }

    @Override
    public void close() {
        db.close();
    }
}
