package dev.quarry.inference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 fingerprints of requests: the identity used by the response cache and in-flight
 * deduplication. Fields are length-prefixed, so no two different requests share an encoding.
 */
final class Fingerprint {
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final MessageDigest digest;

    private Fingerprint(String kind) {
        digest = SHA.get();
        digest.reset();
        add(kind);
    }

    static Fingerprint start(String kind) {
        return new Fingerprint(kind);
    }

    Fingerprint add(String s) {
        if (s == null) {
            addInt(-1);
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            addInt(b.length);
            digest.update(b);
        }
        return this;
    }

    Fingerprint addInt(int v) {
        digest.update((byte) (v >>> 24));
        digest.update((byte) (v >>> 16));
        digest.update((byte) (v >>> 8));
        digest.update((byte) v);
        return this;
    }

    byte[] finish() {
        return digest.digest();
    }

    static byte[] chat(String provider, String model, String baseUrl, ChatRequest r) {
        Fingerprint f = start("chat/v1").add(provider).add(model).add(baseUrl).add(r.system());
        f.addInt(r.examples().size());
        for (FewShotExample ex : r.examples()) f.add(ex.user()).add(ex.assistant());
        f.add(r.user());
        f.add(r.schema() == null ? null : r.schema().name() + "\n" + r.schema().json());
        f.add(r.temperature() == null ? null : Double.toString(r.temperature()));
        f.addInt(r.maxOutputTokens() == null ? -1 : r.maxOutputTokens());
        return f.finish();
    }

    static byte[] embedding(String provider, String model, String baseUrl, int dimensions, String text) {
        return start("embed/v1")
                .add(provider)
                .add(model)
                .add(baseUrl)
                .addInt(dimensions)
                .add(text)
                .finish();
    }
}
