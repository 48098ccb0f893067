package dev.quarry.local.semantic.vector;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.plan.SimilarityJoin.Metric;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Exact top-k similarity search: for every left vector, the {@code k} most similar right vectors.
 *
 * <p>Similarity, higher is more similar:
 *
 * <ul>
 *   <li>{@code COSINE}: {@code a·b / (|a| |b|)}; a zero vector has similarity 0 with every vector
 *       (itself included), so a zero left vector gets the first {@code k} right rows, each at 0;
 *   <li>{@code DOT}: {@code a·b};
 *   <li>{@code L2}: {@code -|a - b|}, the negated Euclidean distance.
 * </ul>
 *
 * <p>Every left vector is compared with every right vector (no approximation). The right side is
 * transposed once into blocks that fit in a core's cache (laid out for SIMD); left rows are
 * processed in chunks of 64, in parallel, each chunk sweeping all right blocks in order and keeping
 * a bounded heap per left row. Candidates are ranked by single-precision scores (so two right rows
 * whose similarities differ by less than float rounding, about 1e-6 of their size, may be picked
 * either way); the similarity reported for each winner is then recomputed in double precision, and
 * each row's matches are ordered by it, highest first. Ties go to the lower right row index, so results are identical for
 * every pool size and every run.
 *
 * <p>Vectors must hold finite values; the executors leave out rows that do not.
 *
 * <pre>{@code
 * TopK.Result r = TopK.search(left, right, 5, Metric.COSINE);
 * int best = r.index(0, 0);          // right row most similar to left row 0
 * double sim = r.similarity(0, 0);
 * }</pre>
 */
public final class TopK {
    /** Left rows per parallel task: 16 groups of four share each right block while it is cached. */
    static final int CHUNK = 64;

    private TopK() {}

    /**
     * The top {@code k} right rows for every left row, on the shared vector pool (one thread per
     * processor).
     *
     * <pre>{@code TopK.Result r = TopK.search(left, right, 5, Metric.DOT);}</pre>
     *
     * @param left the query vectors
     * @param right the vectors searched, of the same dimensions
     * @param k how many matches per left row, at least 1; fewer when the right side has fewer rows
     * @param metric the similarity
     * @return the matches
     * @throws QuarryException INVALID_ARGUMENT when k is below 1 or the dimensions differ
     */
    public static Result search(VectorMatrix left, VectorMatrix right, int k, Metric metric) {
        return search(left, right, k, metric, Parallel.shared());
    }

