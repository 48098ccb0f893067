package dev.quarry.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Fills a JSON Schema from a text by rules keyed on each field's name and description: a product
 * field gets the product the text names, a refund flag says whether it asks for money back, a list
 * of error codes gets the codes it quotes, a list of action items gets the transcript's
 * commitments, and so on. Fields no rule knows get what an honest reader would write when the
 * text says nothing: null where allowed, else an empty string, zero, false or an empty list. The
 * result is always valid against the schema (OpenAI strict JSON Schema, Anthropic tool schemas
 * and Gemini's {@code responseSchema} dialect alike).
 */
final class SchemaAnswers {
    private SchemaAnswers() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A schema node with {@code $ref}, {@code anyOf} and nullability resolved. */
    record Shape(@Nullable String type, boolean nullable, JsonNode node) {
        List<String> enumValues() {
            List<String> out = new ArrayList<>();
            JsonNode e = node.get("enum");
            if (e != null) {
                for (JsonNode v : e) {
                    if (!v.isNull()) {
                        out.add(v.asText());
                    }
                }
            }
            return out;
        }

        String description() {
            return node.path("description").asText("");
        }

        List<Map.Entry<String, JsonNode>> properties() {
            List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
            JsonNode props = node.get("properties");
            if (props != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    out.add(it.next());
                }
            }
            return out;
        }
    }

    static Shape shape(JsonNode node, JsonNode root) {
        JsonNode n = resolve(node, root);
        boolean nullable = n.path("nullable").asBoolean(false);
        for (String combinator : List.of("anyOf", "oneOf")) {
            JsonNode any = n.get(combinator);
            if (any != null && any.isArray()) {
                JsonNode chosen = null;
                for (JsonNode alt : any) {
                    JsonNode a = resolve(alt, root);
                    if ("null".equalsIgnoreCase(a.path("type").asText())) {
                        nullable = true;
                    } else if (chosen == null) {
                        chosen = a;
                    }
                }
                if (chosen != null) {
                    Shape inner = shape(chosen, root);
                    return new Shape(inner.type(), nullable || inner.nullable(), inner.node());
                }
            }
        }
        String type = null;
        JsonNode t = n.get("type");
        if (t != null && t.isArray()) {
            for (JsonNode x : t) {
                if ("null".equalsIgnoreCase(x.asText())) {
                    nullable = true;
                } else if (type == null) {
                    type = x.asText().toLowerCase(Locale.ROOT);
                }
            }
        } else if (t != null) {
            type = t.asText().toLowerCase(Locale.ROOT);
        }
        if (type == null && n.has("enum")) {
            type = "string";
        }
        if (type == null && n.has("properties")) {
            type = "object";
        }
        return new Shape(type, nullable, n);
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode n = node;
        for (int depth = 0; depth < 16 && n.has("$ref"); depth++) {
            String ref = n.get("$ref").asText();
            JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
            if (target == null || target.isMissingNode()) {
                break;
            }
            n = target;
        }
        return n;
    }

    /** The object the schema describes, filled from the text. */
    static JsonNode fill(JsonNode schema, String text) {
        return value("", shape(schema, schema), schema, text);
    }

    private static JsonNode value(String name, Shape shape, JsonNode root, String text) {
        String key = (TextRules.splitCamel(name) + " " + shape.description()).toLowerCase(Locale.ROOT);
        String type = shape.type() == null ? "string" : shape.type();
        switch (type) {
            case "object": {
                ObjectNode out = NODES.objectNode();
                for (Map.Entry<String, JsonNode> p : shape.properties()) {
                    out.set(p.getKey(), value(p.getKey(), shape(p.getValue(), root), root, text));
                }
                return out;
            }
            case "array":
                return array(key, shape, root, text);
            case "boolean":
                return NODES.booleanNode(bool(key, text));
            case "integer":
            case "number": {
                Double d = number(key, name, text);
                if (d == null) {
                    return shape.nullable() ? NODES.nullNode() : zero(type);
                }
                return type.equals("integer") ? NODES.numberNode(Math.round(d)) : NODES.numberNode(d);
            }
            default: {
                List<String> values = shape.enumValues();
                String s = values.isEmpty() ? string(key, name, text) : enumValue(key, values, text);
                if (s == null) {
                    return shape.nullable() ? NODES.nullNode() : NODES.textNode("");
                }
                return NODES.textNode(s);
            }
        }
    }

    private static JsonNode zero(String type) {
        return type.equals("integer") ? NODES.numberNode(0L) : NODES.numberNode(0.0);
    }

    private static boolean has(String key, String regex) {
        return Pattern.compile(regex).matcher(key).find();
    }

    private static @Nullable String string(String key, String name, String text) {
        if (has(key, "product")) {
            return TextRules.product(text);
        }
        if (has(key, "service|component|source system|application name")) {
            String s = TextRules.bracketed(text);
            return s != null ? s : TextRules.keyValue(text, name);
        }
        if (has(key, "\\blevel\\b|severity")) {
            return TextRules.logLevel(text);
        }
        if (has(key, "sentiment|\\btone\\b|\\bmood\\b")) {
            return TextRules.sentiment(text);
        }
        if (has(key, "\\bcode\\b")) {
            List<String> codes = TextRules.errorCodes(text);
            return codes.isEmpty() ? null : codes.get(0);
        }
        if (has(key, "e-?mail")) {
            List<String> emails = TextRules.emails(text);
            return emails.isEmpty() ? null : emails.get(0);
        }
        String kv = TextRules.keyValue(text, name);
        if (kv != null) {
            return kv;
        }
        if (has(key, "summary|description|message|\\btitle\\b|\\btopic\\b|subject|reason|\\bissue\\b|problem")) {
            String service = TextRules.bracketed(text);
            if (service != null) {
                int end = text.indexOf("[" + service + "]") + service.length() + 2;
                return text.substring(end).strip();
            }
            return Themes.summarize(text);
        }
        return null;
    }

    private static @Nullable Double number(String key, String name, String text) {
        if (has(key, "\\bms\\b|milli|duration|latency|timeout|elapsed|\\bwait")) {
            Long ms = TextRules.millis(text);
            return ms == null ? null : ms.doubleValue();
        }
        if (has(key, "seat")) {
            return TextRules.numberBefore(text, "seats");
        }
        if (has(key, "amount|price|cost|total|charge|money")) {
            return TextRules.money(text);
        }
        String kv = TextRules.keyValue(text, name);
        if (kv != null) {
            Double d = TextRules.firstNumber(kv);
            if (d != null) {
                return d;
            }
        }
        if (has(key, "count|number of|quantity|\\bhow many\\b")) {
            return TextRules.firstNumber(text);
        }
        return null;
    }

    private static boolean bool(String key, String text) {
        if (has(key, "refund|money back|reimburs")) {
            return TextRules.wantsRefund(text);
        }
        if (has(key, "angry|anger|frustrat|upset|annoyed")) {
            return TextRules.isAngry(text);
        }
        if (has(key, "urgent|urgency|asap|escalat")) {
            return TextRules.isUrgent(text);
        }
        if (has(key, "positive|happy|satisf|praise")) {
            return TextRules.sentiment(text).equals("positive");
        }
        if (has(key, "negative|complain")) {
            return TextRules.sentiment(text).equals("negative");
        }
        if (has(key, "question")) {
            return text.contains("?");
        }
        if (has(key, "error|fail")) {
            return !TextRules.errorCodes(text).isEmpty()
                    || Pattern.compile("error|fail|exception", Pattern.CASE_INSENSITIVE)
                            .matcher(text)
                            .find();
        }
        // otherwise: true when a distinctive word of the field's name or description is in the text
        List<String> textWords = TextRules.words(text);
        for (String w : TextRules.meaningfulWords(key)) {
            if (w.length() >= 4 && !w.equals("true") && !w.equals("false") && textWords.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String enumValue(String key, List<String> values, String text) {
        if (values.stream().anyMatch(v -> v.equalsIgnoreCase("error"))
                && values.stream().anyMatch(v -> v.equalsIgnoreCase("info"))) {
            String level = TextRules.logLevel(text);
            if (level != null) {
                for (String v : values) {
                    if (v.equalsIgnoreCase(level) || v.toUpperCase(Locale.ROOT).startsWith(level)) {
                        return v;
                    }
                }
            }
        }
        if (values.stream().anyMatch(v -> v.equalsIgnoreCase("positive"))
                && values.stream().anyMatch(v -> v.equalsIgnoreCase("negative"))) {
            String s = TextRules.sentiment(text);
            for (String v : values) {
                if (v.equalsIgnoreCase(s)) {
                    return v;
                }
            }
        }
        String best = TextRules.bestLabel(values, Map.of(), text);
        return best != null ? best : values.get(0);
    }

    private static JsonNode array(String key, Shape shape, JsonNode root, String text) {
        ArrayNode out = NODES.arrayNode();
        JsonNode itemsNode = shape.node().get("items");
        Shape items = itemsNode == null ? new Shape("string", false, NODES.objectNode()) : shape(itemsNode, root);
        if ("object".equals(items.type())) {
            if (isActionItem(items) && MeetingRules.looksLikeTranscript(text)) {
                for (MeetingRules.Item item : MeetingRules.actionItems(text)) {
                    out.add(actionItem(item, items, root));
                }
            }
            return out;
        }
        if (!"string".equals(items.type())) {
            return out;
        }
        List<String> values;
        List<String> enumValues = items.enumValues();
        if (!enumValues.isEmpty()) {
            String best = TextRules.bestLabel(enumValues, Map.of(), text);
            values = best == null ? List.of() : List.of(best);
        } else if (has(key, "code|error")) {
            values = TextRules.errorCodes(text);
        } else if (has(key, "decision|decided|agreed")) {
            values = MeetingRules.decisions(text);
        } else if (has(key, "attendee|participant|speaker|people|person|who spoke|names")) {
            values = MeetingRules.speakers(text);
        } else if (has(key, "e-?mail")) {
            values = TextRules.emails(text);
        } else if (has(key, "product")) {
            values = TextRules.products(text);
        } else if (has(key, "action|todo|to-do|task|follow")) {
            values = MeetingRules.actionItems(text).stream()
                    .map(i -> i.owner() + ": " + i.task() + (i.due() == null ? "" : " (" + i.due() + ")"))
                    .toList();
        } else if (has(key, "keyword|tag|topic|theme")) {
            values = Themes.phrases(text);
        } else {
            values = List.of();
        }
        values.forEach(out::add);
        return out;
    }

    private static boolean isActionItem(Shape items) {
        boolean owner = false;
        boolean task = false;
        for (Map.Entry<String, JsonNode> p : items.properties()) {
            String k = TextRules.splitCamel(p.getKey()).toLowerCase(Locale.ROOT);
            owner |= has(k, "owner|assignee|who|person|responsible|name");
            task |= has(k, "task|action|what|description|title|item|todo");
        }
        return owner && task;
    }

    private static JsonNode actionItem(MeetingRules.Item item, Shape items, JsonNode root) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, JsonNode> p : items.properties()) {
            Shape s = shape(p.getValue(), root);
            String k = TextRules.splitCamel(p.getKey()).toLowerCase(Locale.ROOT);
            if (has(k, "owner|assignee|who|person|responsible|name")) {
                o.put(p.getKey(), item.owner());
            } else if (has(k, "due|deadline|date|when|\\bby\\b")) {
                if (item.due() != null) {
                    o.put(p.getKey(), item.due());
                } else if (s.nullable()) {
                    o.putNull(p.getKey());
                } else {
                    o.put(p.getKey(), "");
                }
            } else if (has(k, "task|action|what|description|title|item|todo")) {
                o.put(p.getKey(), item.task());
            } else {
                o.set(p.getKey(), value(p.getKey(), s, root, item.task()));
            }
        }
        return o;
    }
}
