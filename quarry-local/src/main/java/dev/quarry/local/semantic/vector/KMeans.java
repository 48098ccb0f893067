package dev.quarry.local.semantic.vector;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Seeded k-means clustering under Euclidean distance: k-means++ initialization, then Lloyd
 * iterations until no assignment changes or {@code maxIterations} is reached.
 *
 * <ul>
 *   <li><b>Initialization</b> (k-means++): a {@link SplittableRandom} seeded with {@code seed} picks
 *       the first centre uniformly among the points, then each further centre among the points with
 *       probability proportional to its squared distance to the nearest centre chosen so far.
 *   <li><b>Fewer clusters than asked</b>: when the points hold fewer than {@code k} distinct vectors
 *       (in particular when there are fewer than {@code k} points), every remaining point already
 *       coincides with a centre and initialization stops: the result has as many clusters as there
 *       are distinct vectors, labelled {@code 0 .. clusters - 1}. It never fails for a small input.
 *   <li><b>Iteration</b>: each point goes to its nearest centroid (ties to the lower label), each
 *       centroid moves to the mean of its points (summed in double precision, in point order).
 *   <li><b>Empty clusters</b>: a cluster left without points takes over the point farthest from its
 *       own centroid among clusters that have two points or more (ties to the lower point index),
 *       so every label is in use after every step.
 *   <li><b>Determinism</b>: the same points, {@code k}, seed and {@code maxIterations} give the same
 *       labels and centroids on every run and for every pool size: the random draws happen on one
 *       thread, and parallel work is cut into pieces that do not depend on the thread count.
 * </ul>
 *
 * <pre>{@code
 * KMeans.Result r = KMeans.fit(points, 20, 42L, 100);
 * int label = r.label(0);
 * float[] centre = r.centroids().row(label);
 * }</pre>
 */
public final class KMeans {
    /** Points per parallel piece of the k-means++ distance updates. */
    private static final int INIT_CHUNK = 512;

    private KMeans() {}

    /**
     * Clusters points on the shared vector pool (one thread per processor).
     *
     * <pre>{@code KMeans.Result r = KMeans.fit(points, 8, 7L, 50);}</pre>
     *
     * @param points the vectors, finite values
     * @param k the number of clusters wanted, at least 1
     * @param seed the random seed of the initialization
     * @param maxIterations the most Lloyd iterations, at least 1
     * @return the clustering
     * @throws QuarryException INVALID_ARGUMENT when k or maxIterations is below 1
     */
    public static Result fit(VectorMatrix points, int k, long seed, int maxIterations) {
        return fit(points, k, seed, maxIterations, Parallel.shared());
    }

