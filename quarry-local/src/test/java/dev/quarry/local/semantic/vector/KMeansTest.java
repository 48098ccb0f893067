package dev.quarry.local.semantic.vector;

import static dev.quarry.local.semantic.vector.VectorData.gaussian;
import static dev.quarry.local.semantic.vector.VectorData.matrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.QuarryException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KMeansTest {
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

    /** {@code perBlob} points around each of {@code blobs} centres 100 apart, spread 1. */
    static float[][] blobs(long seed, int blobs, int perBlob, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[blobs][dimensions];
        for (int b = 0; b < blobs; b++) {
            centres[b][b % dimensions] = 100f * (1 + b / dimensions);
        }
        float[][] out = new float[blobs * perBlob][dimensions];
        // interleaved: point i belongs to blob i % blobs
        for (int i = 0; i < out.length; i++) {
            for (int t = 0; t < dimensions; t++) {
                out[i][t] = centres[i % blobs][t] + (float) VectorData.gaussian(random);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 42})
    void fit_wellSeparatedBlobs_recoversThem(long seed) {
        float[][] points = blobs(seed, 5, 60, 8);

        KMeans.Result result = KMeans.fit(matrix(points), 5, seed, 100, two);

        assertThat(result.clusters()).isEqualTo(5);
        Map<Integer, Integer> labelOfBlob = new HashMap<>();
        for (int i = 0; i < points.length; i++) {
            int expected = labelOfBlob.computeIfAbsent(i % 5, b -> result.label(b));
            assertThat(result.label(i)).as("point %d of blob %d", i, i % 5).isEqualTo(expected);
        }
        assertThat(new HashSet<>(labelOfBlob.values())).hasSize(5);
        assertThat(result.converged()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9})
    void fit_sameSeed_sameLabelsAndCentroidsOnEveryPoolSize(long seed) {
        VectorMatrix points = matrix(gaussian(seed, 700, 24));

        KMeans.Result a = KMeans.fit(points, 9, seed, 50, one);
        KMeans.Result b = KMeans.fit(points, 9, seed, 50, two);
        KMeans.Result c = KMeans.fit(points, 9, seed, 50, three);
        KMeans.Result again = KMeans.fit(points, 9, seed, 50, two);

        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(c.labels()).isEqualTo(a.labels());
        assertThat(again.labels()).isEqualTo(a.labels());
        assertThat(b.centroids().data()).isEqualTo(a.centroids().data());
        assertThat(c.centroids().data()).isEqualTo(a.centroids().data());
        assertThat(b.iterations()).isEqualTo(a.iterations());
    }

    @Test
    void fit_differentSeeds_pickDifferentStartingCentres() {
        VectorMatrix points = matrix(gaussian(3, 200, 5));

        float[] a = KMeans.initialize(points, 4, 1L, one);
        float[] b = KMeans.initialize(points, 4, 2L, one);

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void fit_centroids_areTheMeansOfTheirPoints() {
        float[][] points = gaussian(11, 300, 6);

        KMeans.Result result = KMeans.fit(matrix(points), 4, 3L, 100, two);

        for (int c = 0; c < result.clusters(); c++) {
            double[] sum = new double[6];
            int size = 0;
            for (int i = 0; i < points.length; i++) {
                if (result.label(i) == c) {
                    size++;
                    for (int t = 0; t < 6; t++) {
                        sum[t] += points[i][t];
                    }
                }
            }
            assertThat(size).isPositive();
            for (int t = 0; t < 6; t++) {
                assertThat((double) result.centroids().get(c, t)).isCloseTo(sum[t] / size, within(1e-5));
            }
        }
    }

    @Test
    void fit_convergedLabels_areEachPointsNearestCentroid() {
        float[][] points = gaussian(12, 400, 10);

        KMeans.Result result = KMeans.fit(matrix(points), 6, 5L, 200, two);

        assertThat(result.converged()).isTrue();
        for (int i = 0; i < points.length; i++) {
            double own = VectorData.similarity(points[i], result.centroids().row(result.label(i)), l2());
            for (int c = 0; c < result.clusters(); c++) {
                double other =
                        VectorData.similarity(points[i], result.centroids().row(c), l2());
                assertThat(own).as("point %d, centroid %d", i, c).isGreaterThanOrEqualTo(other - 1e-4);
            }
        }
    }

    private static dev.quarry.internal.plan.SimilarityJoin.Metric l2() {
        return dev.quarry.internal.plan.SimilarityJoin.Metric.L2;
    }

    @Test
    void fit_fewerDistinctPointsThanK_oneClusterPerDistinctVector() {
        float[][] distinct = {{0, 0}, {5, 5}, {-3, 8}};
        float[][] points = new float[12][];
        for (int i = 0; i < points.length; i++) {
            points[i] = distinct[i % 3].clone();
        }

        KMeans.Result result = KMeans.fit(matrix(points), 5, 1L, 10, one);

        assertThat(result.clusters()).isEqualTo(3);
        for (int i = 3; i < points.length; i++) {
            assertThat(result.label(i)).isEqualTo(result.label(i % 3));
        }
        assertThat(Set.of(result.label(0), result.label(1), result.label(2))).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void fit_fewerPointsThanK_oneClusterPerPoint() {
        KMeans.Result result = KMeans.fit(matrix(new float[][] {{1, 2}, {3, 4}}), 10, 9L, 10, one);

        assertThat(result.clusters()).isEqualTo(2);
        assertThat(result.label(0)).isNotEqualTo(result.label(1));
        assertThat(result.centroids().row(result.label(1))).containsExactly(3, 4);
    }

    @Test
    void fit_noPoints_noClusters() {
        KMeans.Result result = KMeans.fit(new VectorMatrix(new float[0], 0, 3), 4, 1L, 10, one);

        assertThat(result.clusters()).isZero();
        assertThat(result.labels()).isEmpty();
    }

    @Test
    void fit_maxIterationsOne_stopsAfterOneIteration() {
        KMeans.Result result = KMeans.fit(matrix(gaussian(13, 500, 8)), 12, 2L, 1, two);

        assertThat(result.iterations()).isEqualTo(1);
        assertThat(result.converged()).isFalse();
    }

    @Test
    void fit_manyClustersOnFewPoints_everyLabelInUse() {
        float[][] points = gaussian(14, 60, 2);

        for (long seed = 0; seed < 20; seed++) {
            KMeans.Result result = KMeans.fit(matrix(points), 25, seed, 100, one);

            assertThat(result.clusters()).isEqualTo(25);
            assertThat(Arrays.stream(result.labels()).distinct().count())
                    .as("labels in use, seed %d", seed)
                    .isEqualTo(25);
        }
    }

    @Test
    void fit_clusterEmptiedDuringIteration_takesTheFarthestPoint() {
        // Seed 1 starts from centres 18, 10 and 19. The first assignment (14 is equally far from 18
        // and 10 and goes to the lower label) gives cluster 0 = {18, 18, 14}, 1 = {13, 10}, 2 = {19}.
        // Their means are 16.67, 11.5 and 19; reassigned, the 18s go to 19 and 14 to 11.5, leaving
        // cluster 0 empty. It takes the point farthest from its centroid: 14 (2.5 from 11.5).
        VectorMatrix points = matrix(new float[][] {{18}, {13}, {18}, {14}, {10}, {19}});
        assertThat(KMeans.initialize(points, 3, 1L, one)).containsExactly(18, 10, 19);

        KMeans.Result result = KMeans.fit(points, 3, 1L, 1, one);

        assertThat(result.reseededClusters()).isEqualTo(1);
        assertThat(result.labels()).containsExactly(2, 1, 2, 0, 1, 2);
        assertThat(result.centroids().get(0, 0)).isEqualTo(14f);
    }

    @Test
    void fillEmptyClusters_movesFarthestPointOfALargeCluster() {
        int[] labels = {0, 0, 0, 2};
        float[] distances = {1, 5, 3, 0};

        int filled = KMeans.fillEmptyClusters(labels, distances, 3);

        assertThat(filled).isEqualTo(1);
        assertThat(labels).containsExactly(0, 1, 0, 2);
        assertThat(distances[1]).isZero();
    }

    @Test
    void fillEmptyClusters_neverEmptiesASingletonCluster() {
        int[] labels = {0, 0, 2};
        float[] distances = {1, 2, 9};

        KMeans.fillEmptyClusters(labels, distances, 3);

        assertThat(labels).containsExactly(0, 1, 2);
    }

    @Test
    void fillEmptyClusters_twoEmptyClusters_takeTheTwoFarthestInLabelOrder() {
        int[] labels = {1, 1, 1, 1};
        float[] distances = {4, 8, 1, 8};

        int filled = KMeans.fillEmptyClusters(labels, distances, 3);

        assertThat(filled).isEqualTo(2);
        assertThat(labels).containsExactly(1, 0, 1, 2);
    }

    @Test
    void fit_kZero_fails() {
        assertThatThrownBy(() -> KMeans.fit(matrix(gaussian(1, 5, 2)), 0, 1L, 10))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("k must be at least 1, was 0");
    }

    @Test
    void fit_maxIterationsZero_fails() {
        assertThatThrownBy(() -> KMeans.fit(matrix(gaussian(1, 5, 2)), 2, 1L, 0))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("maxIterations must be at least 1, was 0");
    }

    @Test
    void fit_labelsOnTheSharedPool_matchASingleThread() {
        VectorMatrix points = matrix(gaussian(15, 900, 16));

        int[] shared = KMeans.fit(points, 7, 4L, 30).labels();

        assertThat(shared).isEqualTo(KMeans.fit(points, 7, 4L, 30, one).labels());
        assertThat(IntStream.of(shared).max().orElseThrow()).isEqualTo(6);
    }
}
