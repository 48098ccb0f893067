package dev.quarry.local.io;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Case-insensitive access to reader and writer options, rejecting unknown keys. */
final class Options {
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Options(Map<String, String> raw) {
        values.putAll(raw);
    }

    /**
     * Options checked against the known keys (compared ignoring case).
     *
     * @param raw the options as given
     * @param known the known keys
     * @param what e.g. {@code CSV reader}
     */
    static Options of(Map<String, String> raw, Set<String> known, String what) {
        Set<String> lower = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        lower.addAll(known);
        for (String key : raw.keySet()) {
            if (!lower.contains(key)) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Unknown " + what + " option '" + key + "'. Known options: " + String.join(", ", known));
            }
        }
        return new Options(raw);
    }

    String first(String... keys) {
        for (String k : keys) {
            String v = values.get(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    String get(String key) {
        return values.get(key);
    }

    String get(String key, String fallback) {
        String v = values.get(key);
        return v == null ? fallback : v;
    }

    boolean flag(String key, boolean fallback, String what) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        what + " option '" + key + "' must be true or false, was '" + v + "'");
        }
    }

    /** A delimiter or quote as given, with {@code \t} spelled out accepted for a tab. */
    static String character(String v) {
        return switch (v) {
            case "\\t" -> "\t";
            case "\\n" -> "\n";
            default -> v;
        };
    }
}
