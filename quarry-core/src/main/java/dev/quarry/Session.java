package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.analyzer.Errors;
import dev.quarry.internal.analyzer.FunctionRegistry;
import dev.quarry.internal.analyzer.LocalData;
import dev.quarry.internal.analyzer.Models;
import dev.quarry.internal.analyzer.PlanBuilder;
import dev.quarry.internal.analyzer.Suggestions;
import dev.quarry.internal.optimizer.Optimizer;
import dev.quarry.internal.optimizer.OptimizerResult;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.internal.plan.TableScan;
import dev.quarry.models.EmbeddingModelConfig;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.ModelConfig;
import dev.quarry.spi.Backend;
import dev.quarry.spi.BackendFactory;
import dev.quarry.spi.CatalogEntry;
import dev.quarry.spi.ExecutionContext;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.spi.SessionConfig;
import dev.quarry.types.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry point: holds the configuration, the models and the backend that runs queries. Create
 * one with {@link #builder()}, use it to read data and build DataFrames, and close it when done.
 *
 * <pre>{@code
 * try (Session session = Session.builder().appName("support").build()) {
 *     DataFrame tickets = session.read().csv("tickets.csv");
 *     tickets.filter(col("status").equalTo("open")).show();
 * }
 * }</pre>
 */
public final class Session implements AutoCloseable {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final SessionConfig config;
    private final Backend backend;
    private final String backendName;
    private final PlanBuilder planBuilder;
    private final Optimizer optimizer = Optimizer.standard();
    private final AtomicLong frameIds = new AtomicLong();
    private final AtomicLong queryIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Session(SessionConfig config, Backend backend, String backendName) {
        this.config = config;
        this.backend = backend;
        this.backendName = backendName;
        this.planBuilder = new PlanBuilder(FunctionRegistry.standard(), Models.of(config));
    }

    /**
     * A builder for a session.
     *
     * <pre>{@code Session session = Session.builder().appName("demo").dataDir(Path.of(".quarry")).build();}</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ sources

    /**
     * A reader for files: CSV, Parquet and newline-delimited JSON.
     *
     * <pre>{@code DataFrame df = session.read().option("delimiter", ";").csv("data/*.csv");}</pre>
     *
     * @return a reader
     */
    public DataFrameReader read() {
        checkOpen();
        return new DataFrameReader(this);
    }

    /**
     * A DataFrame of in-memory rows given as maps from column name to value. Columns come in the
     * order first seen; each column's type is inferred from its values and unified across rows
     * (int and bigint give bigint); a column null in every row is a string; a key missing from a
     * row is null there.
     *
     * <pre>{@code
     * DataFrame df = session.createDataFrame(List.of(
     *         Map.of("id", 1, "name", "ada"),
     *         Map.of("id", 2, "name", "grace")));
     * }</pre>
     *
     * @param rows the rows, at least one
     * @return the DataFrame
     * @throws QuarryException TYPE_MISMATCH when a column holds values of conflicting types
     */
    public DataFrame createDataFrame(List<? extends Map<String, ?>> rows) {
        checkOpen();
        requireNonNull(rows, "rows is null");
        return newFrame(LocalData.fromMaps(rows));
    }

    /**
     * A DataFrame of in-memory rows given as maps, with an explicit schema; each value is checked
     * against its column's type (numbers widen).
     *
     * <pre>{@code
     * Schema schema = Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("name", DataTypes.STRING));
     * DataFrame df = session.createDataFrame(List.of(Map.of("id", 1L, "name", "ada")), schema);
     * }</pre>
     *
     * @param rows the rows (may be empty)
     * @param schema the schema
     * @return the DataFrame
     */
    public DataFrame createDataFrame(List<? extends Map<String, ?>> rows, Schema schema) {
        checkOpen();
        requireNonNull(rows, "rows is null");
        requireNonNull(schema, "schema is null");
        if (schema.size() == 0) {
            throw Errors.invalidArgument("createDataFrame needs a schema with at least one column");
        }
        return newFrame(LocalData.fromMaps(rows, schema));
    }

    /**
     * A DataFrame of in-memory records, one column per record component: nested records become
     * structs, {@code List<T>} arrays, enums strings, {@code Optional<T>} nullable columns,
     * primitives non-nullable columns. An empty list gives zero rows with the record's schema.
     *
     * <pre>{@code
     * record Person(String name, int age) {}
     * DataFrame df = session.createDataFrame(List.of(new Person("ada", 36)), Person.class);
     * }</pre>
     *
     * @param rows the records (may be empty)
     * @param recordType the record class
     * @param <T> the record type
     * @return the DataFrame
     */
    public <T> DataFrame createDataFrame(List<T> rows, Class<T> recordType) {
        checkOpen();
        requireNonNull(rows, "rows is null");
        requireNonNull(recordType, "recordType is null");
        return newFrame(LocalData.fromRecords(rows, recordType));
    }

    /**
     * A DataFrame from a SQL query in the backend's dialect (DuckDB SQL for the embedded backend),
     * where {@code {name}} stands for the DataFrame of that name in {@code frames}. Catalog tables
     * are readable by name.
     *
     * <pre>{@code
     * DataFrame top = session.sql(
     *         "SELECT team, count(*) AS n FROM {tickets} GROUP BY team ORDER BY n DESC",
     *         Map.of("tickets", tickets));
     * }</pre>
     *
     * @param query the query with {@code {name}} placeholders
     * @param frames the DataFrames the placeholders name
     * @return the DataFrame
     * @throws QuarryException INVALID_ARGUMENT for a placeholder naming no frame, SQL_ERROR for a bad query
     */
    public DataFrame sql(String query, Map<String, DataFrame> frames) {
        checkOpen();
        requireNonNull(query, "query is null");
        requireNonNull(frames, "frames is null");
        if (query.isBlank()) {
            throw Errors.invalidArgument("sql(...) needs a query, got a blank string");
        }
        Map<String, LogicalPlan> used = new TreeMap<>();
        List<DataFrame> parents = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(query);
        while (m.find()) {
            String name = m.group(1);
            DataFrame frame = frames.get(name);
            if (frame == null) {
                throw Errors.invalidArgument("The query names {" + name + "}, but no DataFrame was passed under that"
                        + " name. Frames: " + Errors.list(new ArrayList<>(new java.util.TreeSet<>(frames.keySet())))
                        + "." + Suggestions.didYouMean(name, frames.keySet()));
            }
            checkOwn(frame, "sql");
            if (!used.containsKey(name)) {
                used.put(name, frame.logicalPlan());
                parents.add(frame);
            }
        }
        Schema schema = backend.describeSql(query, used);
        return newFrame(new SqlRelation(query, used, schema), parents.toArray(new DataFrame[0]));
    }

    /**
     * A DataFrame from a SQL query without frame placeholders (over catalog tables, files, or constants).
     *
     * <pre>{@code DataFrame df = session.sql("SELECT * FROM tickets WHERE status = 'open'");}</pre>
     *
     * @param query the query
     * @return the DataFrame
     */
    public DataFrame sql(String query) {
        return sql(query, Map.of());
    }

    /**
     * A DataFrame reading a table or view of the catalog.
     *
     * <pre>{@code DataFrame enriched = session.table("enriched_tickets");}</pre>
     *
     * @param name the table name (case-insensitive)
     * @return the DataFrame
     * @throws QuarryException TABLE_NOT_FOUND listing the tables
     */
    public DataFrame table(String name) {
        checkOpen();
        CatalogEntry entry = lookupOrThrow(name);
        return newFrame(new TableScan(entry.name(), entry.schema()));
    }

    /**
     * The catalog: list, describe and drop tables and views.
     *
     * <pre>{@code session.catalog().listTables().forEach(t -> System.out.println(t.name()));}</pre>
     *
     * @return the catalog
     */
    public Catalog catalog() {
        checkOpen();
        return new Catalog(this);
    }

    // ------------------------------------------------------------------ configuration

    /**
     * The application name.
     *
     * <pre>{@code String name = session.appName();}</pre>
     *
     * @return the name
     */
    public String appName() {
        return config.appName();
    }

    /**
     * The directory holding the catalog, caches and temporary files.
     *
     * <pre>{@code Path dir = session.dataDir();}</pre>
     *
     * @return the directory
     */
    public Path dataDir() {
        return config.dataDir();
    }

    /**
     * The name of the backend running this session's queries, e.g. {@code local}.
     *
     * <pre>{@code String backend = session.backendName();}</pre>
     *
     * @return the backend name
     */
    public String backendName() {
        return backendName;
    }

    /**
     * The configured language-model aliases, in registration order.
     *
     * <pre>{@code Set<String> aliases = session.languageModels().keySet();}</pre>
     *
     * @return the models by alias
     */
    public Map<String, LanguageModelConfig> languageModels() {
        return config.languageModels();
    }

    /**
     * The configured embedding-model aliases, in registration order.
     *
     * <pre>{@code Set<String> aliases = session.embeddingModels().keySet();}</pre>
     *
     * @return the models by alias
     */
    public Map<String, EmbeddingModelConfig> embeddingModels() {
        return config.embeddingModels();
    }

    /**
     * The default language-model alias, or null when none is configured or several are and none was chosen.
     *
     * <pre>{@code String alias = session.defaultLanguageModel();}</pre>
     *
     * @return the alias, or null
     */
    public String defaultLanguageModel() {
        return config.defaultLanguageModel();
    }

    /**
     * The default embedding-model alias, or null when none is configured or several are and none was chosen.
     *
     * <pre>{@code String alias = session.defaultEmbeddingModel();}</pre>
     *
     * @return the alias, or null
     */
    public String defaultEmbeddingModel() {
        return config.defaultEmbeddingModel();
    }

    /**
     * The complete configuration, as handed to the backend.
     *
     * <pre>{@code Set<String> off = session.config().disabledRules();}</pre>
     *
     * @return the configuration
     */
    public SessionConfig config() {
        return config;
    }

    /**
     * The names of the optimizer rules, in the order they run (any of them can be switched off
     * with {@link Builder#disableRule(String)}).
     *
     * <pre>{@code List<String> rules = Session.optimizerRules();}</pre>
     *
     * @return the rule names
     */
    public static List<String> optimizerRules() {
        return Optimizer.standard().ruleNames();
    }

    /**
     * Releases the backend (engine, connections, threads). Idempotent; prints nothing.
     *
     * <pre>{@code session.close();}</pre>
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            backend.close();
        }
    }

    /**
     * Whether {@link #close()} was called.
     *
     * <pre>{@code if (!session.isClosed()) { ... }}</pre>
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "Session[" + config.appName() + ", backend " + backendName + ", dataDir " + config.dataDir() + "]";
    }

    // ------------------------------------------------------------------ internals used by DataFrame and friends

    void checkOpen() {
        if (closed.get()) {
            throw Errors.invalidArgument("Session '" + config.appName() + "' is closed; build a new one with"
                    + " Session.builder()...build()");
        }
    }

    void checkOwn(DataFrame frame, String operation) {
        requireNonNull(frame, "DataFrame is null");
        if (frame.session() != this) {
            throw Errors.invalidArgument(operation + "(...) got a DataFrame of another session; DataFrames of"
                    + " different sessions cannot be combined");
        }
    }

    DataFrame newFrame(LogicalPlan plan, DataFrame... parents) {
        return new DataFrame(this, plan, frameIds.incrementAndGet(), List.of(parents));
    }

    PlanBuilder planBuilder() {
        return planBuilder;
    }

    Backend backend() {
        return backend;
    }

    OptimizerResult optimize(LogicalPlan plan) {
        return optimizer.optimize(plan, config.disabledRules());
    }

    /** An optimized and executed plan. */
    record Run(OptimizerResult optimized, QueryResult result) {}

    Run run(LogicalPlan plan, boolean collectOperatorMetrics) {
        checkOpen();
        String queryId = "q" + queryIds.incrementAndGet();
        OptimizerResult optimized = optimize(plan);
        long start = System.nanoTime();
        ExecutionResult r;
        try {
            r = backend.execute(optimized.plan(), new ExecutionContext(queryId, collectOperatorMetrics));
        } catch (QuarryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QuarryException(
                    ErrorCode.INTERNAL_ERROR,
                    "The '" + backendName + "' backend failed unexpectedly running query " + queryId + ": " + e,
                    e);
        }
        Duration execution = Duration.ofNanos(System.nanoTime() - start);
        QueryMetrics metrics = new QueryMetrics(
                queryId,
                optimized.time(),
                execution,
                r.rowCount(),
                r.languageModel(),
                r.embeddingModel(),
                r.operators());
        return new Run(optimized, new QueryResult(r.schema(), r.rows(), metrics));
    }

    CatalogEntry lookupOrThrow(String name) {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw Errors.invalidArgument("A table name must not be blank");
        }
        return backend.lookup(name).orElseThrow(() -> {
            List<String> names = new ArrayList<>();
            for (CatalogEntry e : backend.listTables()) {
                names.add(e.name());
            }
            names.sort(String.CASE_INSENSITIVE_ORDER);
            return new QuarryException(
                    ErrorCode.TABLE_NOT_FOUND,
                    "Table or view '" + name + "' not found. Tables: " + Errors.list(names)
                            + "." + Suggestions.didYouMean(name, names)
                            + (names.isEmpty() ? " Create one with df.write().saveAsTable(\"" + name + "\")" : ""));
        });
    }

    // ------------------------------------------------------------------ builder

    /**
     * Configures and creates a {@link Session}. Every call is checked at once; a wrong value fails
     * with a message that says what was wrong and what is already configured.
     *
     * <pre>{@code
     * Session session = Session.builder()
     *         .appName("support")
     *         .dataDir(Path.of(".quarry"))
     *         .languageModel("fast", OpenAIModel.of("gpt-4.1-nano"))
     *         .embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        /** The setting holding the session's model budget in US dollars ({@link #budgetUsd(double)}). */
        public static final String BUDGET_USD_SETTING = "quarry.budget_usd";

        private String appName = "quarry";
        private Path dataDir = Path.of(".quarry");
        private final Map<String, LanguageModelConfig> languageModels = new LinkedHashMap<>();
        private final Map<String, EmbeddingModelConfig> embeddingModels = new LinkedHashMap<>();
        private String defaultLanguageModel;
        private String defaultEmbeddingModel;
        private String backendName;
        private BackendFactory backendFactory;
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private final Map<String, String> settings = new TreeMap<>();

        private Builder() {}

        /**
         * The application name, shown in logs and metrics (default {@code quarry}).
         *
         * <pre>{@code Session.builder().appName("support")}</pre>
         *
         * @param appName a non-blank name
         * @return this builder
         */
        public Builder appName(String appName) {
            if (appName == null || appName.isBlank()) {
                throw invalid("appName must be a non-blank name, got " + quote(appName) + " (currently '" + this.appName
                        + "')");
            }
            this.appName = appName;
            return this;
        }

        /**
         * The directory for the catalog, caches and temporary files (default {@code ./.quarry});
         * created if missing.
         *
         * <pre>{@code Session.builder().dataDir(Path.of("/var/lib/quarry"))}</pre>
         *
         * @param dataDir the directory
         * @return this builder
         */
        public Builder dataDir(Path dataDir) {
            if (dataDir == null) {
                throw invalid("dataDir must not be null (currently " + this.dataDir + ")");
            }
            this.dataDir = dataDir;
            return this;
        }

        /**
         * Registers a language model under an alias; semantic operators name it with
         * {@code SemanticOptions.model(alias)}.
         *
         * <pre>{@code Session.builder().languageModel("fast", OpenAIModel.of("gpt-4.1-nano").rpm(500))}</pre>
         *
         * @param alias a non-blank alias, unique among language models
         * @param model the model configuration
         * @return this builder
         */
        public Builder languageModel(String alias, LanguageModelConfig model) {
            checkAlias(alias, "languageModel");
            if (model == null) {
                throw invalid("languageModel(\"" + alias + "\", null): the model configuration is null");
            }
            LanguageModelConfig existing = languageModels.get(alias);
            if (existing != null) {
                throw invalid("Language model alias '" + alias + "' is already configured (" + describe(existing)
                        + "). Configured language models: " + Errors.list(languageModels.keySet())
                        + ". Use another alias");
            }
            languageModels.put(alias, model);
            return this;
        }

        /**
         * Registers an embedding model under an alias.
         *
         * <pre>{@code Session.builder().embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())}</pre>
         *
         * @param alias a non-blank alias, unique among embedding models
         * @param model the model configuration
         * @return this builder
         */
        public Builder embeddingModel(String alias, EmbeddingModelConfig model) {
            checkAlias(alias, "embeddingModel");
            if (model == null) {
                throw invalid("embeddingModel(\"" + alias + "\", null): the model configuration is null");
            }
            EmbeddingModelConfig existing = embeddingModels.get(alias);
            if (existing != null) {
                throw invalid("Embedding model alias '" + alias + "' is already configured (" + describe(existing)
                        + "). Configured embedding models: " + Errors.list(embeddingModels.keySet())
                        + ". Use another alias");
            }
            embeddingModels.put(alias, model);
            return this;
        }

        /**
         * The language model semantic operators use when they name none; optional when exactly one
         * language model is configured. Checked in {@link #build()}.
         *
         * <pre>{@code Session.builder().languageModel("fast", ...).languageModel("smart", ...).defaultLanguageModel("fast")}</pre>
         *
         * @param alias an alias registered with {@link #languageModel}
         * @return this builder
         */
        public Builder defaultLanguageModel(String alias) {
            checkAlias(alias, "defaultLanguageModel");
            this.defaultLanguageModel = alias;
            return this;
        }

        /**
         * The embedding model used when none is named; optional when exactly one is configured.
         * Checked in {@link #build()}.
         *
         * <pre>{@code Session.builder().embeddingModel("mini", ...).defaultEmbeddingModel("mini")}</pre>
         *
         * @param alias an alias registered with {@link #embeddingModel}
         * @return this builder
         */
        public Builder defaultEmbeddingModel(String alias) {
            checkAlias(alias, "defaultEmbeddingModel");
            this.defaultEmbeddingModel = alias;
            return this;
        }

        /**
         * The backend to run queries on, by name ({@code local} for embedded DuckDB); by default
         * the one with the highest priority on the classpath.
         *
         * <pre>{@code Session.builder().backend("local")}</pre>
         *
         * @param name the backend name
         * @return this builder
         */
        public Builder backend(String name) {
            if (name == null || name.isBlank()) {
                throw invalid("backend(...) needs a backend name such as 'local', got " + quote(name));
            }
            if (backendFactory != null) {
                throw invalid("backend(\"" + name + "\"): a backend factory (" + backendFactory.name()
                        + ") is already set with backendFactory(...); use one or the other");
            }
            this.backendName = name;
            return this;
        }

        /**
         * Uses this backend factory instead of looking one up with {@link ServiceLoader} (for
         * custom backends and tests).
         *
         * <pre>{@code Session.builder().backendFactory(new MyBackendFactory())}</pre>
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder backendFactory(BackendFactory factory) {
            if (factory == null) {
                throw invalid("backendFactory(null): the factory is null");
            }
            if (backendName != null) {
                throw invalid("backendFactory(" + factory.name() + "): backend(\"" + backendName
                        + "\") is already set; use one or the other");
            }
            this.backendFactory = factory;
            return this;
        }

        /**
         * Switches off an optimizer rule by name (see {@link Session#optimizerRules()}).
         *
         * <pre>{@code Session.builder().disableRule("PruneColumns")}</pre>
         *
         * @param ruleName the rule name
         * @return this builder
         * @throws QuarryException INVALID_CONFIGURATION for an unknown rule, listing the rules
         */
        public Builder disableRule(String ruleName) {
            List<String> rules = optimizerRules();
            if (ruleName == null || !rules.contains(ruleName)) {
                throw invalid("Unknown optimizer rule " + quote(ruleName) + ". Rules: " + Errors.list(rules)
                        + "." + (ruleName == null ? "" : Suggestions.didYouMean(ruleName, rules))
                        + (disabledRules.isEmpty() ? "" : " Already disabled: " + Errors.list(disabledRules) + "."));
            }
            disabledRules.add(ruleName);
            return this;
        }

        /**
         * A free-form backend setting, e.g. {@code duckdb.memory_limit}; setting a key again replaces its value.
         *
         * <pre>{@code Session.builder().config("duckdb.threads", "2")}</pre>
         *
         * @param key a non-blank key
         * @param value the value
         * @return this builder
         */
        public Builder config(String key, String value) {
            if (key == null || key.isBlank()) {
                throw invalid("config(...) needs a non-blank key, got " + quote(key));
            }
            if (value == null) {
                throw invalid("config(\"" + key + "\", null): the value is null"
                        + (settings.containsKey(key) ? " (currently '" + settings.get(key) + "')" : ""));
            }
            settings.put(key, value);
            return this;
        }

        /**
         * The most this session may spend on model calls, in US dollars. A query whose spend would
         * pass what remains of the budget is stopped before the request that would pass it, with a
         * message saying what was spent and what remained. Stored as the setting
         * {@value #BUDGET_USD_SETTING}; the backend enforces it.
         *
         * <pre>{@code Session.builder().budgetUsd(5.00)}</pre>
         *
         * @param usd a finite amount greater than 0
         * @return this builder
         */
        public Builder budgetUsd(double usd) {
            if (!Double.isFinite(usd) || usd <= 0) {
                throw invalid("budgetUsd must be a finite amount of US dollars greater than 0, got " + usd
                        + (settings.containsKey(BUDGET_USD_SETTING)
                                ? " (currently " + settings.get(BUDGET_USD_SETTING) + ")"
                                : ""));
            }
            settings.put(
                    BUDGET_USD_SETTING,
                    java.math.BigDecimal.valueOf(usd).stripTrailingZeros().toPlainString());
            return this;
        }

        /**
         * Checks the configuration, creates the data directory and starts the backend.
         *
         * <pre>{@code Session session = Session.builder().build();}</pre>
         *
         * @return the session
         * @throws QuarryException MODEL_NOT_CONFIGURED for a default alias that names no model,
         *     INVALID_CONFIGURATION when no backend is found, IO_ERROR when the data directory cannot be created
         */
        public Session build() {
            String defaultLm = resolveDefault(
                    defaultLanguageModel,
                    languageModels.keySet(),
                    embeddingModels.keySet(),
                    "language",
                    "defaultLanguageModel",
                    "languageModel");
            String defaultEm = resolveDefault(
                    defaultEmbeddingModel,
                    embeddingModels.keySet(),
                    languageModels.keySet(),
                    "embedding",
                    "defaultEmbeddingModel",
                    "embeddingModel");
            BackendFactory factory = backendFactory != null ? backendFactory : findFactory();
            try {
                Files.createDirectories(dataDir);
            } catch (IOException | RuntimeException e) {
                throw new QuarryException(
                        ErrorCode.IO_ERROR,
                        "Cannot create the data directory '" + dataDir.toAbsolutePath() + "': " + e.getMessage()
                                + ". Choose a writable directory with dataDir(...)",
                        e);
            }
            SessionConfig config = new SessionConfig(
                    appName,
                    dataDir,
                    languageModels,
                    embeddingModels,
                    defaultLm,
                    defaultEm,
                    new HashSet<>(disabledRules),
                    settings);
            Backend backend = factory.create(config);
            if (backend == null) {
                throw new QuarryException(
                        ErrorCode.INTERNAL_ERROR, "Backend factory '" + factory.name() + "' returned no backend");
            }
            return new Session(config, backend, factory.name());
        }

        private static String resolveDefault(
                String chosen, Set<String> aliases, Set<String> otherKind, String kind, String method, String adder) {
            if (chosen == null) {
                return aliases.size() == 1 ? aliases.iterator().next() : null;
            }
            if (aliases.contains(chosen)) {
                return chosen;
            }
            String hint = otherKind.contains(chosen)
                    ? " '" + chosen + "' is configured as an " + (kind.equals("language") ? "embedding" : "language")
                            + " model, not a " + kind + " model."
                    : Suggestions.didYouMean(chosen, aliases);
            throw new QuarryException(
                    ErrorCode.MODEL_NOT_CONFIGURED,
                    method + "(\"" + chosen + "\"): model alias '" + chosen + "' is not configured; configured "
                            + kind + " models: " + Errors.list(aliases) + "." + hint + " Register it with "
                            + adder + "(\"" + chosen + "\", ...)");
        }

        private BackendFactory findFactory() {
            List<BackendFactory> found = new ArrayList<>();
            try {
                for (BackendFactory f : ServiceLoader.load(BackendFactory.class)) {
                    found.add(f);
                }
            } catch (ServiceConfigurationError e) {
                throw new QuarryException(
                        ErrorCode.INVALID_CONFIGURATION,
                        "A Quarry backend on the classpath could not be loaded: " + e.getMessage(),
                        e);
            }
            if (found.isEmpty()) {
                throw invalid("No Quarry backend found on the classpath. Add the dependency dev.quarry:quarry"
                        + " (the embedded DuckDB backend) to your build");
            }
            if (backendName != null) {
                List<String> names = new ArrayList<>();
                for (BackendFactory f : found) {
                    if (f.name().equalsIgnoreCase(backendName)) {
                        return f;
                    }
                    names.add(f.name());
                }
                throw invalid("No backend named '" + backendName + "' on the classpath. Available backends: "
                        + Errors.list(names) + "." + Suggestions.didYouMean(backendName, names));
            }
            found.sort(Comparator.comparingInt(BackendFactory::priority).reversed());
            return found.get(0);
        }

        private void checkAlias(String alias, String method) {
            if (alias == null || alias.isBlank()) {
                throw invalid(method + "(...) needs a non-blank model alias, got " + quote(alias)
                        + ". Configured language models: " + Errors.list(languageModels.keySet())
                        + "; embedding models: " + Errors.list(embeddingModels.keySet()));
            }
        }

        private static String describe(ModelConfig model) {
            return model.provider() + " " + model.modelName();
        }

        private static String quote(String s) {
            return s == null ? "null" : "'" + s + "'";
        }

        private static QuarryException invalid(String message) {
            return new QuarryException(ErrorCode.INVALID_CONFIGURATION, message);
        }
    }
}
