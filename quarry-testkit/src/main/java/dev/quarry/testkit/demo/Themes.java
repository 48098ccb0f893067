package dev.quarry.testkit.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summaries built from the input documents: the themes (recognizable phrases of the bundled
 * datasets, else the most frequent meaningful words) counted over the documents, the products they
 * name, and how many documents there were. A partial result written by this class can be merged
 * again, so hierarchical reductions add up.
 *
 * <pre>
 * Duplicate charges (6), refund requests (5) and invoice issues (3); most about Ledger (5) and Payroll (3) (11 tickets)
 * Praised: sound quality (7), comfort (5); criticised: battery life (6), the app (4) (20 reviews)
 * </pre>
 */
final class Themes {
    private Themes() {}

    /** One recognizable theme: documents matching {@code pattern} are about {@code phrase}. */
    private record Theme(String group, Pattern pattern, String phrase) {}

    private static final List<Theme> THEMES = themes();
    private static final Pattern ENTRY = Pattern.compile("([\\p{L}][^,;():]*?) \\((\\d+)\\)");
    private static final Pattern TOTAL = Pattern.compile("\\((\\d+) ([\\p{L}][\\p{L} ]*)\\)\\s*\\.?\\s*$");
    private static final String MOST_ABOUT = "; most about ";
    private static final Pattern PRAISE_WORDS =
            Pattern.compile("prais|like|love|pros\\b|positive|good|strength", Pattern.CASE_INSENSITIVE);

    /**
     * The reduction of a group's documents under an instruction.
     *
     * @param instruction the user's instruction (decides the noun and whether to split praise from criticism)
     * @param documents the documents
     * @return one sentence
     */
    static String reduce(String instruction, List<String> documents) {
        boolean polar = PRAISE_WORDS.matcher(instruction).find();
        Tally tally = new Tally();
        for (String doc : documents) {
            tally.documents++;
            Set<String> seen = new LinkedHashSet<>();
            for (String sentence : TextRules.sentences(doc)) {
                String polarity = polar ? TextRules.sentiment(sentence) : "";
                for (String phrase : phrases(sentence)) {
                    if (seen.add(polarity + "|" + phrase)) {
                        tally.add(polarity, phrase, 1);
                    }
                }
            }
            for (String p : TextRules.products(doc)) {
                tally.products.merge(p, 1, Integer::sum);
            }
        }
        if (tally.themes.isEmpty()) {
            keywordFallback(documents, tally);
        }
        return tally.render(noun(instruction), polar);
    }

    /**
     * Merges partial results this class wrote (a hierarchical reduce's second level).
     *
     * @param instruction the user's instruction
     * @param partials the partial results
     * @return one sentence
     */
    static String merge(String instruction, List<String> partials) {
        boolean polar = false;
        Tally tally = new Tally();
        String noun = noun(instruction);
        for (String partial : partials) {
            String body = partial;
            Matcher total = TOTAL.matcher(body);
            if (total.find()) {
                tally.documents += Integer.parseInt(total.group(1));
                noun = total.group(2);
                body = body.substring(0, total.start());
            } else {
                tally.documents++;
            }
            int about = body.indexOf(MOST_ABOUT);
            if (about >= 0) {
                Matcher p = ENTRY.matcher(body.substring(about + MOST_ABOUT.length()));
                while (p.find()) {
                    tally.products.merge(
                            p.group(1).replaceFirst("^and ", "").strip(), Integer.parseInt(p.group(2)), Integer::sum);
                }
                body = body.substring(0, about);
            }
            String polarity = "";
            for (String part : body.split(";")) {
                String lower = part.strip().toLowerCase(Locale.ROOT);
                if (lower.startsWith("praised:")) {
                    polarity = "positive";
                    polar = true;
                } else if (lower.startsWith("criticised:")) {
                    polarity = "negative";
                    polar = true;
                }
                Matcher e = ENTRY.matcher(part.replaceFirst("(?i)^\\s*(praised|criticised):", ""));
                while (e.find()) {
                    String phrase = e.group(1).replaceFirst("^(?i)and ", "").strip();
                    tally.add(
                            polarity,
                            phrase.toLowerCase(Locale.ROOT).equals(phrase) ? phrase : lowerFirst(phrase),
                            Integer.parseInt(e.group(2)));
                }
            }
        }
        return tally.render(noun, polar);
    }

