package dev.quarry.cli;

import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.QueryMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The model usage of one or more queries as text: a table with one line per operator that called a
 * model (or ran a vector kernel), and the totals.
 *
 * <pre>{@code
 * UsageReport report = UsageReport.of(List.of(result.metrics()));
 * System.out.print(report.table());
 * System.out.println(report.totals());
 * }</pre>
 */
final class UsageReport {
    private static final List<String> HEADERS = List.of(
            "operator",
            "rows",
            "requests",
            "cache hits",
            "input tokens",
            "output tokens",
            "cost USD",
            "failed",
            "time");
    private static final boolean[] NUMERIC = {false, true, true, true, true, true, true, true, true};

    private final List<OperatorMetrics> operators;
    private final ModelUsage languageModel;
    private final ModelUsage embeddingModel;

    private UsageReport(List<OperatorMetrics> operators, ModelUsage languageModel, ModelUsage embeddingModel) {
        this.operators = List.copyOf(operators);
        this.languageModel = languageModel;
        this.embeddingModel = embeddingModel;
    }

    static UsageReport of(List<QueryMetrics> queries) {
        List<OperatorMetrics> ops = new ArrayList<>();
        ModelUsage lm = ModelUsage.NONE;
        ModelUsage em = ModelUsage.NONE;
        for (QueryMetrics q : queries) {
            lm = lm.plus(q.languageModel());
            em = em.plus(q.embeddingModel());
            for (OperatorMetrics op : q.operators()) {
                if (isModelOrVector(op)) {
                    ops.add(op);
                }
            }
        }
        return new UsageReport(ops, lm, em);
    }

    private static boolean isModelOrVector(OperatorMetrics op) {
        String name = op.operator().toLowerCase(Locale.ROOT);
        return !op.languageModel().equals(ModelUsage.NONE)
                || !op.embeddingModel().equals(ModelUsage.NONE)
                || name.startsWith("semantic")
                || name.contains("cluster")
                || name.contains("similarity");
    }

    /** Language-model usage summed over the queries. */
    ModelUsage languageModel() {
        return languageModel;
    }

    /** Embedding-model usage summed over the queries. */
    ModelUsage embeddingModel() {
        return embeddingModel;
    }

    String table() {
        List<List<String>> rows = new ArrayList<>();
        for (OperatorMetrics op : operators) {
            ModelUsage u = op.languageModel().plus(op.embeddingModel());
            rows.add(List.of(
                    op.operator(),
                    op.outputRows() < 0 ? "" : String.valueOf(op.outputRows()),
                    String.valueOf(u.requests()),
                    String.valueOf(u.cacheHits()),
                    String.valueOf(u.inputTokens()),
                    String.valueOf(u.outputTokens()),
                    String.format(Locale.ROOT, "%.5f", u.costUsd()),
                    String.valueOf(u.failedRows()),
                    String.format(Locale.ROOT, "%.2f s", op.time().toNanos() / 1e9)));
        }
        return TablePrinter.render(HEADERS, rows, NUMERIC, 60);
    }

    /**
     * A note when the optimizer ran a semantic filter before operators written above it (they then
     * saw fewer rows), e.g. the demo's {@code semantic.predicate(filter)} before its extract and
     * classify.
     */
    Optional<String> reorderNote() {
        for (int i = 0; i < operators.size(); i++) {
            if (!operators.get(i).operator().startsWith("semantic.")) {
                continue;
            }
            if (isFilter(operators.get(i).operator())) {
                long rowsAfter = -1;
                for (int j = i + 1; j < operators.size(); j++) {
                    if (operators.get(j).operator().startsWith("semantic.")) {
                        rowsAfter = operators.get(j).outputRows();
                        break;
                    }
                }
                if (rowsAfter >= 0 && rowsAfter < operators.get(i).outputRows()) {
                    return Optional.of("The optimizer ran the semantic filter first: the operators after it" + " saw "
                            + rowsAfter + " rows instead of " + operators.get(i).outputRows() + ".");
                }
            }
            return Optional.empty(); // only when the filter is the first semantic operator
        }
        return Optional.empty();
    }

    /** {@code Language model: 612 requests, 80,120 input + 5,230 output tokens, $0.0102, 0 cache hits, 0 failed rows}. */
    String totals() {
        StringBuilder sb = new StringBuilder();
        sb.append(line("Language model", languageModel));
        if (!embeddingModel.equals(ModelUsage.NONE)) {
            ModelUsage e = embeddingModel;
            sb.append('\n')
                    .append(String.format(
                            Locale.ROOT,
                            "Embedding model: %,d requests, %,d input tokens, $%.4f, %,d cache hits",
                            e.requests(),
                            e.inputTokens(),
                            e.costUsd(),
                            e.cacheHits()));
        }
        return sb.toString();
    }

    private static String line(String what, ModelUsage u) {
        return String.format(
                Locale.ROOT,
                "%s: %,d requests, %,d input + %,d output tokens, $%.4f, %,d cache hits, %,d failed rows",
                what,
                u.requests(),
                u.inputTokens(),
                u.outputTokens(),
                u.costUsd(),
                u.cacheHits(),
                u.failedRows());
    }

    /** Whether an operator is a model call in a filter, e.g. {@code semantic.predicate(filter)#2}. */
    private static boolean isFilter(String operator) {
        return operator.matches("semantic\\.\\w+\\(filter[,)].*");
    }
}
