package dev.quarry.testkit.simulator;

import java.util.SplittableRandom;

/** Deterministic unit vectors seeded by a hash of seed, model and text. */
final class HashedEmbeddings {
    private HashedEmbeddings() {}

    static float[] embed(long seed, String model, String text, int dimensions) {
        SplittableRandom random = new SplittableRandom(Hashing.combine(seed, Hashing.hash(model), Hashing.hash(text)));
        float[] v = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            double g = random.nextGaussian();
            v[i] = (float) g;
            norm += g * g;
        }
        double scale = norm == 0 ? 0 : 1.0 / Math.sqrt(norm);
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) (v[i] * scale);
        }
        return v;
    }
}
