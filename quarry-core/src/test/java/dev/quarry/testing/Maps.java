package dev.quarry.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps for rows in tests ({@code Map.of} has no stable order). */
public final class Maps {
    private Maps() {}

    /** An insertion-ordered map from alternating keys and values; values may be null. */
    public static Map<String, Object> row(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
