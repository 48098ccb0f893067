package dev.quarry.local.semantic;

import static java.util.Objects.requireNonNull;

import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.tokens.TokenCounter;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.local.sql.ExpressionCompiler;
import dev.quarry.local.sql.FunctionMapper;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.models.HostedModelConfig;
import dev.quarry.spi.InferenceEstimate;
import dev.quarry.spi.SessionConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.duckdb.DuckDBConnection;

/**
 * The session's semantic machinery for the embedded backend: the {@link InferenceRuntime} (built on
 * first use from the session's models, data directory and settings, so a session that runs no
 * semantic operator never creates it), the session budget, and the start of each query's
 * {@link SemanticExecution}.
 *
 * <pre>{@code
 * SemanticEngine engine = new SemanticEngine(config, functionMapper);
 * if (SemanticEngine.containsSemantic(plan)) {
 *     try (SemanticExecution run = engine.begin("q1", connection, compilers, relations, materialized)) { ... }
 * }
 * engine.close();
 * }</pre>
 */
public final class SemanticEngine implements AutoCloseable {
    private final SessionConfig config;
    private final SemanticSettings settings;
    private final FunctionMapper functions;
    private final Consumer<InferenceRuntime.Builder> customizer;
    private final Budget budget;
    private final AtomicLong tables = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private InferenceRuntime runtime;
    private boolean closed;

    /**
     * The engine of a session.
     *
     * <pre>{@code new SemanticEngine(config, new FunctionMapper(javaFunctions.names()))}</pre>
     *
     * @param config the session configuration
     * @param functions maps scalar functions to SQL (for input expressions)
     * @throws dev.quarry.QuarryException INVALID_CONFIGURATION for a malformed {@code quarry.*} setting
     */
    public SemanticEngine(SessionConfig config, FunctionMapper functions) {
        this(config, functions, b -> {});
    }

    /**
     * The engine of a session, with a hook that adjusts the runtime before it is built (tests and
     * benchmarks set a time source, a seed or an environment for API keys).
     *
     * <pre>{@code new SemanticEngine(config, mapper, b -> b.seed(42))}</pre>
     *
     * @param config the session configuration
     * @param functions maps scalar functions to SQL
     * @param customizer adjusts the runtime builder
     */
    public SemanticEngine(
            SessionConfig config, FunctionMapper functions, Consumer<InferenceRuntime.Builder> customizer) {
        this.config = requireNonNull(config, "config is null");
        this.functions = requireNonNull(functions, "functions is null");
        this.customizer = requireNonNull(customizer, "customizer is null");
        this.settings = SemanticSettings.from(config.settings());
        this.budget = new Budget(settings.budgetUsd(), this::spentUsd);
        // the tokenizer tables take about a second to load: start now, not at the first request
        for (Object model : config.languageModels().values()) {
            if (model instanceof HostedModelConfig<?> h) TokenCounter.loadInBackground(h.provider(), h.modelName());
        }
    }

    /**
     * Whether a plan node is computed outside SQL by this engine.
     *
     * <pre>{@code SemanticEngine.isSemantic(node)}</pre>
     *
     * @param plan a node
     * @return true for semantic projections and joins, similarity joins and clusterings
     */
    public static boolean isSemantic(LogicalPlan plan) {
        return plan instanceof SemanticProject
                || plan instanceof SemanticJoin
                || plan instanceof SimilarityJoin
                || plan instanceof ClusterLabels;
    }

    /**
     * Whether a plan holds a node computed outside SQL.
     *
     * <pre>{@code if (SemanticEngine.containsSemantic(plan)) { ... }}</pre>
     *
     * @param plan the plan
     * @return true when any node is semantic
     */
    public static boolean containsSemantic(LogicalPlan plan) {
        if (isSemantic(plan)) {
            return true;
        }
        for (LogicalPlan child : plan.children()) {
            if (containsSemantic(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The session's semantic settings.
     *
     * <pre>{@code engine.settings().budgetUsd()}</pre>
     *
     * @return the settings
     */
    public SemanticSettings settings() {
        return settings;
    }

    FunctionMapper functions() {
        return functions;
    }

    Budget budget() {
        return budget;
    }

    String newTableName() {
        return "quarry_semantic_" + tables.incrementAndGet();
    }

    private double spentUsd() {
        InferenceRuntime r;
        synchronized (this) {
            r = runtime;
        }
        return r == null ? 0 : r.usage().total().costUsd();
    }

    /**
     * The session's inference runtime, built on first call.
     *
     * <pre>{@code InferenceRuntime rt = engine.runtime();}</pre>
     *
     * @return the runtime
     */
    public synchronized InferenceRuntime runtime() {
        if (closed) {
            throw new dev.quarry.QuarryException(
                    dev.quarry.ErrorCode.INVALID_ARGUMENT, "The session is closed; open a new session to run queries");
        }
        if (runtime == null) {
            InferenceRuntime.Builder b = InferenceRuntime.builder()
                    .languageModels(config.languageModels())
                    .embeddingModels(config.embeddingModels())
                    .dataDir(config.dataDir().toAbsolutePath().normalize())
                    .responseCache(settings.responseCache())
                    .maxConcurrency(settings.maxConcurrency());
            customizer.accept(b);
            runtime = b.build();
        }
        return runtime;
    }

    /**
     * Whether the runtime has been built (a session without semantic operators never builds it).
     *
     * <pre>{@code engine.runtimeStarted()}</pre>
     *
     * @return true once built
     */
    public synchronized boolean runtimeStarted() {
        return runtime != null;
    }

    /**
     * Starts the semantic part of a query.
     *
     * <pre>{@code SemanticExecution run = engine.begin("q1", connection, this::compiler, relations, materialized);}</pre>
     *
     * @param queryId the query's id
     * @param connection the session's connection (its statement lock held by the caller)
     * @param compilers makes a SQL compiler over given relations
     * @param session the session's relations (loaded rows, caches)
     * @param materialized whether a sub-plan already has a session table (a computed cache)
     * @return the execution; close it when the query ends
     */
    public SemanticExecution begin(
            String queryId,
            DuckDBConnection connection,
            Function<PlanCompiler.Relations, PlanCompiler> compilers,
            PlanCompiler.Relations session,
            Predicate<LogicalPlan> materialized) {
        return new SemanticExecution(
                this, queryId, runs.incrementAndGet(), connection, compilers, session, materialized);
    }

    /**
     * Estimates, without sending anything, the requests, tokens and cost of each model-calling
     * operator of a plan (top first).
     *
     * <pre>{@code List<InferenceEstimate> e = engine.estimate(plan, connection, this::compiler, relations, materialized);}</pre>
     *
     * @param plan the plan
     * @param connection the session's connection (its statement lock held by the caller)
     * @param compilers makes a SQL compiler over given relations
     * @param session the session's relations
     * @param materialized whether a sub-plan already has a session table
     * @return the estimates; empty when the plan has no semantic operator
     */
    public List<InferenceEstimate> estimate(
            LogicalPlan plan,
            DuckDBConnection connection,
            Function<PlanCompiler.Relations, PlanCompiler> compilers,
            PlanCompiler.Relations session,
            Predicate<LogicalPlan> materialized) {
        if (!containsSemantic(plan)) {
            return List.of();
        }
        StandIns standIns = new StandIns(session, compilers, materialized);
        return new InferenceEstimator(connection, runtime(), standIns, new ExpressionCompiler(functions), settings)
                .estimate(plan);
    }

    /**
     * Closes the runtime if it was built (its HTTP clients, threads and response cache).
     *
     * <pre>{@code engine.close();}</pre>
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
