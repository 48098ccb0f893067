package dev.quarry.inference;

import dev.quarry.ModelUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Usage accounted per query, operator and model alias: requests, tokens, cost, cache hits, retries,
 * 429s and failed rows. Snapshots are {@link ModelUsage} values. Thread-safe.
 *
 * <pre>{@code
 * UsageLedger ledger = runtime.usage();
 * ModelUsage op = ledger.usage(UsageKey.of("q1", "extract#1"));
 * ModelUsage lm = ledger.usageOfQuery("q1", ModelKind.LANGUAGE);
 * ModelUsage fast = ledger.usageOfModel("fast");
 * }</pre>
 */
public final class UsageLedger {
    private record Cell(UsageKey key, String alias) {}

    private static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder input = new LongAdder();
        final LongAdder cachedInput = new LongAdder();
        final LongAdder output = new LongAdder();
        final LongAdder reasoning = new LongAdder();
        final DoubleAdder cost = new DoubleAdder();
        final LongAdder cacheHits = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder rateLimited = new LongAdder();
        final LongAdder failedRows = new LongAdder();

        ModelUsage snapshot() {
            return new ModelUsage(
                    requests.sum(),
                    input.sum(),
                    cachedInput.sum(),
                    output.sum(),
                    reasoning.sum(),
                    cost.sum(),
                    cacheHits.sum(),
                    retries.sum(),
                    rateLimited.sum(),
                    failedRows.sum());
        }
    }

    private final Map<Cell, Counters> cells = new ConcurrentHashMap<>();
    private final Map<String, ModelKind> kinds;

    UsageLedger(Map<String, ModelKind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    private Counters cell(UsageKey key, String alias) {
        return cells.computeIfAbsent(new Cell(key, alias), c -> new Counters());
    }

    /** Records one call answered by the provider (or failed after attempts). */
    void record(UsageKey key, String alias, long requests, CallUsage usage) {
        Counters c = cell(key, alias);
        if (requests > 0) c.requests.add(requests);
        if (usage.cacheHit()) c.cacheHits.increment();
        c.input.add(usage.inputTokens());
        c.cachedInput.add(usage.cachedInputTokens());
        c.output.add(usage.outputTokens());
        c.reasoning.add(usage.reasoningTokens());
        if (usage.costUsd() != 0) c.cost.add(usage.costUsd());
        c.retries.add(usage.retries());
        c.rateLimited.add(usage.rateLimited());
    }

    /**
     * Records rows whose result is null because the model's output could not be used.
     *
     * <pre>{@code runtime.usage().recordFailedRows(key, "fast", 1);}</pre>
     *
     * @param key the query and operator
     * @param alias the model alias
     * @param rows the number of rows
     */
    public void recordFailedRows(UsageKey key, String alias, long rows) {
        cell(key, alias).failedRows.add(rows);
    }

    private ModelUsage sum(Predicate<Cell> filter) {
        ModelUsage total = ModelUsage.NONE;
        for (Map.Entry<Cell, Counters> e : cells.entrySet()) {
            if (filter.test(e.getKey())) total = total.plus(e.getValue().snapshot());
        }
        return total;
    }

    /**
     * Usage of one operator, all models.
     *
     * <pre>{@code ModelUsage u = ledger.usage(UsageKey.of("q1", "classify#2"));}</pre>
     *
     * @param key the query and operator
     * @return the usage
     */
    public ModelUsage usage(UsageKey key) {
        return sum(c -> c.key().equals(key));
    }

    /**
     * Usage of one operator and kind of model.
     *
     * <pre>{@code ModelUsage u = ledger.usage(key, ModelKind.EMBEDDING);}</pre>
     *
     * @param key the query and operator
     * @param kind language or embedding models
     * @return the usage
     */
    public ModelUsage usage(UsageKey key, ModelKind kind) {
        return sum(c -> c.key().equals(key) && kinds.get(c.alias()) == kind);
    }

    /**
     * Usage of one operator with one model.
     *
     * <pre>{@code ModelUsage u = ledger.usage(key, "fast");}</pre>
     *
     * @param key the query and operator
     * @param alias the model alias
     * @return the usage
     */
    public ModelUsage usage(UsageKey key, String alias) {
        return sum(c -> c.key().equals(key) && c.alias().equals(alias));
    }

    /**
     * Usage of a whole query for one kind of model.
     *
     * <pre>{@code ModelUsage lm = ledger.usageOfQuery("q1", ModelKind.LANGUAGE);}</pre>
     *
     * @param query the query id
     * @param kind language or embedding models
     * @return the usage
     */
    public ModelUsage usageOfQuery(String query, ModelKind kind) {
        return sum(c -> c.key().query().equals(query) && kinds.get(c.alias()) == kind);
    }

    /**
     * Usage of one model across all queries.
     *
     * <pre>{@code ModelUsage u = ledger.usageOfModel("fast");}</pre>
     *
     * @param alias the model alias
     * @return the usage
     */
    public ModelUsage usageOfModel(String alias) {
        return sum(c -> c.alias().equals(alias));
    }

    /**
     * Usage of everything since the runtime started.
     *
     * <pre>{@code ModelUsage all = ledger.total();}</pre>
     *
     * @return the usage
     */
    public ModelUsage total() {
        return sum(c -> true);
    }
}
