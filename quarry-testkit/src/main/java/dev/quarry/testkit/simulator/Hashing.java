package dev.quarry.testkit.simulator;

import java.nio.charset.StandardCharsets;

/** Stable 64-bit hashing for deterministic choices; independent of JVM hash codes. */
final class Hashing {
    private Hashing() {}

    /** FNV-1a over the UTF-8 bytes, finished with a SplitMix64 mix. */
    static long hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    static long hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** Combines hashes in order. */
    static long combine(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = mix(h ^ p) + 0x9E3779B97F4A7C15L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
