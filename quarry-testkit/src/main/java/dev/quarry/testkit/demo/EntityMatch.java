package dev.quarry.testkit.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Judges whether two names refer to the same organization, the way a careful person matching
 * records would: case, punctuation, {@code &}/{@code and}, legal suffixes (Inc, Ltd, GmbH, ...),
 * plurals, common abbreviations (Corp., Labs, Auth.), one-letter typos, and acronyms (IBM) do not
 * matter; a different distinctive word, or a different place when both records give one, does.
 */
final class EntityMatch {
    private EntityMatch() {}

    private static final Pattern LABELLED_LINE =
            Pattern.compile("(?m)^\\s*[\\p{L}][\\p{L}\\p{N} _/-]{0,40}:\\s*(\\S.*?)\\s*$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,200})\"");
    private static final Pattern PLACE = Pattern.compile("^(.*?)\\s*\\(([^()]+)\\)\\s*$");
    private static final Pattern SAME_INTENT = Pattern.compile(
            "\\bsame\\b[^.?\\n]{0,40}\\b(compan|organi[sz]ation|business|vendor|supplier|customer|entity|account|firm|person|record)"
                    + "|\\b(refer|point) to the same\\b|\\bduplicates?\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> SUFFIXES = Set.of(
            "inc",
            "incorporated",
            "ltd",
            "limited",
            "llc",
            "llp",
            "gmbh",
            "co",
            "company",
            "corp",
            "corporation",
            "sa",
            "s",
            "a",
            "ag",
            "bv",
            "b",
            "v",
            "plc",
            "group",
            "the",
            "nv",
            "oy",
            "ab",
            "srl",
            "spa",
            "pty",
            "holdings");
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("labs", "laboratories"),
            Map.entry("lab", "laboratories"),
            Map.entry("intl", "international"),
            Map.entry("mfg", "manufacturing"),
            Map.entry("svcs", "services"),
            Map.entry("tech", "technologies"),
            Map.entry("bros", "brothers"),
            Map.entry("assoc", "associates"),
            Map.entry("dept", "department"),
            Map.entry("natl", "national"),
            Map.entry("mgmt", "management"),
            Map.entry("hotel", "hotels"),
            Map.entry("motor", "motors"));

    /** Whether the prompt asks if two records are the same entity. */
    static boolean asksSameEntity(String prompt) {
        return SAME_INTENT.matcher(prompt).find();
    }

    /**
     * The two records a pair prompt compares: the last two {@code Label: value} lines, else the
     * last two quoted strings; null when the prompt shows neither.
     */
    static @Nullable List<String> records(String prompt) {
        List<String> values = new ArrayList<>();
        Matcher m = LABELLED_LINE.matcher(prompt);
        while (m.find()) {
            values.add(m.group(1));
        }
        if (values.size() < 2) {
            values.clear();
            Matcher q = QUOTED.matcher(prompt);
            while (q.find()) {
                values.add(q.group(1));
            }
        }
        return values.size() < 2 ? null : values.subList(values.size() - 2, values.size());
    }

    /** Whether two records ({@code Name (Place)} or just {@code Name}) are the same organization. */
    static boolean same(String a, String b) {
        String[] left = nameAndPlace(a);
        String[] right = nameAndPlace(b);
        if (left[1] != null && right[1] != null && !normalize(left[1]).equals(normalize(right[1]))) {
            return false;
        }
        return sameName(left[0], right[0]);
    }

    static boolean sameName(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (String.join("", x).equals(String.join("", y))) {
            return true;
        }
        if (isAcronymOf(x, rawWords(b)) || isAcronymOf(y, rawWords(a))) {
            return true;
        }
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!sameToken(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameToken(String s, String t) {
        if (s.equals(t)) {
            return true;
        }
        int shorter = Math.min(s.length(), t.length());
        if (shorter >= 3 && (s.startsWith(t) || t.startsWith(s))) {
            return true; // Auth. / Authority, Air / Airlines
        }
        return shorter >= 5 && editDistance(s, t) <= 1; // Evergren / Evergreen
    }

    private static boolean isAcronymOf(List<String> acronym, List<String> words) {
        if (acronym.size() != 1 || words.size() < 2) {
            return false;
        }
        StringBuilder initials = new StringBuilder();
        for (String w : words) {
            initials.append(w.charAt(0));
        }
        return acronym.get(0).equals(initials.toString());
    }

    private static String[] nameAndPlace(String record) {
        Matcher m = PLACE.matcher(record.strip());
        return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {record.strip(), null};
    }

    private static String normalize(String s) {
        return String.join(" ", rawWords(s));
    }

    private static List<String> rawWords(String s) {
        String cleaned = s.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N} ]", " ");
        List<String> out = new ArrayList<>();
        for (String w : cleaned.split("\\s+")) {
            if (!w.isEmpty() && !w.equals("and") && !w.equals("of")) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String w : rawWords(name)) {
            if (SUFFIXES.contains(w)) {
                continue;
            }
            String t = ABBREVIATIONS.getOrDefault(w, w);
            out.add(t);
        }
        return out;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
