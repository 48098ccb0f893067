package dev.quarry.internal.explain;

import dev.quarry.ExplainMode;
import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.QueryMetrics;
import dev.quarry.internal.optimizer.OptimizerResult;
import dev.quarry.internal.optimizer.RuleRun;
import dev.quarry.internal.plan.LogicalPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The text of {@code DataFrame.explain(...)}. */
public final class ExplainRenderer {
    private ExplainRenderer() {}

    /**
     * Renders an explanation.
     *
     * <pre>{@code ExplainRenderer.render(plan, optimizer.optimize(plan, Set.of()), Set.of(), ExplainMode.EXTENDED, null)}</pre>
     *
     * @param logical the analyzed plan
     * @param optimized what the optimizer made of it
     * @param disabledRules the rules switched off in the session
     * @param mode how much to show
     * @param metrics the executed query's metrics (ANALYZE only), or null
     * @return the text, ending with a newline
     */
    public static String render(
            LogicalPlan logical,
            OptimizerResult optimized,
            Set<String> disabledRules,
            ExplainMode mode,
            QueryMetrics metrics) {
        return render(logical, optimized, disabledRules, mode, metrics, null);
    }

    /**
     * Renders an explanation with the estimated model use of the plan's semantic operators.
     *
     * <pre>{@code ExplainRenderer.render(plan, optimized, Set.of(), ExplainMode.EXTENDED, null, Estimate.of(backend, optimized.plan()))}</pre>
     *
     * @param logical the analyzed plan
     * @param optimized what the optimizer made of it
     * @param disabledRules the rules switched off in the session
     * @param mode how much to show
     * @param metrics the executed query's metrics (ANALYZE only), or null
     * @param estimate the inference estimate of the optimized plan, or null when it has no semantic operator
     * @return the text, ending with a newline
     */
    public static String render(
            LogicalPlan logical,
            OptimizerResult optimized,
            Set<String> disabledRules,
            ExplainMode mode,
            QueryMetrics metrics,
            Estimate estimate) {
        StringBuilder sb = new StringBuilder();
        if (mode == ExplainMode.SIMPLE) {
            sb.append("== Optimized Plan ==\n").append(PlanPrinter.print(optimized.plan()));
            if (estimate != null) {
                sb.append('\n').append(estimate.render());
            }
            return sb.toString();
        }
        sb.append("== Logical Plan ==\n").append(PlanPrinter.print(logical));
        sb.append("\n== Optimized Plan ==\n").append(PlanPrinter.print(optimized.plan()));
        sb.append("\n== Optimizer (").append(ms(optimized.time())).append(") ==\n");
        List<RuleRun> fired = optimized.fired();
        if (fired.isEmpty()) {
            sb.append("no rule changed the plan\n");
        }
        int width = 0;
        for (RuleRun r : fired) {
            width = Math.max(width, r.name().length());
        }
        for (RuleRun r : fired) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s  fired %d time%s  %s%n",
                    r.name(),
                    r.fired(),
                    r.fired() == 1 ? " " : "s",
                    ms(r.time())));
        }
        List<String> idle = new ArrayList<>();
        for (RuleRun r : optimized.rules()) {
            if (r.fired() == 0) {
                idle.add(r.name());
            }
        }
        if (!idle.isEmpty()) {
            sb.append("did not apply: ").append(String.join(", ", idle)).append('\n');
        }
        if (!disabledRules.isEmpty()) {
            sb.append("disabled: ")
                    .append(String.join(", ", new TreeSet<>(disabledRules)))
                    .append('\n');
        }
        if (estimate != null) {
            sb.append('\n').append(estimate.render());
        }
        if (mode == ExplainMode.ANALYZE && metrics != null) {
            sb.append("\n== Execution (query ").append(metrics.queryId()).append(") ==\n");
            sb.append("planning ")
                    .append(ms(metrics.planningTime()))
                    .append(", execution ")
                    .append(ms(metrics.executionTime()))
                    .append(", ")
                    .append(metrics.outputRows())
                    .append(metrics.outputRows() == 1 ? " row\n" : " rows\n");
            if (!metrics.languageModel().equals(ModelUsage.NONE)) {
                sb.append("language model: ").append(metrics.languageModel()).append('\n');
            }
            if (!metrics.embeddingModel().equals(ModelUsage.NONE)) {
                sb.append("embedding model: ").append(metrics.embeddingModel()).append('\n');
            }
            if (metrics.operators().isEmpty()) {
                sb.append("(the backend reported no per-operator metrics)\n");
            }
            for (OperatorMetrics op : metrics.operators()) {
                sb.append(op.operator());
                if (!op.details().isEmpty()) {
                    sb.append(' ').append(op.details());
                }
                sb.append(": ").append(ms(op.time()));
                if (op.outputRows() >= 0) {
                    sb.append(", ").append(op.outputRows()).append(op.outputRows() == 1 ? " row" : " rows");
                }
                if (!op.languageModel().equals(ModelUsage.NONE)) {
                    sb.append(", language model: ").append(op.languageModel());
                }
                if (!op.embeddingModel().equals(ModelUsage.NONE)) {
                    sb.append(", embedding model: ").append(op.embeddingModel());
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.3f ms", d.toNanos() / 1_000_000.0);
    }
}
