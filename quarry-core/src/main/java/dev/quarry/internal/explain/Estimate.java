package dev.quarry.internal.explain;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.spi.Backend;
import dev.quarry.spi.InferenceEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the model calls of a plan are expected to cost, as the backend estimates it before anything
 * runs, and its table in {@code explain()}.
 *
 * <pre>
 * == Inference Estimate ==
 * operator                                               model  requests  input tokens  output tokens  cost (USD)
 * semantic.classify(team) semantic.classify(body, ...)   fast      1,000       180,000          3,000    0.019200
 * total                                                            1,000       180,000          3,000    0.019200
 * </pre>
 *
 * @param operators how many semantic operators calling a model the plan has
 * @param estimates the backend's estimates, one per operator it could estimate
 * @param failure why the backend could not estimate, or null
 */
public record Estimate(int operators, List<InferenceEstimate> estimates, String failure) {
    /** Validates and copies. */
    public Estimate {
        estimates = List.copyOf(requireNonNull(estimates, "estimates is null"));
    }

    /**
     * The estimate of an optimized plan, or null when the plan has no semantic operator. Asks the
     * backend, which sends no request; a backend failure is shown instead of failing explain.
     *
     * <pre>{@code Estimate e = Estimate.of(backend, optimized.plan());}</pre>
     *
     * @param backend the backend that would run the plan
     * @param plan the optimized plan
     * @return the estimate, or null
     */
    public static Estimate of(Backend backend, LogicalPlan plan) {
        int[] counts = new int[2]; // {model-calling operators, any semantic operator}
        count(plan, counts);
        if (counts[1] == 0) {
            return null;
        }
        try {
            List<InferenceEstimate> estimates = backend.estimateInference(plan);
            return new Estimate(counts[0], estimates == null ? List.of() : estimates, null);
        } catch (RuntimeException e) {
            return new Estimate(counts[0], List.of(), String.valueOf(e.getMessage()));
        }
    }

    private static void count(LogicalPlan plan, int[] counts) {
        if (plan instanceof SemanticProject sp) {
            counts[0] += sp.columns().size();
            counts[1]++;
        } else if (plan instanceof SemanticJoin) {
            counts[0]++;
            counts[1]++;
        } else if (plan instanceof SimilarityJoin || plan instanceof ClusterLabels) {
            counts[1]++;
        }
        for (LogicalPlan c : plan.children()) {
            count(c, counts);
        }
    }

    /**
     * The section text, ending with a newline.
     *
     * <pre>{@code String text = estimate.render();}</pre>
     *
     * @return the text
     */
    public String render() {
        StringBuilder sb = new StringBuilder("== Inference Estimate ==\n");
        if (failure != null) {
            return sb.append("no estimate: ").append(failure).append('\n').toString();
        }
        if (estimates.isEmpty()) {
            return sb.append(
                            operators == 0
                                    ? "no model calls (similarity joins and clustering run locally)\n"
                                    : "the backend gives no estimate for the " + operators + " model-calling operator"
                                            + (operators == 1 ? "" : "s") + "\n")
                    .toString();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"operator", "model", "requests", "input tokens", "output tokens", "cost (USD)"});
        long requests = 0;
        long input = 0;
        long output = 0;
        double cost = 0;
        for (InferenceEstimate e : estimates) {
            rows.add(new String[] {
                e.operator() + (e.details().isEmpty() ? "" : " " + e.details()),
                e.modelAlias(),
                count(e.requests()),
                count(e.inputTokens()),
                count(e.outputTokens()),
                usd(e.costUsd())
            });
            requests += e.requests();
            input += e.inputTokens();
            output += e.outputTokens();
            cost += e.costUsd();
        }
        rows.add(new String[] {"total", "", count(requests), count(input), count(output), usd(cost)});
        int[] widths = new int[6];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            line.append(pad(r[0], widths[0], false)).append("  ").append(pad(r[1], widths[1], false));
            for (int i = 2; i < r.length; i++) {
                line.append("  ").append(pad(r[i], widths[i], true));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String usd(double usd) {
        return String.format(Locale.ROOT, "%.6f", usd);
    }
}
