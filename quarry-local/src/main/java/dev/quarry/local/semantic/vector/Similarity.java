package dev.quarry.local.semantic.vector;

import dev.quarry.internal.plan.SimilarityJoin.Metric;

/** Exact similarities and distances in double precision, one pair of vectors at a time. */
final class Similarity {
    private Similarity() {}

    /** {@code a·b} over {@code d} values from the given offsets. */
    static double dot(float[] a, int ao, float[] b, int bo, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            s += (double) a[ao + t] * b[bo + t];
        }
        return s;
    }

    /** {@code |a - b|²} over {@code d} values from the given offsets. */
    static double squaredDistance(float[] a, int ao, float[] b, int bo, int d) {
        double s = 0;
        for (int t = 0; t < d; t++) {
            double diff = (double) a[ao + t] - b[bo + t];
            s += diff * diff;
        }
        return s;
    }

    /**
     * The similarity of two vectors under a metric: cosine (0 when either is a zero vector, clamped to
     * [-1, 1]), dot product, or the negated Euclidean distance (+0.0 for equal vectors).
     *
     * @param aNorm {@code |a|}, used by cosine only
     */
    static double of(Metric metric, float[] a, int ao, double aNorm, float[] b, int bo, int d) {
        return switch (metric) {
            case DOT -> dot(a, ao, b, bo, d);
            case L2 -> 0.0 - Math.sqrt(squaredDistance(a, ao, b, bo, d)); // 0.0, not -0.0, for equal vectors
            case COSINE -> {
                double bNorm = Math.sqrt(dot(b, bo, b, bo, d));
                if (aNorm == 0 || bNorm == 0) {
                    yield 0;
                }
                double c = dot(a, ao, b, bo, d) / (aNorm * bNorm);
                yield Math.max(-1, Math.min(1, c));
            }
        };
    }
}