    /**
     * A one-sentence summary of one text: its product and themes, else its first sentence.
     *
     * @param text the text
     * @return the summary
     */
    static String summarize(String text) {
        List<String> phrases = phrases(text);
        List<String> codes = TextRules.errorCodes(text);
        if (phrases.isEmpty()) {
            return TextRules.firstSentence(text, 20);
        }
        StringBuilder sb = new StringBuilder();
        String product = TextRules.product(text);
        if (product != null) {
            sb.append(product).append(": ");
        }
        String themes = joinAnd(phrases.subList(0, Math.min(3, phrases.size())));
        sb.append(product != null ? themes : TextRules.capitalize(themes));
        if (!codes.isEmpty()) {
            sb.append(" (").append(String.join(", ", codes)).append(')');
        }
        return sb.append('.').toString();
    }

    /** The phrases of the themes a text matches, at most one per theme group, in table order. */
    static List<String> phrases(String text) {
        Set<String> groups = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (Theme t : THEMES) {
            if (!groups.contains(t.group()) && t.pattern().matcher(text).find()) {
                groups.add(t.group());
                out.add(t.phrase());
            }
        }
        return out;
    }

    static String noun(String instruction) {
        String lower = instruction.toLowerCase(Locale.ROOT);
        if (lower.contains("ticket")) return "tickets";
        if (lower.contains("review")) return "reviews";
        if (lower.contains("comment") || lower.contains("feedback")) return "comments";
        if (lower.contains("log")) return "log lines";
        if (lower.contains("meeting") || lower.contains("transcript")) return "meetings";
        if (lower.contains("complain") || lower.contains("customer")) return "tickets";
        return "documents";
    }

    private static void keywordFallback(List<String> documents, Tally tally) {
        Map<String, Integer> df = new LinkedHashMap<>();
        for (String doc : documents) {
            for (String w : new LinkedHashSet<>(TextRules.meaningfulWords(doc))) {
                df.merge(w, 1, Integer::sum);
            }
        }
        df.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .forEach(e -> tally.add("", "mentions of " + e.getKey(), e.getValue()));
    }

