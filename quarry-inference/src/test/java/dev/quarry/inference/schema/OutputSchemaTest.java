package dev.quarry.inference.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.Description;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.inference.OutputSchema;
import dev.quarry.inference.gemini.GeminiSchemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputSchemaTest {
    private static final ObjectMapper M = new ObjectMapper();

    enum Team {
        BILLING,
        TECHNICAL
    }

    record Address(
            @Description("city name") String city,
            @Description("postal code") int zip) {}

    @Description("facts from a support ticket")
    record Ticket(
            @Description("product the customer writes about")
            String product,

            @Description("true if the customer asks for money back")
            boolean wantsRefund,

            @Description("error codes quoted") List<String> errorCodes,
            @Description("order number if any") Optional<String> orderId,
            @Description("team to route to") Team team,
            @Description("optional routing team") Optional<Team> fallbackTeam,
            @Description("where the customer lives") Address address) {}

    record WithMap(@Description("bad") Map<String, String> tags) {}

    record Node(@Description("children") List<Node> children) {}

    private static JsonNode json(String s) throws Exception {
        return M.readTree(s);
    }

    @Test
    void of_recordGivesStrictSchemaInComponentOrder() {
        ObjectNode s = OutputSchema.of(Ticket.class).jsonSchema();
        assertThat(s.get("additionalProperties").asBoolean()).isFalse();
        assertThat(s.get("required"))
                .extracting(JsonNode::asText)
                .containsExactly("product", "wantsRefund", "errorCodes", "orderId", "team", "fallbackTeam", "address");
        List<String> names = new java.util.ArrayList<>();
        s.get("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly("product", "wantsRefund", "errorCodes", "orderId", "team", "fallbackTeam", "address");
        assertThat(s.at("/properties/product/description").asText()).isEqualTo("product the customer writes about");
        assertThat(s.at("/properties/address/additionalProperties").asBoolean()).isFalse();
        assertThat(s.at("/properties/errorCodes/items/type").asText()).isEqualTo("string");
    }

    @Test
    void of_optionalBecomesNullableAndEnumsAllowNull() {
        ObjectNode s = OutputSchema.of(Ticket.class).jsonSchema();
        assertThat(s.at("/properties/orderId/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(s.at("/properties/team/enum").toString()).isEqualTo("[\"BILLING\",\"TECHNICAL\"]");
        assertThat(s.at("/properties/fallbackTeam/anyOf/0/type").asText()).isEqualTo("null");
        assertThat(s.at("/properties/fallbackTeam/anyOf/1/enum").toString()).isEqualTo("[\"BILLING\",\"TECHNICAL\"]");
    }

    @Test
    void validate_conformingAnswerHasNoErrors() throws Exception {
        OutputSchema s = OutputSchema.of(Ticket.class);
        JsonNode ok = json("{\"product\":\"Router\",\"wantsRefund\":true,\"errorCodes\":[\"E1\"],\"orderId\":null,"
                + "\"team\":\"BILLING\",\"fallbackTeam\":null,\"address\":{\"city\":\"Oslo\",\"zip\":150}}");
        assertThat(s.validate(ok)).isEmpty();
    }

    @Test
    void validate_missingAndExtraPropertiesAreErrors() throws Exception {
        OutputSchema s = OutputSchema.of(Address.class);
        assertThat(s.validate(json("{\"city\":\"Oslo\"}")))
                .anySatisfy(e -> assertThat(e).contains("zip"));
        assertThat(s.validate(json("{\"city\":\"Oslo\",\"zip\":1,\"x\":2}"))).isNotEmpty();
        assertThat(s.validate(json("{\"city\":\"Oslo\",\"zip\":\"one\"}"))).isNotEmpty();
    }

    @Test
    void of_mapComponentIsRejected() {
        assertThatThrownBy(() -> OutputSchema.of(WithMap.class))
                .isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.INVALID_SCHEMA))
                .hasMessageContaining("tags");
    }

    @Test
    void of_recursiveRecordIsRejected() {
        assertThatThrownBy(() -> OutputSchema.of(Node.class))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("Node");
    }

    @Test
    void toResponseSchema_geminiDialect() {
        ObjectNode g =
                GeminiSchemas.toResponseSchema(OutputSchema.of(Ticket.class).jsonSchema());
        assertThat(g.get("type").asText()).isEqualTo("OBJECT");
        assertThat(g.has("additionalProperties")).isFalse();
        assertThat(g.at("/properties/orderId/type").asText()).isEqualTo("STRING");
        assertThat(g.at("/properties/orderId/nullable").asBoolean()).isTrue();
        assertThat(g.at("/properties/fallbackTeam/enum").toString()).isEqualTo("[\"BILLING\",\"TECHNICAL\"]");
        assertThat(g.get("propertyOrdering").get(0).asText()).isEqualTo("product");
    }
}
