package dev.quarry.inference.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The shared Jackson mapper and small helpers for wire formats.
 *
 * <pre>{@code ObjectNode body = Json.object(); byte[] bytes = Json.bytes(body);}</pre>
 */
public final class Json {
    /** The shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /**
     * A new empty object.
     *
     * <pre>{@code ObjectNode o = Json.object();}</pre>
     *
     * @return the object
     */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Serializes a node.
     *
     * <pre>{@code byte[] b = Json.bytes(node);}</pre>
     *
     * @param node the node
     * @return UTF-8 JSON
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a response body, as a {@link MalformedResponseException} when it is not JSON.
     *
     * <pre>{@code JsonNode n = Json.parseBody(response.body());}</pre>
     *
     * @param body the bytes
     * @return the node
     */
    public static JsonNode parseBody(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new MalformedResponseException("empty response body");
            }
            return n;
        } catch (IOException e) {
            throw new MalformedResponseException("response body is not JSON: " + e.getMessage());
        }
    }

    /**
     * Parses a body leniently for error messages.
     *
     * <pre>{@code JsonNode n = Json.tryParse(bytes); // MissingNode when not JSON}</pre>
     *
     * @param body the bytes
     * @return the node, or a missing node
     */
    public static JsonNode tryParse(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            return n == null ? MAPPER.missingNode() : n;
        } catch (IOException e) {
            return MAPPER.missingNode();
        }
    }
}
