package dev.quarry.local.semantic;

import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.ModelKind;
import dev.quarry.inference.UsageKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One semantic operator of one query: its name, the key its model usage is accounted to, and the
 * rows whose model output could not be used (counted as {@code failedRows}; the first few messages
 * are kept and shown in the operator's metrics and logged).
 */
final class OperatorRun {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorRun.class);
    static final int SAMPLE = 3;

    private final String name;
    private final String details;
    private final UsageKey key;
    private final String alias;
    private final InferenceRuntime runtime;
    private final List<String> samples = new ArrayList<>();
    private long failed;

    /**
     * An operator run.
     *
     * @param name the operator as metrics show it, e.g. {@code semantic.extract(info)}
     * @param details its arguments as shown in metrics
     * @param key whom its usage is accounted to
     * @param alias the model alias it uses
     * @param runtime the runtime (null when the operator calls no model)
     */
    OperatorRun(String name, String details, UsageKey key, String alias, InferenceRuntime runtime) {
        this.name = name;
        this.details = details;
        this.key = key;
        this.alias = alias;
        this.runtime = runtime;
    }

    String name() {
        return name;
    }

    UsageKey key() {
        return key;
    }

    String alias() {
        return alias;
    }

    /**
     * Records a row whose model output could not be used.
     *
     * @param message why
     */
    void failed(String message) {
        failed++;
        if (samples.size() < SAMPLE) {
            samples.add(message);
            LOG.warn("{}: a row gets null because the model's output could not be used: {}", name, message);
        }
        runtime.usage().recordFailedRows(key, alias, 1);
    }

    /**
     * The operator's metrics.
     *
     * @param time its wall time
     * @param rows its output rows
     * @return the metrics
     */
    OperatorMetrics metrics(Duration time, long rows) {
        ModelUsage lm = runtime == null ? ModelUsage.NONE : runtime.usage().usage(key, ModelKind.LANGUAGE);
        ModelUsage em = runtime == null ? ModelUsage.NONE : runtime.usage().usage(key, ModelKind.EMBEDDING);
        String shown = details;
        if (failed > 0) {
            shown += " [" + failed + (failed == 1 ? " row" : " rows") + " failed: " + String.join(" | ", samples)
                    + (failed > samples.size() ? " | ..." : "") + "]";
        }
        return new OperatorMetrics(name, shown, time, rows, lm, em);
    }
}
