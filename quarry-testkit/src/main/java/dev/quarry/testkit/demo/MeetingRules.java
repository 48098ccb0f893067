package dev.quarry.testkit.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a meeting transcript written as {@code Speaker: what they said} lines: who spoke, the
 * decisions taken ("we decided", "agreed", "let's go with", "Decision:") and the action items
 * ("I'll ...", "I will ...", "I can take ...", "Name, can you ...?"), each with its owner, its
 * task and its due date when one is said ("by Friday", "before the release", "today").
 */
final class MeetingRules {
    private MeetingRules() {}

    /** One action item: who, what, and when (null when no date was said). */
    record Item(String owner, String task, @Nullable String due) {}

    private static final Pattern LINE =
            Pattern.compile("(?m)^\\s*(?:\\[[^\\]]*\\]\\s*)?([A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+)?):[ \\t]+(.+)$");
    private static final Pattern SELF = Pattern.compile(
            "^(?:(?:ok(?:ay)?|sure|yes|good|and|also|then|so)[,.]?\\s+)?I(?:'ll| will| can| am going to|'m going to)"
                    + "\\s+(?!be\\b|think\\b|try\\b)(.+?)[.!]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASK =
            Pattern.compile("^([A-Z][\\p{L}'-]+), (?:can|could|would|will) you (?:also |please )?(.+?)\\?$");
    private static final Pattern DUE = Pattern.compile(
            "\\s*\\b(?:by|before|until)\\s+((?:next\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                    + "|tomorrow|today|end of (?:the )?(?:day|week|month|sprint)|next \\w+|the \\d{1,2}(?:st|nd|rd|th)"
                    + "|the release|[A-Z][a-z]+ \\d{1,2})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DUE_AT_END =
            Pattern.compile("\\s+(today|tomorrow|this week|next week|tonight)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VAGUE =
            Pattern.compile("^(?:have (?:a|the) |do it|get it done|send it)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECISION = Pattern.compile(
            "\\b(?:we decided|decided to|we agreed|agreed\\b|let's go with|we'll go with|we will go with|decision:"
                    + "|we're going with)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DECISION_PREFIX = Pattern.compile(
            "^(?:decision:|agreed(?: then)?:|we decided to|we agreed to|we agreed that|let's|we'll|we will|we're going to)\\s*",
            Pattern.CASE_INSENSITIVE);

    static boolean looksLikeTranscript(String text) {
        Matcher m = LINE.matcher(text);
        int lines = 0;
        while (m.find()) {
            lines++;
        }
        return lines >= 2;
    }

    static List<String> speakers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return List.copyOf(out);
    }

    static List<String> decisions(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            for (String sentence : TextRules.sentences(m.group(2))) {
                if (DECISION.matcher(sentence).find() && !sentence.endsWith("?")) {
                    String d = DECISION_PREFIX
                            .matcher(sentence)
                            .replaceFirst("")
                            .replaceAll("[.!]+$", "")
                            .strip();
                    out.add(TextRules.capitalize(d));
                }
            }
        }
        return out;
    }

    static List<Item> actionItems(String text) {
        List<String> speakers = speakers(text);
        List<Item> out = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            String speaker = m.group(1);
            Item previousOfLine = null;
            for (String sentence : TextRules.sentences(m.group(2))) {
                Item item = null;
                Matcher self = SELF.matcher(sentence);
                Matcher ask = ASK.matcher(sentence);
                if (self.matches()) {
                    item = item(speaker, self.group(1));
                } else if (ask.matches() && speakers.contains(ask.group(1))) {
                    item = item(ask.group(1), ask.group(2));
                }
                if (item == null) {
                    continue;
                }
                if (previousOfLine != null && VAGUE.matcher(item.task()).find() && previousOfLine.due() == null) {
                    // "I can take the second blocker. I'll have a patch by Thursday." is one item
                    Item merged = new Item(previousOfLine.owner(), previousOfLine.task(), item.due());
                    out.set(out.size() - 1, merged);
                    previousOfLine = merged;
                    continue;
                }
                out.add(item);
                previousOfLine = item;
            }
        }
        return out;
    }

    private static Item item(String owner, String said) {
        String task = said.strip();
        String due = null;
        Matcher d = DUE.matcher(task);
        if (d.find()) {
            due = d.group(1);
            task = (task.substring(0, d.start()) + task.substring(d.end())).strip();
        } else {
            Matcher end = DUE_AT_END.matcher(task);
            if (end.find()) {
                due = end.group(1).toLowerCase(Locale.ROOT);
                task = task.substring(0, end.start()).strip();
            }
        }
        task = task.replaceAll("[.!,;]+$", "").replaceFirst("(?i)^also ", "");
        return new Item(owner, TextRules.capitalize(task), due);
    }
}
