package dev.quarry.testkit.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The keyword rules {@link DemoAnswers} reads texts with: products, refund requests, error codes,
 * anger, sentiment, label scores, numbers and {@code key: value} pairs. Every rule is a plain
 * function of the text, so the same text always gets the same answer.
 */
final class TextRules {
    private TextRules() {}

    /** Products of the bundled datasets, longest first so that the most specific name wins. */
    static final List<String> PRODUCTS = List.of(
            "Aurora ANC Headphones",
            "Pebble Smart Speaker",
            "Trail 2 Running Watch",
            "Nimbus Robot Vacuum",
            "Storefront",
            "Inventory",
            "Analytics",
            "Payroll",
            "Ledger");

    private static final Pattern ERROR_CODE =
            Pattern.compile("\\b(?:HTTP [1-5]\\d\\d|ERR_[A-Z0-9_]+|[A-Z][A-Z0-9]{0,4}-\\d{2,5})\\b");
    private static final Pattern REFUND = Pattern.compile(
            "\\brefund|money back|reverse the [^\\n]{0,30}?charge|\\bcharge ?back\\b|\\breimburse",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern LEVEL =
            Pattern.compile("\\b(TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|FATAL|CRITICAL)\\b");
    private static final Pattern BRACKETED = Pattern.compile("\\[([A-Za-z][\\w.-]*)\\]");
    private static final Pattern MILLIS = Pattern.compile("(\\d[\\d,]*)\\s?ms\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])(\\d+(?:\\.\\d+)?)(?![\\w-])");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern MONEY = Pattern.compile("[$€£]\\s?(\\d[\\d,]*(?:\\.\\d+)?)");

    /** Signs that the writer is angry or frustrated, each worth one point (a few worth two). */
    private static final Map<Pattern, Integer> ANGER = weighted(Map.of(
            "unacceptable|furious|ridiculous|outrageous|worst|fed up", 2,
            "tired of|sick of|nobody answered|no one answered|still waiting|second time|again and again", 2,
            "\\blost\\b|escalate|help!|!!|locked out|deadline", 1,
            "\\btwice\\b|even though i cancell?ed|keeps? failing|not coming through|fix the bill", 1,
            "i want a refund|reverse the [^\\n]{0,30}?charge", 1));

    private static final Map<Pattern, Integer> POSITIVE = weighted(Map.of(
            "\\bthanks?\\b|thank you|\\bgreat\\b|\\blov(?:e|ing)\\b|excellent|amazing|superb|perfect", 1,
            "\\bhappy\\b|went well|recommend(?:ed)?\\b|awesome|fantastic|impressed|\\bglad\\b|\\bworks well", 1,
            "comfortable|\\bcrisp\\b|accurately|instantly|\\bquiet\\b|strong suction|easily|without trouble", 1,
            "good value|great value|so fast|\\bsimple\\b|would buy again|\\bfast\\b", 1,
            "fills the whole room|understands me|took two minutes|match my|on the first run|covers the whole", 1));

    private static final Map<Pattern, Integer> NEGATIVE = weighted(Map.of(
            "disappointed|terrible|awful|useless|waste|\\bhate\\b|would not recommend|returning it", 2,
            "\\bbroke\\b|broken|stopped working|not working|doesn't work|does not work|fails?\\b|crash", 1,
            "\\bslow(?:ly)?\\b|\\bwrong\\b|\\bmuddy\\b|\\bthin\\b|tinny|mishears|drifts|\\bweak\\b|\\bloud\\b", 1,
            "\\bhurt|overpriced|too expensive|too high|barely|gets lost|drops off|all over the place", 1,
            "\\berror\\b|\\bbug\\b|laggy|freezes|drains|unreliable|duplicate|blinding|too bright", 1,
            "shorter than advertised|keeps losing|\\bfailed\\b|drops to|runs out", 1));

    /** Keywords of well-known class labels (support teams, log categories, moods). */
    private static final Map<String, Pattern> LABEL_KEYWORDS = labelKeywords();

    /**
     * Weaker signs (one point instead of three): where a text goes when its own class is not among
     * the labels, e.g. a locked-out account among billing / technical / sales is a technical issue.
     */
    private static final Map<String, Pattern> RELATED_KEYWORDS = Map.of(
            "technical", Pattern.compile("locked out|reset email|password|access", Pattern.CASE_INSENSITIVE),
            "billing", Pattern.compile("cancel|yearly|monthly|paid", Pattern.CASE_INSENSITIVE),
            "sales", Pattern.compile("team of|colleague|add .* users", Pattern.CASE_INSENSITIVE),
            "account", Pattern.compile("\\bsso\\b|log in|login|settings", Pattern.CASE_INSENSITIVE));

    private static final Set<String> STOPWORDS = Set.of(
            "a",
            "about",
            "after",
            "again",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "for",
            "from",
            "get",
            "got",
            "had",
            "has",
            "have",
            "how",
            "i",
            "i'm",
            "i've",
            "if",
            "in",
            "into",
            "is",
            "it",
            "it's",
            "its",
            "just",
            "last",
            "let",
            "me",
            "more",
            "my",
            "no",
            "not",
            "now",
            "of",
            "on",
            "one",
            "only",
            "or",
            "other",
            "our",
            "out",
            "please",
            "so",
            "some",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "to",
            "too",
            "up",
            "us",
            "very",
            "was",
            "we",
            "we'd",
            "were",
            "what",
            "when",
            "which",
            "who",
            "why",
            "will",
            "with",
            "would",
            "you",
            "your",
            "since",
            "still",
            "every",
            "two",
            "week",
            "day",
            "days",
            "month",
            "instead",
            "there's",
            "anything",
            "way",
            "like",
            "much",
            "many",
            "few",
            "per",
            "each",
            "same",
            "new",
            "old",
            "time",
            "less",
            "lot",
            "thing",
            "things",
            "want",
            "need",
            "use",
            "used",
            "using",
            "make",
            "makes",
            "made",
            "know",
            "see",
            "think",
            "take",
            "takes",
            "via",
            "it'll");

    static List<String> errorCodes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = ERROR_CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group());
        }
        return List.copyOf(codes);
    }

    static boolean wantsRefund(String text) {
        return REFUND.matcher(text).find();
    }

    static @Nullable String product(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String p : PRODUCTS) {
            if (Pattern.compile("\\b" + Pattern.quote(p.toLowerCase(Locale.ROOT)) + "\\b")
                    .matcher(lower)
                    .find()) {
                return p;
            }
        }
        return null;
    }

    static List<String> products(String text) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String p : PRODUCTS) {
            if (lower.contains(p.toLowerCase(Locale.ROOT))) {
                found.add(p);
            }
        }
        return found;
    }

    static int angerScore(String text) {
        return score(ANGER, text);
    }

    static boolean isAngry(String text) {
        return angerScore(text) >= 1;
    }

    /** {@code positive}, {@code negative} or {@code neutral}, by counting favourable and unfavourable signs. */
    static String sentiment(String text) {
        int score = score(POSITIVE, text) - score(NEGATIVE, text) - angerScore(text);
        return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
    }

    static boolean isUrgent(String text) {
        return Pattern.compile(
                        "urgent|asap|right away|immediately|today|deadline|escalate|help!|blocker|outage|down\\b|fatal",
                        Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .find();
    }

    /**
     * Scores each label against the text: its known keywords, its own name and the words of its
     * description, and returns the best one; null when no label scores at all.
     */
    static @Nullable String bestLabel(List<String> labels, Map<String, String> descriptions, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> textWords = new LinkedHashSet<>(words(lower));
        String best = null;
        int bestScore = 0;
        for (String label : labels) {
            String key = label.toLowerCase(Locale.ROOT);
            int score = 0;
            Pattern known = LABEL_KEYWORDS.get(key);
            if (known != null) {
                Matcher m = known.matcher(lower);
                while (m.find()) {
                    score += 3;
                }
            }
            Pattern related = RELATED_KEYWORDS.get(key);
            if (related != null) {
                Matcher m = related.matcher(lower);
                while (m.find()) {
                    score += 1;
                }
            }
            for (String w : words(key)) {
                if (textWords.contains(w) && !STOPWORDS.contains(w)) {
                    score += 2;
                }
            }
            String description = descriptions.get(label);
            if (description != null) {
                for (String w : new LinkedHashSet<>(words(description.toLowerCase(Locale.ROOT)))) {
                    if (w.length() > 2 && !STOPWORDS.contains(w) && textWords.contains(w)) {
                        score += 1;
                    }
                }
            }
            if (score > bestScore) {
                best = label;
                bestScore = score;
            }
        }
        return best;
    }

    /** A log level named in the text, upper case ({@code WARNING} read as {@code WARN}), or null. */
    static @Nullable String logLevel(String text) {
        Matcher m = LEVEL.matcher(text);
        if (!m.find()) {
            return null;
        }
        String level = m.group(1);
        return level.startsWith("WARN") ? "WARN" : level.equals("CRITICAL") ? "FATAL" : level;
    }

    /** The first {@code [name]} in the text (a log line's service), or null. */
    static @Nullable String bracketed(String text) {
        Matcher m = BRACKETED.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The first duration written in milliseconds ({@code 1200 ms}), or null. */
    static @Nullable Long millis(String text) {
        Matcher m = MILLIS.matcher(text);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : null;
    }

    /** The first amount of money ({@code $19.99}), or null. */
    static @Nullable Double money(String text) {
        Matcher m = MONEY.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : null;
    }

    /** The first number written before {@code word} ({@code 12 seats}), or null. */
    static @Nullable Double numberBefore(String text, String word) {
        Matcher m = Pattern.compile(
                        "(\\d+(?:\\.\\d+)?)\\s+(?:more\\s+)?" + Pattern.quote(word), Pattern.CASE_INSENSITIVE)
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    static @Nullable Double firstNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    static List<String> emails(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * The value written after {@code key} as {@code key: value} or {@code key=value} (the key's
     * words in any case, camelCase split), up to the end of the line or the next separator; null if
     * the text has none.
     */
    static @Nullable String keyValue(String text, String key) {
        List<String> parts = words(splitCamel(key).toLowerCase(Locale.ROOT));
        if (parts.isEmpty()) {
            return null;
        }
        String keyPattern =
                String.join("[ _-]?", parts.stream().map(Pattern::quote).toList());
        Matcher m = Pattern.compile("(?im)(?:^|[\\s,;(])" + keyPattern + "\\s*[:=]\\s*([^\\n,;)]+)")
                .matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    /** The first sentence of the text, at most {@code maxWords} words. */
    static String firstSentence(String text, int maxWords) {
        String flat = text.strip().replaceAll("\\s+", " ");
        String first = SENTENCE_END.split(flat, 2)[0];
        String[] tokens = first.split(" ");
        if (tokens.length <= maxWords) {
            return first;
        }
        return String.join(" ", java.util.Arrays.copyOf(tokens, maxWords)) + "...";
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Lower-case words of a text, in order. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The words worth counting: no stop words, no numbers, at least three letters. */
    static List<String> meaningfulWords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) {
            if (w.length() >= 3 && !STOPWORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static String splitCamel(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ');
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static int score(Map<Pattern, Integer> rules, String text) {
        int score = 0;
        for (Map.Entry<Pattern, Integer> rule : rules.entrySet()) {
            Matcher m = rule.getKey().matcher(text);
            while (m.find()) {
                score += rule.getValue();
            }
        }
        return score;
    }

    private static Map<Pattern, Integer> weighted(Map<String, Integer> rules) {
        Map<Pattern, Integer> out = new LinkedHashMap<>();
        rules.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(Pattern.compile(e.getKey(), Pattern.CASE_INSENSITIVE), e.getValue()));
        return out;
    }

    private static Map<String, Pattern> labelKeywords() {
        Map<String, String> words = new LinkedHashMap<>();
        // support teams (the bundled tickets)
        words.put(
                "billing",
                "charged|\\bcharge|invoice|refund|billing|\\bbill\\b|\\bvat\\b|credit note|renewed|paid|payment");
        words.put(
                "technical",
                "error|crash|\\bsync|slow|log in|login|\\bsso\\b|\\bapi\\b|\\bbug\\b|export|loads|failing|report");
        words.put("sales", "quote|seats|discount|trial|\\bplan\\b|pricing|pilot|enterprise|non-profit|residency|sign");
        words.put(
                "account",
                "ownership|locked|delete|remove|workspace|reset email|transfer|\\buser\\b|leaving the company");
        words.put("support", "help|question|how do i|problem");
        // log categories (the log triage example)
        words.put("database", "\\bdb-|database|deadlock|\\bquery|connection pool|transaction|table|index|replica|sql");
        words.put(
                "network",
                "timed out|timeout|\\bdns\\b|\\btls\\b|upstream|handshake|net-|http 50[234]|connection refused");
        words.put(
                "authentication", "token|sign(?:ed)? in|login|password|http 401|http 403|locked|credential|signature");
        words.put("storage", "\\bdisk\\b|bucket|quota|volume|\\bs3-|dsk-|full|write to");
        words.put("application", "exception|outofmemory|heap|null|stack|panic|line \\d+|gc pause|release");
        // moods and intents
        words.put("positive", "thanks|great|love|excellent|happy|recommend");
        words.put("negative", "disappointed|broke|terrible|refund|not working|unacceptable");
        words.put("complaint", "unacceptable|broken|not working|refund|disappointed|charged twice|wrong");
        words.put("question", "\\?|how do|can i|could you|is there|does");
        words.put("feature request", "please add|would love|would be great|any plans|let me|bring back");
        words.put("bug report", "crash|freezes|error|bug|does not|doesn't|fails|lost");
        Map<String, Pattern> out = new LinkedHashMap<>();
        words.forEach((k, v) -> out.put(k, Pattern.compile(v, Pattern.CASE_INSENSITIVE)));
        return Map.copyOf(out);
    }
}
