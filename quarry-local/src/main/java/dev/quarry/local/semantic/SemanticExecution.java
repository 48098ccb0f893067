package dev.quarry.local.semantic;

import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.UsageKey;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.exec.Queries;
import dev.quarry.local.sql.ExpressionCompiler;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.local.sql.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.duckdb.DuckDBConnection;

/**
 * The semantic part of one query: the plan is cut at its semantic operators, which are computed
 * bottom-up before the rest runs as SQL. For each one, its input sub-plan runs as SQL into a
 * temporary table (DuckDB's {@code rowid} is the row id), the operator's Java work writes a result
 * table, and {@link #relations()} makes the SQL compiler read that table wherever the operator
 * appears (so an operator occurring twice in a plan is computed once). The tables are dropped when
 * the execution closes.
 *
 * <pre>{@code
 * try (SemanticExecution run = engine.begin("q1", connection, compilers, sessionRelations, materialized)) {
 *     run.computeAll(plan);
 *     String sql = compilers.apply(run.relations()).compile(plan);
 *     ...
 * }
 * }</pre>
 */
public final class SemanticExecution implements AutoCloseable {
    private final SemanticEngine engine;
    private final String queryId;
    private final long runNumber;
    private final DuckDBConnection connection;
    private final Function<PlanCompiler.Relations, PlanCompiler> compilers;
    private final PlanCompiler.Relations session;
    private final Predicate<LogicalPlan> materialized;
    private final Map<LogicalPlan, String> results = new HashMap<>();
    private final List<String> tables = new ArrayList<>();
    private final List<OperatorMetrics> metrics = new ArrayList<>();
    private final PlanCompiler.Relations relations;
    private final Set<String> operatorNames = new HashSet<>();
    private int operatorCounter;

    SemanticExecution(
            SemanticEngine engine,
            String queryId,
            long runNumber,
            DuckDBConnection connection,
            Function<PlanCompiler.Relations, PlanCompiler> compilers,
            PlanCompiler.Relations session,
            Predicate<LogicalPlan> materialized) {
        this.engine = engine;
        this.queryId = queryId;
        this.runNumber = runNumber;
        this.connection = connection;
        this.compilers = compilers;
        this.session = session;
        this.materialized = materialized;
        this.relations = plan -> {
            String table = results.get(plan);
            return table != null ? Sql.identifier(table) : session.relationFor(plan);
        };
    }

    /**
     * The relations to compile SQL with: the result table of each computed semantic operator, then
     * the session's (loaded rows, caches).
     *
     * <pre>{@code String sql = compiler(run.relations()).compile(plan);}</pre>
     *
     * @return the relations
     */
    public PlanCompiler.Relations relations() {
        return relations;
    }

    /**
     * Computes every semantic operator of a plan, bottom-up, except those under a cache already
     * computed in the session.
     *
     * <pre>{@code run.computeAll(plan);}</pre>
     *
     * @param plan the plan
     */
    public void computeAll(LogicalPlan plan) {
        if (results.containsKey(plan) || plan instanceof LocalRelation) {
            return;
        }
        if (plan instanceof Cache && materialized.test(plan)) {
            return;
        }
        for (LogicalPlan child : plan.children()) {
            computeAll(child);
        }
        if (SemanticEngine.isSemantic(plan) && !results.containsKey(plan)) {
            results.put(plan, compute(plan));
        }
    }

    private String compute(LogicalPlan plan) {
        if (plan instanceof SemanticProject p) {
            return new ProjectExecutor(this).run(p, input(p.child(), "semantic projection"));
        }
        if (plan instanceof SemanticJoin j) {
            String left = input(j.left(), "left side of a semantic join");
            String right = input(j.right(), "right side of a semantic join");
            return new JoinExecutor(this).run(j, left, right);
        }
        if (plan instanceof SimilarityJoin s) {
            String left = input(s.left(), "left side of a similarity join");
            String right = input(s.right(), "right side of a similarity join");
            return VectorOperators.similarityJoin(this, s, left, right);
        }
        ClusterLabels c = (ClusterLabels) plan;
        return VectorOperators.clusterLabels(this, c, input(c.child(), "clustering"));
    }

