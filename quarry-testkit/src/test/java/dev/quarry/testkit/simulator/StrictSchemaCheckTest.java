package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictSchemaCheckTest {
    private static final String OK_OBJECT =
            "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\"}}}";

    @Test
    void check_wellFormedStrictSchema_passes() {
        assertThat(StrictSchemaCheck.check(json("{\"type\":\"object\",\"additionalProperties\":false,"
                        + "\"required\":[\"a\",\"b\"],\"properties\":{\"a\":{\"type\":[\"string\",\"null\"]},"
                        + "\"b\":{\"anyOf\":[{\"$ref\":\"#/$defs/X\"},{\"type\":\"null\"}]}},"
                        + "\"$defs\":{\"X\":" + OK_OBJECT + "}}")))
                .isNull();
    }

    @Test
    void check_sameSchemaAgain_sameVerdictEvenAfterTheCallerChangesItsCopy() {
        ObjectNode schema = (ObjectNode) json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
        String first = StrictSchemaCheck.check(schema);
        schema.put("type", "object");

        assertThat(StrictSchemaCheck.check(json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")))
                .isEqualTo(first)
                .isNotNull();
        assertThat(StrictSchemaCheck.check(schema)).isNotEqualTo(first);
    }

    @Test
    void check_arrayRoot_isRejected() {
        assertThat(StrictSchemaCheck.check(json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")))
                .isEqualTo("schema must be a JSON Schema of 'type: \"object\"', got 'type: \"array\"'.");
    }

    @Test
    void check_allOf_isNotPermitted() {
        assertThat(StrictSchemaCheck.check(json("{\"type\":\"object\",\"additionalProperties\":false,"
                        + "\"required\":[\"a\"],\"properties\":{\"a\":{\"allOf\":[{\"type\":\"string\"}]}}}")))
                .isEqualTo("In context=('properties', 'a'), 'allOf' is not permitted.");
    }

    @Test
    void check_missingReference_isRejected() {
        assertThat(StrictSchemaCheck.check(json("{\"type\":\"object\",\"additionalProperties\":false,"
                        + "\"required\":[\"a\"],\"properties\":{\"a\":{\"$ref\":\"#/$defs/Missing\"}}}")))
                .contains("'#/$defs/Missing'");
    }

    @Test
    void check_propertyWithoutType_isRejected() {
        assertThat(StrictSchemaCheck.check(json("{\"type\":\"object\",\"additionalProperties\":false,"
                        + "\"required\":[\"a\"],\"properties\":{\"a\":{\"description\":\"x\"}}}")))
                .isEqualTo("In context=('properties', 'a'), schema must have a 'type' key.");
    }

    @Test
    void check_nestingDeeperThanTheLimit_isRejected() {
        String schema = OK_OBJECT;
        for (int i = 0; i < StrictSchemaCheck.MAX_DEPTH + 1; i++) {
            schema = "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"n\"],\"properties\":{\"n\":"
                    + schema + "}}";
        }

        assertThat(StrictSchemaCheck.check(json(schema))).contains("nesting depth");
    }

    @Test
    void context_rendersLikeAPythonTuple() {
        assertThat(StrictSchemaCheck.context(List.of())).isEqualTo("()");
        assertThat(StrictSchemaCheck.context(List.of("items"))).isEqualTo("('items',)");
        assertThat(StrictSchemaCheck.context(List.of("properties", "a", "anyOf", 0)))
                .isEqualTo("('properties', 'a', 'anyOf', 0)");
    }
}
