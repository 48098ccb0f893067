package dev.quarry.testkit.simulator;

import java.util.random.RandomGenerator;

/** Provider-looking ids ("chatcmpl-...", "msg_01...", "toolu_01..."), drawn from the request's seeded random. */
final class Ids {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {}

    static String random(int length, RandomGenerator random) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
