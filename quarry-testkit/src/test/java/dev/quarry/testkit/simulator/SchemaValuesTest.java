package dev.quarry.testkit.simulator;

import static dev.quarry.testkit.simulator.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaValuesTest {
    private static final String[] SCHEMAS = {
        // nested objects, arrays, enums, nullable union, numeric bounds, formats
        "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"customer\",\"items\",\"status\",\"note\","
                + "\"score\",\"ratio\",\"when\",\"email\"],\"properties\":{"
                + "\"customer\":{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"name\",\"vip\"],"
                + "\"properties\":{\"name\":{\"type\":\"string\",\"minLength\":3,\"maxLength\":12},"
                + "\"vip\":{\"type\":\"boolean\"}}},"
                + "\"items\":{\"type\":\"array\",\"minItems\":2,\"maxItems\":4,\"items\":{\"type\":\"object\","
                + "\"additionalProperties\":false,\"required\":[\"sku\",\"qty\"],\"properties\":{"
                + "\"sku\":{\"type\":\"string\"},\"qty\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":9}}}},"
                + "\"status\":{\"type\":\"string\",\"enum\":[\"open\",\"closed\"]},"
                + "\"note\":{\"type\":[\"string\",\"null\"]},"
                + "\"score\":{\"type\":\"integer\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":3},"
                + "\"ratio\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},"
                + "\"when\":{\"type\":\"string\",\"format\":\"date\"},"
                + "\"email\":{\"type\":\"string\",\"format\":\"email\"}}}",
        // $defs, $ref and anyOf with null
        "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"home\",\"work\"],\"properties\":{"
                + "\"home\":{\"$ref\":\"#/$defs/Address\"},"
                + "\"work\":{\"anyOf\":[{\"$ref\":\"#/$defs/Address\"},{\"type\":\"null\"}]}},"
                + "\"$defs\":{\"Address\":{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"required\":[\"city\",\"zip\"],\"properties\":{\"city\":{\"type\":\"string\"},"
                + "\"zip\":{\"type\":\"string\",\"pattern\":\"^.*$\"}}}}}",
        // recursive tree through $ref: generation must terminate
        "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"root\"],\"properties\":{"
                + "\"root\":{\"$ref\":\"#/$defs/Node\"}},\"$defs\":{\"Node\":{\"type\":\"object\","
                + "\"additionalProperties\":false,\"required\":[\"name\",\"children\"],\"properties\":{"
                + "\"name\":{\"type\":\"string\"},\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/Node\"}}}}}}",
        // const and a top-level array
        "{\"type\":\"array\",\"minItems\":1,\"items\":{\"const\":\"fixed\"}}"
    };

    private static List<Error> validate(String schema, JsonNode value) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(json(schema))
                .validate(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void valid_isValidAgainstTheSchemaForManySeeds(int schemaIndex) {
        String schema = SCHEMAS[schemaIndex];
        for (long seed = 0; seed < 50; seed++) {
            JsonNode value = SchemaValues.valid(json(schema), new SplittableRandom(seed));

            assertThat(validate(schema, value)).as("seed %d: %s", seed, value).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void violating_failsTheSchema(int schemaIndex) {
        String schema = SCHEMAS[schemaIndex];
        for (long seed = 0; seed < 20; seed++) {
            JsonNode value = SchemaValues.violating(json(schema), new SplittableRandom(seed));

            assertThat(validate(schema, value)).as("seed %d: %s", seed, value).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void valid_sameSeed_givesTheSameValue(long seed) {
        JsonNode schema = json(SCHEMAS[0]);

        assertThat(SchemaValues.valid(schema, new SplittableRandom(seed)))
                .isEqualTo(SchemaValues.valid(schema, new SplittableRandom(seed)));
    }
}