    /** Runs a sub-plan as SQL into a temporary table. */
    private String input(LogicalPlan child, String what) {
        String name = newTableName();
        long start = System.nanoTime();
        String sql = compilers.apply(relations).compile(child);
        long rows;
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE " + Sql.identifier(name) + " AS " + sql);
            rows = Math.max(st.getLargeUpdateCount(), -1);
        } catch (SQLException e) {
            dropQuietly(name);
            throw DuckErrors.translate(e, "computing the input of a " + what, Queries.hasUserSql(child));
        }
        tables.add(name);
        metrics.add(OperatorMetrics.relational(
                "DuckDB",
                "input of the " + what + ": " + Queries.outline(child),
                Duration.ofNanos(System.nanoTime() - start),
                rows));
        return name;
    }

    /**
     * The metrics of the semantic operators computed so far (and of the SQL that fed them), in the
     * order they ran.
     *
     * <pre>{@code List<OperatorMetrics> ops = run.operators();}</pre>
     *
     * @return the metrics
     */
    public List<OperatorMetrics> operators() {
        return List.copyOf(metrics);
    }

    /**
     * The language-model usage of this query's operators.
     *
     * <pre>{@code ModelUsage lm = run.languageModel();}</pre>
     *
     * @return the sum over operators
     */
    public ModelUsage languageModel() {
        ModelUsage total = ModelUsage.NONE;
        for (OperatorMetrics m : metrics) {
            total = total.plus(m.languageModel());
        }
        return total;
    }

    /**
     * The embedding-model usage of this query's operators.
     *
     * <pre>{@code ModelUsage em = run.embeddingModel();}</pre>
     *
     * @return the sum over operators
     */
    public ModelUsage embeddingModel() {
        ModelUsage total = ModelUsage.NONE;
        for (OperatorMetrics m : metrics) {
            total = total.plus(m.embeddingModel());
        }
        return total;
    }

    /**
     * Drops every temporary table this execution created.
     *
     * <pre>{@code try (SemanticExecution run = engine.begin(...)) { ... } // closes}</pre>
     */
    @Override
    public void close() {
        for (String t : tables) {
            dropQuietly(t);
        }
        tables.clear();
        results.clear();
    }

    // ---------------------------------------------------------------- for the operators

    DuckDBConnection connection() {
        return connection;
    }

    InferenceRuntime runtime() {
        return engine.runtime();
    }

    SemanticSettings settings() {
        return engine.settings();
    }

    ExpressionCompiler expressions() {
        return new ExpressionCompiler(engine.functions());
    }

    /** A fresh raw temporary table name (not yet tracked). */
    String newTableName() {
        return engine.newTableName();
    }

    /** Marks a table for dropping when the execution closes. */
    void track(String table) {
        tables.add(table);
    }

    /** Creates a tracked temporary table from a query. */
    void createTable(String name, String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE " + Sql.identifier(name) + " AS " + sql);
        } catch (SQLException e) {
            dropQuietly(name);
            throw DuckErrors.translate(e, "storing the result of a semantic operator", false);
        }
        tables.add(name);
    }

    /** Drops a table now. */
    void drop(String name) {
        dropQuietly(name);
        tables.remove(name);
    }

    long count(String table) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + Sql.identifier(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "counting the input of a semantic operator", false);
        }
    }

    /**
     * The name an operator of this query is shown under: its label, or, when another operator of
     * the query already took it (two DataFrames with an operator of the same label joined or
     * unioned), the label with {@code #2}, {@code #3}, ...
     */
    String uniqueName(String label) {
        return SemanticProject.claimLabel(label, operatorNames);
    }

    /** A new operator of this query, with its own usage key. */
    OperatorRun operator(String name, String details, String alias) {
        String id = "run" + runNumber + "/" + name + "#" + (++operatorCounter);
        return new OperatorRun(name, details, UsageKey.of(queryId, id), alias, engine.runtime());
    }

    /** An operator that calls no model (similarity join, clustering). */
    void addMetrics(OperatorMetrics m) {
        metrics.add(m);
    }

    RequestPipeline pipeline(String label, Progress progress) {
        SemanticSettings s = settings();
        return new RequestPipeline(
                engine.runtime(),
                engine.budget(),
                Math.max(16, 2 * s.maxConcurrency()),
                s.batchRows(),
                label,
                progress::refresh);
    }

    Progress progress(String label, long total) {
        return Progress.forOperator(settings().progress(), label, total);
    }

    private void dropQuietly(String name) {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + Sql.identifier(name));
        } catch (SQLException ignored) {
            // the table was not created
        }
    }
}
