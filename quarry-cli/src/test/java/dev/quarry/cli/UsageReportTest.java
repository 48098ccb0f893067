package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ModelUsage;
import dev.quarry.OperatorMetrics;
import dev.quarry.QueryMetrics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageReportTest {

    private static ModelUsage usage(long requests, long cacheHits) {
        return new ModelUsage(requests, 100 * requests, 0, 5 * requests, 0, 0.001 * requests, cacheHits, 0, 0, 0);
    }

    private static OperatorMetrics semantic(String name, String details, long rows, ModelUsage lm) {
        return new OperatorMetrics(name, details, Duration.ofMillis(250), rows, lm, ModelUsage.NONE);
    }

    private static QueryMetrics query(ModelUsage total, OperatorMetrics... ops) {
        return new QueryMetrics("q1", Duration.ZERO, Duration.ofSeconds(1), 1, total, ModelUsage.NONE, List.of(ops));
    }

    @Test
    void of_twoQueries_sumsTheirLanguageModelUsage() {
        UsageReport report = UsageReport.of(List.of(
                query(usage(10, 0), semantic("semantic.classify(team)", "semantic.classify(x)", 10, usage(10, 0))),
                query(usage(3, 2), semantic("semantic.reduce(theme)", "semantic.reduce(y)", 3, usage(3, 2)))));

        assertThat(report.languageModel().requests()).isEqualTo(13);
        assertThat(report.totals())
                .startsWith("Language model: 13 requests, 1,300 input + 65 output tokens, $0.0130, 2 cache hits");
    }

    @Test
    void table_relationalOperators_areLeftOut() {
        UsageReport report = UsageReport.of(List.of(query(
                usage(4, 0),
                OperatorMetrics.relational("DuckDB", "Filter", Duration.ofMillis(3), 40),
                semantic("semantic.extract(info)", "semantic.extract(body, TicketInfo)", 4, usage(4, 0)))));

        assertThat(report.table())
                .contains("| semantic.extract(info) |")
                .doesNotContain("DuckDB")
                .contains("1 row");
    }

    @Test
    void table_operatorsOfOneKind_showEachUnderItsOwnName() {
        UsageReport report = UsageReport.of(List.of(query(
                usage(8, 0),
                semantic("semantic.extract(a)", "semantic.extract(body, A)", 4, usage(4, 0)),
                semantic("semantic.extract(b)", "semantic.extract(body, B)", 4, usage(4, 0)))));

        assertThat(report.table()).contains("| semantic.extract(a) |", "| semantic.extract(b) |");
    }

    @Test
    void reorderNote_filterFirstAndFewerRowsAfter_explainsTheReorder() {
        UsageReport report = UsageReport.of(List.of(query(
                usage(30, 0),
                semantic("semantic.predicate(filter)", "p", 200, usage(20, 0)),
                semantic("semantic.extract(info)", "e", 60, usage(10, 0)))));

        assertThat(report.reorderNote())
                .hasValue("The optimizer ran the semantic filter first: the operators after it saw 60 rows instead"
                        + " of 200.");
    }

    @Test
    void reorderNote_filterAfterOtherSemanticOperators_isEmpty() {
        UsageReport report = UsageReport.of(List.of(query(
                usage(30, 0),
                semantic("semantic.extract(info)", "e", 200, usage(20, 0)),
                semantic("semantic.predicate(filter)", "p", 200, usage(10, 0)),
                semantic("semantic.reduce(theme)", "r", 5, usage(5, 0)))));

        assertThat(report.reorderNote()).isEmpty();
    }

    @Test
    void reorderNote_firstOperatorIsAPredicateColumnNotAFilter_isEmpty() {
        UsageReport report = UsageReport.of(List.of(query(
                usage(30, 0),
                semantic("semantic.predicate(angry)", "p", 200, usage(20, 0)),
                semantic("semantic.extract(info)", "e", 60, usage(10, 0)))));

        assertThat(report.reorderNote()).isEmpty();
    }
}
