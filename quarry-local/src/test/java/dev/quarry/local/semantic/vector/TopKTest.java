package dev.quarry.local.semantic.vector;

import static dev.quarry.local.semantic.vector.VectorData.gaussian;
import static dev.quarry.local.semantic.vector.VectorData.matrix;
import static dev.quarry.local.semantic.vector.VectorData.ranking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.plan.SimilarityJoin.Metric;
import dev.quarry.local.semantic.vector.VectorData.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopKTest {
    /** Float scores pick the candidates; a near-tie within this may resolve either way. */
    private static final double SELECTION_TOLERANCE = 1e-4;

    ForkJoinPool one;
    ForkJoinPool two;
    ForkJoinPool three;

    @BeforeAll
    void pools() {
        one = new ForkJoinPool(1);
        two = new ForkJoinPool(2);
        three = new ForkJoinPool(3);
    }

    @AfterAll
    void shutdown() {
        one.shutdownNow();
        two.shutdownNow();
        three.shutdownNow();
    }

    static Stream<Arguments> seedsAndMetrics() {
        List<Arguments> out = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3, 17, 99}) {
            for (Metric metric : Metric.values()) {
                out.add(Arguments.of(seed, metric));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("seedsAndMetrics")
    void search_randomData_matchesBruteForce(long seed, Metric metric) {
        // 150 left rows: three chunks, the last partly filled and not a multiple of 4; 600 right rows:
        // three blocks, the last partly filled; 23 dimensions: not a multiple of any vector width.
        float[][] left = gaussian(seed, 150, 23);
        float[][] right = gaussian(seed + 1000, 600, 23);
        int k = 7;

        TopK.Result result = TopK.search(matrix(left), matrix(right), k, metric, two);

        for (int i = 0; i < left.length; i++) {
            assertMatchesReference(result, i, ranking(left[i], right, metric), k);
        }
    }

    private static void assertMatchesReference(TopK.Result result, int i, List<Match> reference, int k) {
        int expected = Math.min(k, reference.size());
        assertThat(result.count(i)).as("matches of row %d", i).isEqualTo(expected);
        List<Integer> seen = new ArrayList<>();
        for (int r = 0; r < expected; r++) {
            int index = result.index(i, r);
            assertThat(seen).as("row %d repeats right row %d", i, index).doesNotContain(index);
            seen.add(index);
            double reported = result.similarity(i, r);
            double exact = reference.stream()
                    .filter(m -> m.index() == index)
                    .findFirst()
                    .orElseThrow()
                    .similarity();
            assertThat(reported).as("similarity of row %d to %d", i, index).isCloseTo(exact, within(1e-9));
            assertThat(reported)
                    .as("rank %d of row %d", r, i)
                    .isCloseTo(reference.get(r).similarity(), within(SELECTION_TOLERANCE));
            if (isolated(reference, r, expected)) {
                assertThat(index)
                        .as("rank %d of row %d", r, i)
                        .isEqualTo(reference.get(r).index());
            }
            if (r > 0) {
                assertThat(reported).isLessThanOrEqualTo(result.similarity(i, r - 1));
            }
        }
    }

    /** Whether rank r's similarity is clearly apart from its neighbours (and from the first left out). */
    private static boolean isolated(List<Match> reference, int r, int k) {
        double s = reference.get(r).similarity();
        boolean apartAbove = r == 0 || reference.get(r - 1).similarity() - s > SELECTION_TOLERANCE;
        boolean apartBelow =
                r + 1 >= reference.size() || s - reference.get(r + 1).similarity() > SELECTION_TOLERANCE;
        return apartAbove && apartBelow;
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void search_kLargerThanRightSide_returnsEveryRightRowRanked(Metric metric) {
        float[][] left = gaussian(5, 9, 8);
        float[][] right = gaussian(6, 7, 8);

        TopK.Result result = TopK.search(matrix(left), matrix(right), 10, metric, one);

        assertThat(result.k()).isEqualTo(7);
        for (int i = 0; i < left.length; i++) {
            List<Match> reference = ranking(left[i], right, metric);
            assertThat(result.count(i)).isEqualTo(7);
            for (int r = 0; r < 7; r++) {
                assertThat(result.index(i, r)).isEqualTo(reference.get(r).index());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void search_exactDuplicatesOnTheRight_tieBrokenByLowerRowIndex(Metric metric) {
        float[][] right = gaussian(8, 400, 16);
        float[] target = right[300].clone();
        for (int t = 0; t < target.length; t++) {
            target[t] *= 3; // long enough that no other row has a larger dot product with it
        }
        right[300] = target.clone();
        // copies in two blocks (rows 0-255 and 256-399), inserted out of index order
        right[290] = target.clone();
        right[12] = target.clone();
        right[257] = target.clone();

        TopK.Result result = TopK.search(matrix(new float[][] {target}), matrix(right), 4, metric, two);

        assertThat(List.of(result.index(0, 0), result.index(0, 1), result.index(0, 2), result.index(0, 3)))
                .containsExactly(12, 257, 290, 300);
        assertThat(result.similarity(0, 0)).isEqualTo(result.similarity(0, 3));
    }

    @Test
    void search_cosineOfScaledCopies_tieBrokenByLowerRowIndex() {
        float[][] right = gaussian(9, 50, 12);
        float[] base = right[40].clone();
        float[] doubled = new float[base.length];
        for (int t = 0; t < base.length; t++) {
            doubled[t] = base[t] * 2;
        }
        right[7] = doubled;

        TopK.Result result = TopK.search(matrix(new float[][] {base}), matrix(right), 2, Metric.COSINE, one);

        assertThat(result.index(0, 0)).isEqualTo(7);
        assertThat(result.index(0, 1)).isEqualTo(40);
        assertThat(result.similarity(0, 0)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void search_cosineZeroLeftVector_similarityZeroToFirstRows() {
        float[][] right = gaussian(10, 20, 6);

        TopK.Result result = TopK.search(matrix(new float[][] {new float[6]}), matrix(right), 3, Metric.COSINE, one);

        assertThat(List.of(result.index(0, 0), result.index(0, 1), result.index(0, 2)))
                .containsExactly(0, 1, 2);
        assertThat(result.similarity(0, 0)).isZero();
        assertThat(result.similarity(0, 2)).isZero();
    }

    @Test
    void search_cosineZeroRightVector_hasSimilarityZero() {
        float[][] right = {{-1, 0}, {0, 0}, {1, 1}};

        TopK.Result result = TopK.search(matrix(new float[][] {{1, 0}}), matrix(right), 3, Metric.COSINE, one);

        assertThat(List.of(result.index(0, 0), result.index(0, 1), result.index(0, 2)))
                .containsExactly(2, 1, 0);
        assertThat(result.similarity(0, 1)).isZero();
        assertThat(result.similarity(0, 2)).isEqualTo(-1.0);
    }

    @Test
    void search_l2IdenticalVector_similarityPositiveZero() {
        float[][] right = {{3, 4}, {0, 0}};

        TopK.Result result = TopK.search(matrix(new float[][] {{3, 4}}), matrix(right), 2, Metric.L2, one);

        assertThat(result.index(0, 0)).isZero();
        assertThat(Double.doubleToRawLongBits(result.similarity(0, 0))).isEqualTo(0L);
        assertThat(result.similarity(0, 1)).isEqualTo(-5.0);
    }

    @Test
    void search_dotPrefersLongerVectors_unlikeCosine() {
        float[][] right = {{1, 0}, {10, 10}};
        float[][] left = {{1, 0}};

        TopK.Result dot = TopK.search(matrix(left), matrix(right), 1, Metric.DOT, one);
        TopK.Result cosine = TopK.search(matrix(left), matrix(right), 1, Metric.COSINE, one);

        assertThat(dot.index(0, 0)).isEqualTo(1);
        assertThat(dot.similarity(0, 0)).isEqualTo(10.0);
        assertThat(cosine.index(0, 0)).isZero();
    }

    @Test
    void search_nullVectors_leftGetsNoMatchRightNeverMatched() {
        float[][] left = {{1, 0}, null, {0, 1}};
        float[][] right = {null, {0, 1}, {1, 0.1f}, null};

        TopK.Result result = TopK.search(left, right, 5, Metric.COSINE);

        assertThat(result.count(0)).isEqualTo(2);
        assertThat(result.count(1)).isZero();
        assertThat(result.index(0, 0)).isEqualTo(2);
        assertThat(result.index(0, 1)).isEqualTo(1);
        assertThat(result.index(2, 0)).isEqualTo(1);
        assertThat(result.totalMatches()).isEqualTo(4);
    }

    @Test
    void search_allRightVectorsNull_noMatches() {
        TopK.Result result = TopK.search(new float[][] {{1, 2}}, new float[][] {null, null}, 3, Metric.DOT);

        assertThat(result.count(0)).isZero();
        assertThat(result.totalMatches()).isZero();
    }

    @Test
    void search_emptyRightSide_noMatches() {
        TopK.Result result =
                TopK.search(matrix(gaussian(1, 3, 4)), new VectorMatrix(new float[0], 0, 4), 2, Metric.DOT, one);

        assertThat(result.leftRows()).isEqualTo(3);
        assertThat(result.count(2)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void search_anyPoolSize_givesIdenticalResults(Metric metric) {
        VectorMatrix left = matrix(gaussian(21, 300, 40));
        VectorMatrix right = matrix(gaussian(22, 700, 40));

        TopK.Result a = TopK.search(left, right, 5, metric, one);
        TopK.Result b = TopK.search(left, right, 5, metric, two);
        TopK.Result c = TopK.search(left, right, 5, metric, three);

        for (int i = 0; i < 300; i++) {
            for (int r = 0; r < 5; r++) {
                assertThat(b.index(i, r)).isEqualTo(a.index(i, r));
                assertThat(c.index(i, r)).isEqualTo(a.index(i, r));
                assertThat(b.similarity(i, r)).isEqualTo(a.similarity(i, r));
                assertThat(c.similarity(i, r)).isEqualTo(a.similarity(i, r));
            }
        }
    }

    @Test
    void search_differentDimensions_failsNamingBoth() {
        assertThatThrownBy(() -> TopK.search(matrix(gaussian(1, 2, 3)), matrix(gaussian(1, 2, 4)), 1, Metric.DOT))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("3 dimensions")
                .hasMessageContaining("4");
    }

    @Test
    void search_kZero_fails() {
        assertThatThrownBy(() -> TopK.search(matrix(gaussian(1, 2, 3)), matrix(gaussian(1, 2, 3)), 0, Metric.DOT))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("k must be at least 1, was 0");
    }

    @Test
    void result_rankBeyondCount_fails() {
        TopK.Result result = TopK.search(matrix(gaussian(1, 1, 3)), matrix(gaussian(2, 2, 3)), 5, Metric.DOT, one);

        assertThatThrownBy(() -> result.index(0, 2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("2 matches");
    }
}