    /**
     * Clusters points on the given pool.
     *
     * <pre>{@code KMeans.Result r = KMeans.fit(points, 8, 7L, 50, new ForkJoinPool(2));}</pre>
     *
     * @param points the vectors, finite values
     * @param k the number of clusters wanted, at least 1
     * @param seed the random seed of the initialization
     * @param maxIterations the most Lloyd iterations, at least 1
     * @param pool where to run
     * @return the clustering
     * @throws QuarryException INVALID_ARGUMENT when k or maxIterations is below 1
     */
    public static Result fit(VectorMatrix points, int k, long seed, int maxIterations, ForkJoinPool pool) {
        Objects.requireNonNull(points, "points is null");
        Objects.requireNonNull(pool, "pool is null");
        if (k < 1) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "k must be at least 1, was " + k + "; ask for one cluster or more");
        }
        if (maxIterations < 1) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "maxIterations must be at least 1, was " + maxIterations + "; allow one iteration or more");
        }
        int n = points.rows();
        int d = points.dimensions();
        if (n == 0) {
            return new Result(new int[0], new VectorMatrix(new float[0], 0, d), 0, true, 0);
        }
        float[] centroids = initialize(points, k, seed, pool);
        int m = centroids.length / d;
        BlockedDot blocks = BlockedDot.of(points, pool);
        float[] pointNorms = squaredNorms(points);
        int[] labels = new int[n];
        float[] distances = new float[n];
        assign(blocks, pointNorms, centroids, m, labels, distances, pool);
        int reseeded = fillEmptyClusters(labels, distances, m);
        int[] next = new int[n];
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations) {
            iterations++;
            centroids = means(points, labels, m);
            assign(blocks, pointNorms, centroids, m, next, distances, pool);
            reseeded += fillEmptyClusters(next, distances, m);
            if (Arrays.equals(next, labels)) {
                converged = true;
                break;
            }
            int[] swap = labels;
            labels = next;
            next = swap;
        }
        centroids = means(points, labels, m);
        return new Result(labels, new VectorMatrix(centroids, m, d), iterations, converged, reseeded);
    }

    /** k-means++: the chosen points' vectors, one row per centre, at most {@code k} of them. */
    static float[] initialize(VectorMatrix points, int k, long seed, ForkJoinPool pool) {
        int n = points.rows();
        int d = points.dimensions();
        float[] x = points.data();
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[Math.min(k, n)];
        int m = 0;
        chosen[m++] = random.nextInt(n);
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        while (m < chosen.length) {
            int c = chosen[m - 1] * d;
            Parallel.run(pool, (n + INIT_CHUNK - 1) / INIT_CHUNK, piece -> {
                int end = Math.min(n, (piece + 1) * INIT_CHUNK);
                for (int i = piece * INIT_CHUNK; i < end; i++) {
                    double dist = Similarity.squaredDistance(x, i * d, x, c, d);
                    if (dist < nearest[i]) {
                        nearest[i] = dist;
                    }
                }
            });
            double total = 0;
            for (double v : nearest) {
                total += v;
            }
            if (total == 0) {
                break; // every point coincides with a centre: fewer distinct points than k
            }
            double target = random.nextDouble() * total;
            int pick = -1;
            double cumulative = 0;
            for (int i = 0; i < n; i++) {
                if (nearest[i] > 0) {
                    pick = i;
                    cumulative += nearest[i];
                    if (cumulative > target) {
                        break;
                    }
                }
            }
            chosen[m++] = pick;
        }
        float[] centroids = new float[m * d];
        for (int i = 0; i < m; i++) {
            System.arraycopy(x, chosen[i] * d, centroids, i * d, d);
        }
        return centroids;
    }

    private static float[] squaredNorms(VectorMatrix points) {
        int n = points.rows();
        int d = points.dimensions();
        float[] x = points.data();
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            norms[i] = (float) Similarity.dot(x, i * d, x, i * d, d);
        }
        return norms;
    }

    /**
     * Assigns every point to its nearest centroid, maximizing {@code x·c - |c|²/2} (ties to the lower
     * label), and records the squared distance {@code |x|² - 2 (x·c - |c|²/2)}. Parallel over point
     * blocks; the centroids play the left side of {@link BlockedDot#dot4}, four at a time.
     */
    static void assign(
            BlockedDot blocks,
            float[] pointNorms,
            float[] centroids,
            int m,
            int[] labels,
            float[] distances,
            ForkJoinPool pool) {
        int d = blocks.dimensions();
        float[] half = new float[m];
        for (int c = 0; c < m; c++) {
            half[c] = (float) (0.5 * Similarity.dot(centroids, c * d, centroids, c * d, d));
        }
        float[] zero = new float[d];
        int width = blocks.width();
        Parallel.run(pool, blocks.blockCount(), b -> {
            float[][] s = {new float[width], new float[width], new float[width], new float[width]};
            float[] best = new float[width];
            int[] label = new int[width];
            Arrays.fill(best, Float.NEGATIVE_INFINITY);
            float[][] block = blocks.block(b);
            for (int c = 0; c < m; c += 4) {
                BlockedDot.dot4(
                        block,
                        centroids,
                        c * d,
                        c + 1 < m ? centroids : zero,
                        c + 1 < m ? (c + 1) * d : 0,
                        c + 2 < m ? centroids : zero,
                        c + 2 < m ? (c + 2) * d : 0,
                        c + 3 < m ? centroids : zero,
                        c + 3 < m ? (c + 3) * d : 0,
                        s[0],
                        s[1],
                        s[2],
                        s[3]);
                for (int u = 0; u < 4 && c + u < m; u++) {
                    float[] su = s[u];
                    float h = half[c + u];
                    for (int j = 0; j < width; j++) {
                        float score = su[j] - h;
                        if (score > best[j]) {
                            best[j] = score;
                            label[j] = c + u;
                        }
                    }
                }
            }
            int start = blocks.blockStart(b);
            for (int j = 0; j < blocks.blockRows(b); j++) {
                labels[start + j] = label[j];
                distances[start + j] = Math.max(0f, pointNorms[start + j] - 2 * best[j]);
            }
        });
    }

    /**
     * Gives every empty cluster, in label order, the point farthest from its centroid among the
     * clusters holding two points or more (ties to the lower index). The moved point's distance
     * becomes 0.
     *
     * @param labels each point's label, changed in place
     * @param distances each point's squared distance to its centroid, changed in place
     * @param m the number of clusters
     * @return how many clusters were empty
     */
    static int fillEmptyClusters(int[] labels, float[] distances, int m) {
        int[] sizes = new int[m];
        for (int label : labels) {
            sizes[label]++;
        }
        int filled = 0;
        for (int c = 0; c < m; c++) {
            if (sizes[c] > 0) {
                continue;
            }
            int far = -1;
            for (int i = 0; i < labels.length; i++) {
                if (sizes[labels[i]] >= 2 && (far < 0 || distances[i] > distances[far])) {
                    far = i;
                }
            }
            if (far < 0) {
                break; // fewer points than clusters: cannot happen after initialization
            }
            sizes[labels[far]]--;
            labels[far] = c;
            sizes[c] = 1;
            distances[far] = 0;
            filled++;
        }
        return filled;
    }

    /** The mean of each cluster's points, summed in double precision in point order. */
    static float[] means(VectorMatrix points, int[] labels, int m) {
        int d = points.dimensions();
        float[] x = points.data();
        double[] sums = new double[m * d];
        int[] sizes = new int[m];
        for (int i = 0; i < labels.length; i++) {
            int base = labels[i] * d;
            int p = i * d;
            for (int t = 0; t < d; t++) {
                sums[base + t] += x[p + t];
            }
            sizes[labels[i]]++;
        }
        float[] centroids = new float[m * d];
        for (int c = 0; c < m; c++) {
            for (int t = 0; t < d; t++) {
                centroids[c * d + t] = sizes[c] == 0 ? 0f : (float) (sums[c * d + t] / sizes[c]);
            }
        }
        return centroids;
    }

    /**
     * A clustering: a label per point and a centroid per cluster (the mean of its points).
     *
     * <pre>{@code
     * KMeans.Result r = KMeans.fit(points, 4, 1L, 100);
     * System.out.println(r.clusters() + " clusters after " + r.iterations() + " iterations");
     * }</pre>
     */
    public static final class Result {
        private final int[] labels;
        private final VectorMatrix centroids;
        private final int iterations;
        private final boolean converged;
        private final int reseededClusters;

        Result(int[] labels, VectorMatrix centroids, int iterations, boolean converged, int reseededClusters) {
            this.labels = labels;
            this.centroids = centroids;
            this.iterations = iterations;
            this.converged = converged;
            this.reseededClusters = reseededClusters;
        }

        /**
         * The number of clusters: {@code k}, or the number of distinct points when that is smaller.
         *
         * <pre>{@code int m = r.clusters();}</pre>
         *
         * @return the cluster count
         */
        public int clusters() {
            return centroids.rows();
        }

        /**
         * The label of one point.
         *
         * <pre>{@code int label = r.label(0);}</pre>
         *
         * @param point the point's row
         * @return its label, {@code 0 .. clusters() - 1}
         */
        public int label(int point) {
            return labels[point];
        }

        /**
         * All labels, in point order (a copy).
         *
         * <pre>{@code int[] labels = r.labels();}</pre>
         *
         * @return the labels
         */
        public int[] labels() {
            return labels.clone();
        }

        /**
         * The centroids, row {@code c} for label {@code c}.
         *
         * <pre>{@code float[] centre = r.centroids().row(r.label(0));}</pre>
         *
         * @return the centroids
         */
        public VectorMatrix centroids() {
            return centroids;
        }

        /**
         * The Lloyd iterations run.
         *
         * <pre>{@code int it = r.iterations();}</pre>
         *
         * @return the iteration count
         */
        public int iterations() {
            return iterations;
        }

        /**
         * Whether the assignments stopped changing before {@code maxIterations} ran out.
         *
         * <pre>{@code boolean done = r.converged();}</pre>
         *
         * @return true when converged
         */
        public boolean converged() {
            return converged;
        }

        /**
         * How many times an empty cluster took over a far point.
         *
         * <pre>{@code int moved = r.reseededClusters();}</pre>
         *
         * @return the count over all iterations
         */
        public int reseededClusters() {
            return reseededClusters;
        }

        @Override
        public String toString() {
            return "KMeans.Result[" + labels.length + " points, " + clusters() + " clusters, " + iterations
                    + " iterations" + (converged ? ", converged" : "") + "]";
        }
    }
}
