package dev.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Row;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ReviewInsightsTest {
    @TempDir
    static Path work;

    private static SimulatedRun<ReviewInsights.Result> run;

    @BeforeAll
    static void runExample() {
        run = SimulatedRun.of((model, out) -> ReviewInsights.run(work, model, out));
    }

    @Test
    void run_offline_printedRequestsMatchTheSimulatorsCount() {
        assertThat(run.printedRequests()).isPositive().isEqualTo(run.simulatorRequests);
    }

    @Test
    void run_bundledReviews_sendsOneRequestPerDistinctReviewAndOnePerProduct() {
        long distinctTexts = run.result.reviews().size()
                - ExampleDataLines.duplicates(work, "reviews.csv", 3); // the text is the 4th column
        assertThat(run.simulatorRequests).isEqualTo(distinctTexts + 4);
    }

    @Test
    void run_bundledReviews_sentimentFollowsTheStarRating() {
        List<Row> clear = run.result.reviews().stream()
                .filter(r -> r.getLong("rating") != 3)
                .toList();
        long agreeing = clear.stream()
                .filter(r -> r.getString("sentiment").equals(r.getLong("rating") >= 4 ? "positive" : "negative"))
                .count();

        assertThat(agreeing).isGreaterThanOrEqualTo(clear.size() * 9L / 10);
    }

    @Test
    void run_bundledReviews_summarizesEachProductsPraiseAndCriticism() {
        assertThat(run.result.perProduct()).hasSize(4).allSatisfy(r -> {
            assertThat(r.getLong("reviews")).isEqualTo(20);
            assertThat(r.getLong("positive") + r.getLong("negative")).isLessThanOrEqualTo(20);
            assertThat(r.getString("summary"))
                    .startsWith("Praised: ")
                    .contains("; criticised: ")
                    .endsWith("(20 reviews)");
        });
    }
}
