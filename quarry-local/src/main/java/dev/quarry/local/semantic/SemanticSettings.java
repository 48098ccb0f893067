package dev.quarry.local.semantic;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.Locale;
import java.util.Map;

/**
 * The session settings that steer semantic execution, read once from {@code SessionConfig.settings()}
 * and validated with messages that name the setting and the bad value.
 *
 * <ul>
 *   <li>{@code quarry.budget_usd}: the most the session may spend on models, in US dollars (default:
 *       no budget);
 *   <li>{@code quarry.max_concurrency}: requests in flight per model (default 64);
 *   <li>{@code quarry.response_cache}: {@code true}/{@code false}, the persistent response cache under
 *       the data directory (default true; only temperature-0 requests are cached);
 *   <li>{@code quarry.reduce_context_tokens}: the context budget of one reduce prompt in tokens
 *       (default: the model's context window, or 8,192 when the model's window is unknown);
 *   <li>{@code quarry.batch_rows}: how many input rows an operator holds at most while they wait
 *       for answers, and how many recent answers it remembers to answer identical prompts
 *       (default 2,048; the rows themselves stay in DuckDB);
 *   <li>{@code quarry.progress}: {@code auto} (a progress bar on stderr when a terminal is
 *       attached), {@code always} or {@code never} (default auto).
 * </ul>
 *
 * @param budgetUsd the session budget, or null for none
 * @param maxConcurrency requests in flight per model
 * @param responseCache whether answers are cached on disk
 * @param reduceContextTokens the context budget of a reduce prompt, or 0 for the model's window
 * @param batchRows rows an operator holds at most while they wait for answers
 * @param progress when to draw progress bars
 */
public record SemanticSettings(
        Double budgetUsd,
        int maxConcurrency,
        boolean responseCache,
        int reduceContextTokens,
        int batchRows,
        ProgressMode progress) {

    /** The setting naming the session budget in US dollars. */
    public static final String BUDGET_USD = "quarry.budget_usd";
    /** The setting capping requests in flight per model. */
    public static final String MAX_CONCURRENCY = "quarry.max_concurrency";
    /** The setting switching the persistent response cache. */
    public static final String RESPONSE_CACHE = "quarry.response_cache";
    /** The setting overriding the context budget of reduce prompts. */
    public static final String REDUCE_CONTEXT_TOKENS = "quarry.reduce_context_tokens";
    /** The setting bounding the rows an operator holds while they wait for answers. */
    public static final String BATCH_ROWS = "quarry.batch_rows";
    /** The setting saying when progress bars are drawn. */
    public static final String PROGRESS = "quarry.progress";

    /** When progress bars are drawn on stderr. */
    public enum ProgressMode {
        /** When a terminal is attached ({@code System.console() != null}). */
        AUTO,
        /** Always. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    /** Validates. */
    public SemanticSettings {
        if (budgetUsd != null && (!(budgetUsd >= 0) || budgetUsd.isInfinite())) {
            throw new IllegalArgumentException("budgetUsd must be a finite number >= 0, was " + budgetUsd);
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
        }
        if (reduceContextTokens < 0) {
            throw new IllegalArgumentException("reduceContextTokens must be >= 0, was " + reduceContextTokens);
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1, was " + batchRows);
        }
        java.util.Objects.requireNonNull(progress, "progress is null");
    }

    /**
     * Reads the settings of a session.
     *
     * <pre>{@code SemanticSettings s = SemanticSettings.from(Map.of("quarry.budget_usd", "2.50"));}</pre>
     *
     * @param settings the session's settings
     * @return the semantic settings
     * @throws QuarryException INVALID_CONFIGURATION when a value is malformed or out of range
     */
    public static SemanticSettings from(Map<String, String> settings) {
        Double budget = null;
        String b = settings.get(BUDGET_USD);
        if (b != null) {
            budget = parseDouble(BUDGET_USD, b);
            if (budget < 0 || budget.isInfinite()) {
                throw invalid(BUDGET_USD, b, "a finite amount of US dollars >= 0, e.g. 5.00");
            }
        }
        int concurrency = parseInt(settings, MAX_CONCURRENCY, 64, 1, 10_000);
        boolean cache = true;
        String c = settings.get(RESPONSE_CACHE);
        if (c != null) {
            String v = c.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw invalid(RESPONSE_CACHE, c, "true or false");
            }
            cache = v.equals("true");
        }
        int context = parseInt(settings, REDUCE_CONTEXT_TOKENS, 0, 64, Integer.MAX_VALUE);
        int batch = parseInt(settings, BATCH_ROWS, 2048, 1, 1_000_000);
        ProgressMode progress = ProgressMode.AUTO;
        String p = settings.get(PROGRESS);
        if (p != null) {
            try {
                progress = ProgressMode.valueOf(p.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(PROGRESS, p, "auto, always or never");
            }
        }
        return new SemanticSettings(budget, concurrency, cache, context, batch, progress);
    }

    private static int parseInt(Map<String, String> settings, String key, int fallback, int min, int max) {
        String raw = settings.get(key);
        if (raw == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw invalid(key, raw, "a whole number between " + min + " and " + max);
        }
        return value;
    }

    private static double parseDouble(String key, String raw) {
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a finite amount of US dollars >= 0, e.g. 5.00");
        }
    }

    private static QuarryException invalid(String key, String value, String expected) {
        return new QuarryException(
                ErrorCode.INVALID_CONFIGURATION,
                "Setting '" + key + "' is '" + value + "'; expected " + expected + ".");
    }
}
