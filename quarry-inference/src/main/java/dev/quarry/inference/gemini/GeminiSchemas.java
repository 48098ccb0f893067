package dev.quarry.inference.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.inference.provider.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a strict JSON Schema into Gemini's {@code responseSchema} dialect (an OpenAPI 3.0
 * subset): upper-case types, {@code nullable} instead of {@code ["T","null"]}, no
 * {@code additionalProperties}, and {@code propertyOrdering} to keep the record's order.
 *
 * <pre>{@code ObjectNode geminiSchema = GeminiSchemas.toResponseSchema(schema.jsonSchema());}</pre>
 */
public final class GeminiSchemas {
    private GeminiSchemas() {}

    /**
     * Converts a schema.
     *
     * <pre>{@code GeminiSchemas.toResponseSchema(json)}</pre>
     *
     * @param schema a JSON Schema
     * @return the Gemini schema
     */
    public static ObjectNode toResponseSchema(JsonNode schema) {
        ObjectNode out = Json.object();
        boolean nullable = false;
        JsonNode source = schema;
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf instanceof ArrayNode any && any.size() == 2) {
            for (JsonNode alt : any) {
                if ("null".equals(alt.path("type").asText())) nullable = true;
                else source = alt;
            }
        }
        JsonNode type = source.get("type");
        String t = null;
        if (type != null && type.isArray()) {
            for (JsonNode x : type) {
                if (x.asText().equals("null")) nullable = true;
                else t = x.asText();
            }
        } else if (type != null) {
            t = type.asText();
        }
        if (t != null) out.put("type", t.toUpperCase(Locale.ROOT));
        if (nullable) out.put("nullable", true);
        if (source.has("description"))
            out.put("description", source.get("description").asText());
        if (source.get("enum") instanceof ArrayNode values) {
            ArrayNode e = out.putArray("enum");
            for (JsonNode v : values) if (!v.isNull()) e.add(v.asText());
            if (t == null) out.put("type", "STRING");
        }
        if (source.get("properties") instanceof ObjectNode props) {
            ObjectNode p = out.putObject("properties");
            ArrayNode order = Json.MAPPER.createArrayNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                p.set(e.getKey(), toResponseSchema(e.getValue()));
                order.add(e.getKey());
            }
            if (source.has("required"))
                out.set("required", source.get("required").deepCopy());
            out.set("propertyOrdering", order);
        }
        if (source.has("items")) out.set("items", toResponseSchema(source.get("items")));
        return out;
    }
}
