package dev.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Row;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class FeedbackClusteringTest {
    @TempDir
    static Path work;

    private static SimulatedRun<FeedbackClustering.Result> run;

    @BeforeAll
    static void runExample() {
        run = SimulatedRun.of((model, out) -> FeedbackClustering.run(work, model, out));
    }

    @Test
    void run_offline_sendsOneRequestPerClusterAndPrintsThatCount() {
        assertThat(run.simulatorRequests).isEqualTo(FeedbackClustering.CLUSTERS);
        assertThat(run.printedRequests()).isEqualTo(run.simulatorRequests);
    }

    @Test
    void run_bundledFeedback_assignsEveryCommentToOneOfTheClusters() {
        assertThat(run.result.comments())
                .hasSize(90)
                .allSatisfy(r -> assertThat(((Number) r.get("cluster_label")).intValue())
                        .isBetween(0, FeedbackClustering.CLUSTERS - 1));
        assertThat(run.result.themes().stream()
                        .mapToLong(r -> r.getLong("comments"))
                        .sum())
                .isEqualTo(90);
    }

    @Test
    void run_bundledFeedback_namesEveryThemeTheCommentsWereWrittenAbout() {
        Set<String> leading = run.result.themes().stream()
                .map(r -> r.getString("theme"))
                .map(t -> t.substring(0, t.indexOf(" (")).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());

        assertThat(leading)
                .contains(
                        "dark mode requests",
                        "subscription pricing",
                        "csv and pdf export",
                        "sync between devices",
                        "slowness and freezes");
    }

    @Test
    void run_bundledFeedback_themesEndWithTheirClustersSize() {
        for (Row r : run.result.themes()) {
            assertThat(r.getString("theme")).endsWith("(" + r.getLong("comments") + " comments)");
        }
    }
}