    private static String lowerFirst(String s) {
        // keep acronyms such as "GPS accuracy" or "SSO login errors" as written
        return s.length() > 1 && Character.isUpperCase(s.charAt(1))
                ? s
                : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    static String joinAnd(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Counts of themes (per polarity), products and documents. */
    private static final class Tally {
        final Map<String, Map<String, Integer>> themes = new LinkedHashMap<>();
        final Map<String, Integer> products = new LinkedHashMap<>();
        int documents;

        void add(String polarity, String phrase, int count) {
            themes.computeIfAbsent(polarity, p -> new LinkedHashMap<>()).merge(phrase, count, Integer::sum);
        }

        String render(String noun, boolean polar) {
            StringBuilder sb = new StringBuilder();
            if (polar) {
                List<String> parts = new ArrayList<>();
                String praised = top(themes.getOrDefault("positive", Map.of()), 3, false);
                String criticised = top(themes.getOrDefault("negative", Map.of()), 3, false);
                if (!praised.isEmpty()) parts.add("Praised: " + praised);
                if (!criticised.isEmpty()) parts.add((parts.isEmpty() ? "Criticised: " : "criticised: ") + criticised);
                if (parts.isEmpty()) {
                    Map<String, Integer> all = new LinkedHashMap<>();
                    themes.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v, Integer::sum)));
                    parts.add("Mixed opinions on " + top(all, 3, false));
                }
                sb.append(String.join("; ", parts));
            } else {
                Map<String, Integer> all = new LinkedHashMap<>();
                themes.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v, Integer::sum)));
                sb.append(TextRules.capitalize(top(all, 3, true)));
            }
            List<String> mostAbout = products.entrySet().stream()
                    .filter(e -> e.getValue() >= 2 && e.getValue() * 4 >= documents)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(2)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .toList();
            if (!mostAbout.isEmpty()) {
                sb.append(MOST_ABOUT).append(joinAnd(mostAbout));
            }
            return sb.append(" (")
                    .append(documents)
                    .append(' ')
                    .append(noun)
                    .append(')')
                    .toString();
        }

        private static String top(Map<String, Integer> counts, int n, boolean and) {
            List<String> items = counts.entrySet().stream()
                    .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue)
                            .reversed())
                    .limit(n)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .toList();
            return and ? joinAnd(items) : String.join(", ", items);
        }
    }

    private static List<Theme> themes() {
        String[][] table = {
            // support tickets
            {"charges", "charged [^\\n]{0,25}?twice|duplicate charge|double charged|charged twice", "duplicate charges"
            },
            {"refund", "refund|money back|reverse the [^\\n]{0,30}?charge", "refund requests"},
            {"renewal", "renewed [^.]*automatically|even though I cancell?ed", "unwanted renewals"},
            {"invoice", "invoice|\\bthe bill\\b|VAT number|credit note", "invoice issues"},
            {"cycle", "monthly to yearly|yearly billing", "billing-cycle changes"},
            {"crash", "crashing with error", "crashes"},
            {"sync", "sync in \\w+ stopped working|sync stopped working", "broken integration syncs"},
            {"sync", "syncs? (?:to (?:my|the) phone|instantly)|sync to the phone", "phone sync"},
            {
                "sync",
                "\\bsync(?!-\\d)|between (?:my )?(?:phone|devices)|show up on my phone|come back as open",
                "sync between devices"
            },
            {"perf", "loads very slowly", "slow pages"},
            {"perf", "laggy|freezes|\\bslow\\b|ten seconds to open|drains my battery", "slowness and freezes"},
            {"sso", "log in to|\\bSSO\\b|SAML", "SSO login errors"},
            {"data", "report shows|is wrong", "wrong report data"},
            {"api", "API returns", "API errors"},
            {"ui", "small bug|on Safari", "UI bugs"},
            {"discount", "discount|non-profit", "discount requests"},
            {"quote", "\\bquote\\b|more seats", "quotes for more seats"},
            {"residency", "data residency", "EU data residency"},
            {"trial", "trial extension", "trial extensions"},
            {"ownership", "transfer ownership", "ownership transfers"},
            {"lockout", "locked out|reset email", "lockouts without reset emails"},
            {"users", "delete an old user|remove button", "removing users"},
            {"rename", "change the name", "workspace renames"},
            // product reviews
            {"sound", "sound quality|the sound is|\\bbass\\b|fills the whole room", "sound quality"},
            {"anc", "noise cancelling", "noise cancelling"},
            {"comfort", "comfortable|hurt my ears", "comfort"},
            {"battery", "battery", "battery life"},
            {"app", "companion app|the app (?:keeps|crashes)|in the app", "the app"},
            {"connectivity", "bluetooth|wifi", "connectivity"},
            {"voice", "voice assistant", "the voice assistant"},
            {"setup", "\\bsetup\\b", "setup"},
            {
                "price",
                "subscription|dollars a month|too expensive|doubled in price|one-time purchase|paying monthly",
                "subscription pricing"
            },
            {"price", "value for the price|overpriced", "price"},
            {"gps", "\\bGPS\\b", "GPS accuracy"},
            {"strap", "\\bthe strap\\b", "the strap"},
            {"heart", "heart rate", "heart-rate readings"},
            {"suction", "suction", "suction"},
            {"mapping", "\\bmapped\\b|maps the|gets lost", "mapping"},
            {"noise", "quiet enough|loud like", "noise level"},
            // app feedback
            {"dark", "dark mode|dark theme|night theme|too bright|blinding|hurts my eyes", "dark mode requests"},
            {"export", "export (?:to|my|all)|excel export|exporting", "CSV and PDF export"},
        };
        List<Theme> out = new ArrayList<>();
        for (String[] row : table) {
            out.add(new Theme(row[0], Pattern.compile(row[1], Pattern.CASE_INSENSITIVE), row[2]));
        }
        return List.copyOf(out);
    }
}
