package dev.quarry.internal.analyzer;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions: the nearest candidate by edit distance, ignoring case. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The candidate closest to {@code name}, if one is close enough to be a plausible typo.
     *
     * <pre>{@code Suggestions.nearest("nmae", List.of("id", "name")) // Optional[name]}</pre>
     *
     * @param name the name the user wrote
     * @param candidates the names that exist
     * @return the nearest plausible candidate, or empty
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int limit = wanted.length() <= 3 ? 1 : wanted.length() <= 6 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * The suggestion as a sentence to append to a message: {@code " Did you mean 'name'?"}, or the
     * empty string.
     *
     * <pre>{@code "Column 'nmae' not found." + Suggestions.didYouMean("nmae", names)}</pre>
     *
     * @param name the name the user wrote
     * @param candidates the names that exist
     * @return the sentence, starting with a space, or empty
     */
    public static String didYouMean(String name, Collection<String> candidates) {
        return nearest(name, candidates).map(s -> " Did you mean '" + s + "'?").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
