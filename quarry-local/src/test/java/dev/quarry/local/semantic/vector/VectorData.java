package dev.quarry.local.semantic.vector;

import dev.quarry.internal.plan.SimilarityJoin.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded test vectors and a brute-force reference written independently of the kernels. */
final class VectorData {
    private VectorData() {}

    /** {@code rows} vectors of Gaussian values. */
    static float[][] gaussian(long seed, int rows, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[rows][dimensions];
        for (float[] row : out) {
            for (int t = 0; t < dimensions; t++) {
                row[t] = (float) gaussian(random);
            }
        }
        return out;
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A reference match: right row index and similarity. */
    record Match(int index, double similarity) {}

    /** Every right row's similarity to {@code a}, best first, ties to the lower index. */
    static List<Match> ranking(float[] a, float[][] right, Metric metric) {
        List<Match> all = new ArrayList<>();
        for (int j = 0; j < right.length; j++) {
            if (right[j] != null) {
                all.add(new Match(j, similarity(a, right[j], metric)));
            }
        }
        all.sort(Comparator.comparingDouble((Match m) -> -m.similarity()).thenComparingInt(Match::index));
        return all;
    }

    static double similarity(float[] a, float[] b, Metric metric) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double dist = 0;
        for (int t = 0; t < a.length; t++) {
            dot += (double) a[t] * b[t];
            na += (double) a[t] * a[t];
            nb += (double) b[t] * b[t];
            dist += ((double) a[t] - b[t]) * ((double) a[t] - b[t]);
        }
        return switch (metric) {
            case DOT -> dot;
            case L2 -> -Math.sqrt(dist);
            case COSINE -> na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na) / Math.sqrt(nb);
        };
    }

    static VectorMatrix matrix(float[][] rows) {
        return VectorMatrix.of(rows);
    }
}
