package dev.quarry.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.testkit.simulator.AnswerFunction;
import dev.quarry.testkit.simulator.ChatRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plausible simulated answers for the datasets bundled with Quarry (support tickets, service logs,
 * meeting transcripts, product reviews, company names, app feedback), for the offline demo and the
 * examples. The answers are keyed on the data, never random: each request is read (its JSON
 * Schema, its system prompt, its text) and answered by simple rules on the text.
 *
 * <ul>
 *   <li>a yes/no judgement (a schema with one boolean field): anger or frustration, urgency, a
 *       refund request, praise or complaint, a question, an error code, or whether two records
 *       name the same organization;
 *   <li>a choice among labels (one enum field): sentiment by counting favourable and unfavourable
 *       words, any other labels by the keywords, names and descriptions that best fit the text;
 *   <li>a record (any other schema): each field filled by a rule keyed on its name and
 *       description (product, refund flag, error codes, log level and service, durations, action
 *       items with owners and due dates, decisions, attendees, ...);
 *   <li>a reduction of documents ({@code Documents: [1] ... [2] ...}): one sentence naming the
 *       most frequent themes with their counts, the products they concern and how many documents
 *       there were, e.g. {@code Duplicate charges (6), refund requests (5) and invoice issues (3);
 *       mostly Ledger and Payroll (11 tickets)}; partial results of a hierarchical reduction are
 *       merged by adding up their counts;
 *   <li>a summary of one text: its product and themes, else its first sentence.
 * </ul>
 *
 * Anything else gets {@link AnswerFunction#defaults()}. Thread safe and stateless.
 *
 * <pre>{@code
 * try (LlmSimulator sim = LlmSimulator.builder().answers(DemoAnswers.create()).start()) {
 *     OpenAIModel model = OpenAIModel.of("gpt-4.1-nano").baseUrl(sim.baseUrl(Provider.OPENAI)).apiKey("sim");
 *     // ... run a pipeline over the bundled tickets ...
 * }
 * }</pre>
 */
public final class DemoAnswers implements AnswerFunction {
    private static final DemoAnswers INSTANCE = new DemoAnswers();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DOCUMENT_MARK = Pattern.compile("(?m)^\\s*\\[(\\d+)\\]\\s*$");
    private static final Pattern LABEL_LINE = Pattern.compile("(?m)^\\s*[-*]\\s*([^:\\n]+?)\\s*(?::\\s*(.+))?$");
    private static final Set<String> SENTIMENTS = Set.of("positive", "negative", "neutral");
    private static final Pattern ANGER_INTENT =
            Pattern.compile("angry|anger|frustrat|upset|annoyed|furious|irritated|mad\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern URGENT_INTENT =
            Pattern.compile("urgent|urgency|asap|critical", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFUND_INTENT =
            Pattern.compile("refund|money back|reimburs", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE_INTENT =
            Pattern.compile("positive|happy|satisfied|praise|pleased", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE_INTENT =
            Pattern.compile("negative|complain|unhappy|dissatisfied", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION_INTENT =
            Pattern.compile("asks? (?:a )?question|is a question", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION_SENTENCE = Pattern.compile("[^.!?:\\n]+[?:]");
    private static final Pattern ERROR_INTENT =
            Pattern.compile("error code|mentions? an? error", Pattern.CASE_INSENSITIVE);

    private DemoAnswers() {}

    /**
     * The demo answers.
     *
     * <pre>{@code LlmSimulator.builder().answers(DemoAnswers.create()).start();}</pre>
     *
     * @return the answer function (a shared, stateless instance)
     */
    public static DemoAnswers create() {
        return INSTANCE;
    }

    /**
     * Answers one request by the rules described on the class.
     *
     * <pre>{@code String json = DemoAnswers.create().answer(request);}</pre>
     *
     * @param request the parsed request
     * @return the answer text: JSON when the request asks for it
     */
    @Override
    public String answer(ChatRequest request) {
        String system = request.system() == null ? "" : request.system();
        String user = request.lastUserText();
        JsonNode schema = request.schema();
        String answer;
        if (schema != null) {
            answer = structured(system, user, schema);
        } else if (request.jsonMode()) {
            answer = jsonWithoutSchema(system, user);
        } else {
            answer = text(system, user);
        }
        return answer != null ? answer : AnswerFunction.defaults().answer(request);
    }

    private static String structured(String system, String user, JsonNode schema) {
        SchemaAnswers.Shape root = SchemaAnswers.shape(schema, schema);
        List<Map.Entry<String, JsonNode>> props = root.properties();
        if (props.size() == 1) {
            String field = props.get(0).getKey();
            SchemaAnswers.Shape only = SchemaAnswers.shape(props.get(0).getValue(), schema);
            if ("boolean".equals(only.type())) {
                Boolean verdict = judge(system, user);
                return verdict == null ? null : object(field, verdict);
            }
            List<String> labels = only.enumValues();
            if (!labels.isEmpty()) {
                String label = choose(system, user, labels);
                return label == null ? null : object(field, label);
            }
        }
        if (!"object".equals(root.type())) {
            return null;
        }
        return SchemaAnswers.fill(schema, stripTextPrefix(user)).toString();
    }

    private static String jsonWithoutSchema(String system, String user) {
        if (system.contains("\"answer\"")) {
            Boolean verdict = judge(system, user);
            return verdict == null ? null : object("answer", verdict);
        }
        if (system.contains("\"label\"")) {
            List<String> labels = new ArrayList<>(labelDescriptions(system).keySet());
            if (system.toLowerCase(Locale.ROOT).contains("sentiment") || labels.size() < 2) {
                labels = List.of("positive", "negative", "neutral");
            }
            String label = choose(system, user, labels);
            return label == null ? null : object("label", label);
        }
        return null;
    }

    private static String text(String system, String user) {
        String lowerSystem = system.toLowerCase(Locale.ROOT);
        List<String> documents = documents(user);
        if (!documents.isEmpty()) {
            String instruction = instruction(user, system);
            boolean partials = lowerSystem.contains("partial")
                    || documents.stream().allMatch(d -> d.strip().matches("(?s).*\\(\\d+ [\\p{L} ]+\\)\\.?$"));
            return partials ? Themes.merge(instruction, documents) : Themes.reduce(instruction, documents);
        }
        if (lowerSystem.contains("summar")) {
            return Themes.summarize(stripTextPrefix(user));
        }
        return null;
    }

    /** A yes/no judgement, or null when no rule knows the question. */
    private static Boolean judge(String system, String prompt) {
        String lowerSystem = system.toLowerCase(Locale.ROOT);
        boolean pair = lowerSystem.contains("pair of records") || EntityMatch.asksSameEntity(prompt);
        if (pair) {
            List<String> records = EntityMatch.records(prompt);
            if (records != null) {
                return EntityMatch.same(records.get(0), records.get(1));
            }
        }
        if (ANGER_INTENT.matcher(prompt).find()) {
            return TextRules.isAngry(prompt);
        }
        if (URGENT_INTENT.matcher(prompt).find()) {
            return TextRules.isUrgent(prompt);
        }
        if (QUESTION_INTENT.matcher(prompt).find()) {
            return withoutQuestion(prompt, QUESTION_INTENT).contains("?");
        }
        if (ERROR_INTENT.matcher(prompt).find()) {
            return !TextRules.errorCodes(prompt).isEmpty();
        }
        if (REFUND_INTENT.matcher(prompt).find()) {
            return TextRules.wantsRefund(withoutQuestion(prompt, REFUND_INTENT));
        }
        if (POSITIVE_INTENT.matcher(prompt).find()) {
            return TextRules.sentiment(prompt).equals("positive");
        }
        if (NEGATIVE_INTENT.matcher(prompt).find()) {
            return TextRules.sentiment(prompt).equals("negative");
        }
        return null;
    }

    /** The prompt without the sentences that ask the question (those holding {@code intent} and ending in ? or :). */
    private static String withoutQuestion(String prompt, Pattern intent) {
        Matcher m = QUESTION_SENTENCE.matcher(prompt);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, intent.matcher(m.group()).find() ? "" : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The label for a text: sentiment when the labels are the three moods, else the best-scoring class. */
    private static String choose(String system, String user, List<String> labels) {
        Set<String> lower = labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (lower.equals(SENTIMENTS) || (lower.containsAll(Set.of("positive", "negative")) && lower.size() <= 3)) {
            String mood = TextRules.sentiment(user);
            for (String l : labels) {
                if (l.equalsIgnoreCase(mood)) {
                    return l;
                }
            }
        }
        Map<String, String> descriptions = labelDescriptions(system);
        Map<String, String> forLabels = new LinkedHashMap<>();
        for (String l : labels) {
            String d = descriptions.get(l);
            if (d != null) {
                forLabels.put(l, d);
            }
        }
        String best = TextRules.bestLabel(labels, forLabels, user);
        // nothing fits: a label chosen from the text alone, so every provider and model gets the same one
        return best != null ? best : labels.get(Math.floorMod(user.hashCode(), labels.size()));
    }

    /** {@code - label: description} lines of a system prompt. */
    private static Map<String, String> labelDescriptions(String system) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = LABEL_LINE.matcher(system);
        while (m.find()) {
            out.put(m.group(1).strip(), m.group(2) == null ? "" : m.group(2).strip());
        }
        return out;
    }

    /** The documents of a reduce prompt ({@code [1]}, {@code [2]}, ... marks), or empty. */
    private static List<String> documents(String user) {
        Matcher m = DOCUMENT_MARK.matcher(user);
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            ends.add(m.end());
        }
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : user.length();
            String doc = user.substring(ends.get(i), end).strip();
            if (!doc.isEmpty()) {
                docs.add(doc);
            }
        }
        return docs;
    }

    private static String instruction(String user, String system) {
        Matcher m = Pattern.compile("(?is)instruction:\\s*(.*?)\\s*(?:documents:|\\[1\\])")
                .matcher(user);
        if (m.find()) {
            return m.group(1);
        }
        Matcher first = DOCUMENT_MARK.matcher(user);
        String before = first.find() ? user.substring(0, first.start()) : "";
        return before.isBlank() ? system : before;
    }

    private static String stripTextPrefix(String user) {
        return user.replaceFirst("^\\s*(?i:text|input|document)\\s*:\\s*\\n", "");
    }

    private static String object(String field, boolean value) {
        ObjectNode o = NODES.objectNode();
        o.put(field, value);
        return o.toString();
    }

    private static String object(String field, String value) {
        ObjectNode o = NODES.objectNode();
        o.put(field, value);
        return o.toString();
    }

    @Override
    public String toString() {
        return "DemoAnswers";
    }
}
