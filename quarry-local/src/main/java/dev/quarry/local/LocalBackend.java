package dev.quarry.local;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.inference.InferenceRuntime;
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
import dev.quarry.local.semantic.SemanticEngine;
import dev.quarry.local.semantic.SemanticExecution;
import dev.quarry.local.semantic.StandIns;
import dev.quarry.local.sql.FunctionMapper;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.local.udf.JavaFunctions;
import dev.quarry.spi.Backend;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.spi.ExecutionContext;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.spi.InferenceEstimate;
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
import java.util.function.Consumer;
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
    private final SemanticEngine semantic;

    /**
     * Opens the backend of a session.
     *
     * <pre>{@code Backend backend = new LocalBackend(config, JavaFunctions.standard());}</pre>
     *
     * @param config the session configuration
     * @param javaFunctions the Java functions to install
     */
    public LocalBackend(SessionConfig config, JavaFunctions javaFunctions) {
        this(config, javaFunctions, b -> {});
    }

    /**
     * Opens the backend of a session, adjusting the inference runtime before it is built (tests and
     * benchmarks set a seed, a time source or the environment API keys are read from).
     *
     * <pre>{@code Backend backend = new LocalBackend(config, JavaFunctions.standard(), b -> b.seed(42));}</pre>
     *
     * @param config the session configuration
     * @param javaFunctions the Java functions to install
     * @param runtime adjusts the inference runtime's builder
     */
    public LocalBackend(SessionConfig config, JavaFunctions javaFunctions, Consumer<InferenceRuntime.Builder> runtime) {
        requireNonNull(javaFunctions, "javaFunctions is null");
        this.functions = new FunctionMapper(javaFunctions.names());
        this.semantic = new SemanticEngine(config, functions, runtime);
        this.db = DuckDatabase.open(config, javaFunctions);
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
     * The relations of one query: the session's loaded rows and caches, and, when the query has
     * semantic operators, their result tables (also inside cached sub-plans).
     */
    private PlanCompiler.Relations relations(List<OperatorMetrics> metrics, SemanticExecution run) {
        return run == null ? materializations.relations(this::compiler, metrics) : run.relations();
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
            SqlRelation relation = new SqlRelation(sql, frames, Schema.EMPTY);
            String compiled = SemanticEngine.containsSemantic(relation)
                    ? new StandIns(
                                    materializations.relations(this::compiler, new ArrayList<>()),
                                    this::compiler,
                                    materializations::isMaterialized)
                            .compile(relation)
                    : sessionCompiler(new ArrayList<>()).compile(relation);
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
            if (!SemanticEngine.containsSemantic(plan)) {
                return profiled(context, () -> run(plan, null));
            }
            if (plan instanceof Sink sink && sink.target() instanceof Sink.ViewTarget view) {
                throw new QuarryException(
                        ErrorCode.UNSUPPORTED_OPERATION,
                        "Cannot save '" + view.name() + "' as a view: it holds semantic operators, whose results come"
                                + " from models, not from SQL a view could store. Save it as a table with"
                                + " saveAsTable, or cache the DataFrame.");
            }
            // loaded rows and caches, whose cached sub-plans may themselves read semantic results
            List<OperatorMetrics> loads = new ArrayList<>();
            PlanCompiler.Relations[] outer = new PlanCompiler.Relations[1];
            PlanCompiler.Relations session = materializations.relations(r -> compiler(outer[0]), loads);
            try (SemanticExecution run = semantic.begin(
                    context.queryId(), db.connection(), this::compiler, session, materializations::isMaterialized)) {
                outer[0] = run.relations();
                return profiled(context, () -> {
                    run.computeAll(plan);
                    ExecutionResult r = run(plan, run);
                    List<OperatorMetrics> operators = new ArrayList<>(loads);
                    operators.addAll(run.operators());
                    operators.addAll(r.operators());
                    return new ExecutionResult(
                            r.schema(), r.rows(), r.rowCount(), operators, run.languageModel(), run.embeddingModel());
                });
            }
        });
    }

    private ExecutionResult run(LogicalPlan plan, SemanticExecution semanticRun) {
        return plan instanceof Sink sink ? write(sink, semanticRun) : query(plan, semanticRun);
    }

    private ExecutionResult profiled(ExecutionContext context, Supplier<ExecutionResult> action) {
        if (!context.collectOperatorMetrics()) {
            return action.get();
        }
        setProfiling(true);
        try {
            ExecutionResult r = action.get();
            List<OperatorMetrics> operators = new ArrayList<>(r.operators());
            operators.addAll(DuckProfile.parse(profile()));
            return new ExecutionResult(
                    r.schema(), r.rows(), r.rowCount(), operators, r.languageModel(), r.embeddingModel());
        } finally {
            setProfiling(false);
        }
    }

    /**
     * What running a plan would cost in model calls, per semantic operator (top first), without
     * sending anything: requests from the distinct non-null inputs counted in SQL, tokens and cost
     * from the runtime's estimator over a sample of rendered prompts. Estimates assume an empty
     * response cache and semantic filters that keep every row.
     *
     * <pre>{@code for (InferenceEstimate e : backend.estimate(plan)) System.out.println(e);}</pre>
     *
     * @param plan an optimized plan
     * @return the estimates; empty when the plan has no semantic operator
     */
    public List<InferenceEstimate> estimate(LogicalPlan plan) {
        requireNonNull(plan, "plan is null");
        return locked(() -> semantic.estimate(
                plan,
                db.connection(),
                this::compiler,
                materializations.relations(this::compiler, new ArrayList<>()),
                materializations::isMaterialized));
    }

    @Override
    public List<InferenceEstimate> estimateInference(LogicalPlan plan) {
        return estimate(plan);
    }

    /**
     * The session's semantic engine (its inference runtime, settings and budget).
     *
     * <pre>{@code boolean started = backend.semanticEngine().runtimeStarted();}</pre>
     *
     * @return the engine
     */
    public SemanticEngine semanticEngine() {
        return semantic;
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

    private ExecutionResult query(LogicalPlan plan, SemanticExecution semanticRun) {
        List<OperatorMetrics> metrics = new ArrayList<>();
        boolean userSql = Queries.hasUserSql(plan);
        String sql = ResultReader.transport(
                plan.schema(), compiler(relations(metrics, semanticRun)).compile(plan));
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

    private ExecutionResult write(Sink sink, SemanticExecution semanticRun) {
        List<OperatorMetrics> metrics = new ArrayList<>();
        boolean userSql = Queries.hasUserSql(sink);
        LogicalPlan child = sink.child();
        long start = System.nanoTime();
        long written;
        if (sink.target() instanceof Sink.FileTarget file) {
            String sql = compiler(relations(metrics, semanticRun)).compile(child);
            written = new FileWriter(db.connection(), sources()).write(file, sink.mode(), sql, child.schema());
        } else if (sink.target() instanceof Sink.TableTarget table) {
            String sql = compiler(relations(metrics, semanticRun)).compile(child);
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
        try {
            semantic.close();
        } finally {
            db.close();
        }
    }
}