    /**
     * The top {@code k} right rows for every left row, on the given pool.
     *
     * <pre>{@code TopK.Result r = TopK.search(left, right, 5, Metric.L2, new ForkJoinPool(2));}</pre>
     *
     * @param left the query vectors
     * @param right the vectors searched, of the same dimensions
     * @param k how many matches per left row, at least 1; fewer when the right side has fewer rows
     * @param metric the similarity
     * @param pool where to run
     * @return the matches
     * @throws QuarryException INVALID_ARGUMENT when k is below 1 or the dimensions differ
     */
    public static Result search(VectorMatrix left, VectorMatrix right, int k, Metric metric, ForkJoinPool pool) {
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(right, "right is null");
        Objects.requireNonNull(metric, "metric is null");
        Objects.requireNonNull(pool, "pool is null");
        if (k < 1) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "k must be at least 1, was " + k + "; ask for one match or more");
        }
        if (left.dimensions() != right.dimensions()) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Left vectors have " + left.dimensions() + " dimensions, right vectors " + right.dimensions()
                            + "; embed both sides with the same model");
        }
        int nl = left.rows();
        int kk = Math.min(k, right.rows());
        int[] counts = new int[nl];
        int[] indexes = new int[Math.multiplyExact(nl, Math.max(kk, 1))];
        double[] similarities = new double[indexes.length];
        if (nl == 0 || kk == 0) {
            return new Result(nl, kk, counts, indexes, similarities);
        }
        Search s = new Search(left, right, kk, metric, pool, counts, indexes, similarities);
        Parallel.run(pool, (nl + CHUNK - 1) / CHUNK, s::chunk);
        return new Result(nl, kk, counts, indexes, similarities);
    }

    /**
     * The top {@code k} for vectors given one array each, where a null vector stands for a missing
     * one: a null left vector gets no match and a null right vector is never matched. Indexes in the
     * result are positions in these arrays.
     *
     * <pre>{@code
     * TopK.Result r = TopK.search(new float[][] {{1, 0}, null}, new float[][] {{1, 0}, {0, 1}}, 1, Metric.COSINE);
     * r.count(1); // 0
     * }</pre>
     *
     * @param left the query vectors, some possibly null
     * @param right the vectors searched, some possibly null
     * @param k how many matches per left row, at least 1
     * @param metric the similarity
     * @return the matches, indexed by position in {@code left} and {@code right}
     * @throws QuarryException INVALID_ARGUMENT when k is below 1 or the vectors' lengths differ
     */
    public static Result search(float[][] left, float[][] right, int k, Metric metric) {
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(right, "right is null");
        int[] leftPositions = present(left);
        int[] rightPositions = present(right);
        int d = dimensionsOf(left, leftPositions, right, rightPositions);
        Result compact = search(pack(left, leftPositions, d), pack(right, rightPositions, d), k, metric);
        int kk = compact.k();
        int[] counts = new int[left.length];
        int[] indexes = new int[Math.multiplyExact(left.length, Math.max(kk, 1))];
        double[] similarities = new double[indexes.length];
        for (int c = 0; c < leftPositions.length; c++) {
            int row = leftPositions[c];
            counts[row] = compact.count(c);
            for (int r = 0; r < counts[row]; r++) {
                indexes[row * kk + r] = rightPositions[compact.index(c, r)];
                similarities[row * kk + r] = compact.similarity(c, r);
            }
        }
        return new Result(left.length, kk, counts, indexes, similarities);
    }

    private static int[] present(float[][] vectors) {
        return IntStream.range(0, vectors.length)
                .filter(i -> vectors[i] != null)
                .toArray();
    }

    private static int dimensionsOf(float[][] left, int[] lp, float[][] right, int[] rp) {
        int d = -1;
        for (int i : lp) {
            d = checkLength(d, left[i].length, "left", i);
        }
        for (int i : rp) {
            d = checkLength(d, right[i].length, "right", i);
        }
        return d < 1 ? 1 : d;
    }

    private static int checkLength(int expected, int actual, String side, int i) {
        if (actual == 0 || (expected >= 0 && actual != expected)) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The " + side + " vector " + i + " has " + actual + " values where " + Math.max(expected, 1)
                            + " or more were expected; all vectors must have the same dimensions");
        }
        return actual;
    }

    private static VectorMatrix pack(float[][] vectors, int[] positions, int d) {
        float[] data = new float[Math.multiplyExact(positions.length, d)];
        for (int i = 0; i < positions.length; i++) {
            System.arraycopy(vectors[positions[i]], 0, data, i * d, d);
        }
        return new VectorMatrix(data, positions.length, d);
    }

    /** The state shared by the chunk tasks of one search. */
    private static final class Search {
        private final VectorMatrix left;
        private final VectorMatrix right;
        private final BlockedDot blocks;
        private final int k;
        private final Metric metric;
        /** Per right block, {@code score = dot * scale[j] + offset[j]}; null for the plain dot product. */
        private final float[][] scale;

        private final float[][] offset;
        private final int[] counts;
        private final int[] indexes;
        private final double[] similarities;

        Search(
                VectorMatrix left,
                VectorMatrix right,
                int k,
                Metric metric,
                ForkJoinPool pool,
                int[] counts,
                int[] indexes,
                double[] similarities) {
            this.left = left;
            this.right = right;
            this.k = k;
            this.metric = metric;
            this.counts = counts;
            this.indexes = indexes;
            this.similarities = similarities;
            this.blocks = BlockedDot.of(right, pool);
            int n = right.rows();
            int d = right.dimensions();
            float[] data = right.data();
            // Ranking score of right row j for any left row: dot * scale[j] + offset[j], laid out per
            // block like the dot products so the transform vectorizes. The left row's own norm is the
            // same for all j and does not change the ranking.
            if (metric == Metric.DOT) {
                scale = null;
                offset = null;
                return;
            }
            scale = new float[blocks.blockCount()][blocks.width()];
            offset = new float[blocks.blockCount()][blocks.width()];
            for (int j = 0; j < n; j++) {
                double sq = Similarity.dot(data, j * d, data, j * d, d);
                int b = j / blocks.width();
                int col = j % blocks.width();
                if (metric == Metric.COSINE) {
                    scale[b][col] = sq == 0 ? 0f : (float) (1 / Math.sqrt(sq));
                } else {
                    scale[b][col] = 1f;
                    offset[b][col] = (float) (-0.5 * sq);
                }
            }
        }

        /** Finds the matches of left rows {@code [c * CHUNK, (c + 1) * CHUNK)}. */
        void chunk(int c) {
            int d = left.dimensions();
            int first = c * CHUNK;
            int rows = Math.min(CHUNK, left.rows() - first);
            int width = blocks.width();
            float[] x = left.data();
            float[] zero = new float[d];
            float[][] s = {new float[width], new float[width], new float[width], new float[width]};
            Heaps heaps = new Heaps(rows, k);
            for (int b = 0; b < blocks.blockCount(); b++) {
                float[][] block = blocks.block(b);
                int start = blocks.blockStart(b);
                int valid = blocks.blockRows(b);
                for (int q = 0; q < rows; q += 4) {
                    int r0 = first + q;
                    BlockedDot.dot4(
                            block,
                            x,
                            r0 * d,
                            q + 1 < rows ? x : zero,
                            q + 1 < rows ? (r0 + 1) * d : 0,
                            q + 2 < rows ? x : zero,
                            q + 2 < rows ? (r0 + 2) * d : 0,
                            q + 3 < rows ? x : zero,
                            q + 3 < rows ? (r0 + 3) * d : 0,
                            s[0],
                            s[1],
                            s[2],
                            s[3]);
                    for (int u = 0; u < 4 && q + u < rows; u++) {
                        float[] su = s[u];
                        if (scale != null) {
                            transform(su, scale[b], offset[b]);
                        }
                        int h = q + u;
                        float threshold = heaps.threshold(h);
                        for (int j = 0; j < valid; j++) {
                            if (su[j] > threshold) {
                                heaps.offer(h, su[j], start + j);
                                threshold = heaps.threshold(h);
                            }
                        }
                    }
                }
            }
            for (int h = 0; h < rows; h++) {
                finish(first + h, heaps, h);
            }
        }

        /** {@code s[j] = s[j] * scale[j] + offset[j]}, whole arrays so that C2 vectorizes it. */
        private static void transform(float[] s, float[] scale, float[] offset) {
            for (int j = 0; j < s.length; j++) {
                s[j] = s[j] * scale[j] + offset[j];
            }
        }

        /** Recomputes the winners' similarities in double precision and orders them. */
        private void finish(int row, Heaps heaps, int h) {
            int n = heaps.size(h);
            int d = left.dimensions();
            float[] a = left.data();
            float[] b = right.data();
            int aBase = row * d;
            double aNorm = metric == Metric.COSINE ? Math.sqrt(Similarity.dot(a, aBase, a, aBase, d)) : 0;
            Integer[] order = new Integer[n];
            int[] idx = new int[n];
            double[] sim = new double[n];
            for (int i = 0; i < n; i++) {
                idx[i] = heaps.index(h, i);
                sim[i] = Similarity.of(metric, a, aBase, aNorm, b, idx[i] * d, d);
                order[i] = i;
            }
            Arrays.sort(
                    order,
                    (p, q) -> sim[p] != sim[q] ? Double.compare(sim[q], sim[p]) : Integer.compare(idx[p], idx[q]));
            counts[row] = n;
            for (int i = 0; i < n; i++) {
                indexes[row * k + i] = idx[order[i]];
                similarities[row * k + i] = sim[order[i]];
            }
        }
    }

    /**
     * One bounded heap per left row of a chunk, the worst kept match at each root: lower score is
     * worse, and at equal scores the higher right index is worse.
     */
    private static final class Heaps {
        private final int k;
        private final float[] scores;
        private final int[] indexes;
        private final int[] sizes;
        private final float[] thresholds;

        Heaps(int rows, int k) {
            this.k = k;
            scores = new float[rows * k];
            indexes = new int[rows * k];
            sizes = new int[rows];
            thresholds = new float[rows];
            Arrays.fill(thresholds, Float.NEGATIVE_INFINITY);
        }

        /** A candidate must score above this to enter (right rows arrive in increasing index). */
        float threshold(int h) {
            return thresholds[h];
        }

        int size(int h) {
            return sizes[h];
        }

        int index(int h, int i) {
            return indexes[h * k + i];
        }

        void offer(int h, float score, int index) {
            int base = h * k;
            int size = sizes[h];
            if (size < k) {
                int i = size;
                sizes[h] = size + 1;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!worse(score, index, scores[base + parent], indexes[base + parent])) {
                        break;
                    }
                    scores[base + i] = scores[base + parent];
                    indexes[base + i] = indexes[base + parent];
                    i = parent;
                }
                scores[base + i] = score;
                indexes[base + i] = index;
                if (size + 1 == k) {
                    thresholds[h] = scores[base];
                }
                return;
            }
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= k) {
                    break;
                }
                if (child + 1 < k
                        && worse(
                                scores[base + child + 1],
                                indexes[base + child + 1],
                                scores[base + child],
                                indexes[base + child])) {
                    child++;
                }
                if (!worse(scores[base + child], indexes[base + child], score, index)) {
                    break;
                }
                scores[base + i] = scores[base + child];
                indexes[base + i] = indexes[base + child];
                i = child;
            }
            scores[base + i] = score;
            indexes[base + i] = index;
            thresholds[h] = scores[base];
        }

        private static boolean worse(float s, int i, float otherScore, int otherIndex) {
            return s < otherScore || (s == otherScore && i > otherIndex);
        }
    }

    /**
     * The matches of a search: for left row {@code i}, {@link #count(int)} matches at ranks
     * {@code 0 .. count - 1}, best first.
     *
     * <pre>{@code
     * for (int r = 0; r < result.count(i); r++) {
     *     System.out.println(result.index(i, r) + " " + result.similarity(i, r));
     * }
     * }</pre>
     */
    public static final class Result {
        private final int leftRows;
        private final int k;
        private final int[] counts;
        private final int[] indexes;
        private final double[] similarities;

        Result(int leftRows, int k, int[] counts, int[] indexes, double[] similarities) {
            this.leftRows = leftRows;
            this.k = k;
            this.counts = counts;
            this.indexes = indexes;
            this.similarities = similarities;
        }

        /**
         * The number of left rows.
         *
         * <pre>{@code int n = result.leftRows();}</pre>
         *
         * @return the row count
         */
        public int leftRows() {
            return leftRows;
        }

        /**
         * The most matches any row has: the requested {@code k}, or the number of right rows if
         * smaller.
         *
         * <pre>{@code int k = result.k();}</pre>
         *
         * @return the effective k
         */
        public int k() {
            return k;
        }

        /**
         * How many matches a left row has.
         *
         * <pre>{@code int c = result.count(0);}</pre>
         *
         * @param leftRow the left row
         * @return its match count, 0 to {@link #k()}
         */
        public int count(int leftRow) {
            return counts[leftRow];
        }

        /**
         * The right row at a rank.
         *
         * <pre>{@code int best = result.index(0, 0);}</pre>
         *
         * @param leftRow the left row
         * @param rank 0 for the best match
         * @return the right row index
         */
        public int index(int leftRow, int rank) {
            checkRank(leftRow, rank);
            return indexes[leftRow * k + rank];
        }

        /**
         * The similarity at a rank (for L2, the negated distance).
         *
         * <pre>{@code double s = result.similarity(0, 0);}</pre>
         *
         * @param leftRow the left row
         * @param rank 0 for the best match
         * @return the similarity
         */
        public double similarity(int leftRow, int rank) {
            checkRank(leftRow, rank);
            return similarities[leftRow * k + rank];
        }

        /**
         * The number of matches over all left rows.
         *
         * <pre>{@code long pairs = result.totalMatches();}</pre>
         *
         * @return the pair count
         */
        public long totalMatches() {
            long total = 0;
            for (int c : counts) {
                total += c;
            }
            return total;
        }

        private void checkRank(int leftRow, int rank) {
            if (rank < 0 || rank >= counts[leftRow]) {
                throw new IndexOutOfBoundsException(
                        "rank " + rank + " of left row " + leftRow + ", which has " + counts[leftRow] + " matches");
            }
        }

        @Override
        public String toString() {
            return "TopK.Result[" + leftRows + " left rows, k=" + k + ", " + totalMatches() + " matches]";
        }
    }
}
