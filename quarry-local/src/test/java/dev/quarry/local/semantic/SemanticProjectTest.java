package dev.quarry.local.semantic;

import static dev.quarry.local.semantic.SemanticFixtures.backend;
import static dev.quarry.local.semantic.SemanticFixtures.chats;
import static dev.quarry.local.semantic.SemanticFixtures.col;
import static dev.quarry.local.semantic.SemanticFixtures.column;
import static dev.quarry.local.semantic.SemanticFixtures.function;
import static dev.quarry.local.semantic.SemanticFixtures.project;
import static dev.quarry.local.semantic.SemanticFixtures.run;
import static dev.quarry.local.semantic.SemanticFixtures.spec;
import static dev.quarry.local.semantic.SemanticFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Description;
import dev.quarry.Row;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.local.LocalBackend;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.testkit.simulator.ChatMessage;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.RecordedRequest;
import dev.quarry.types.DataTypes;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row-wise semantic operator against the simulator: values, requests, nulls. */
class SemanticProjectTest {
    @TempDir
    Path dir;

    enum Priority {
        LOW,
        HIGH
    }

    record Customer(
            @Description("the customer's name") String name,
            @Description("plan tier") Optional<String> tier) {}

    record Item(
            @Description("product code") String sku,
            @Description("how many") int quantity) {}

    record TicketInfo(
            @Description("product named") String product,
            @Description("asks for money back") boolean wantsRefund,
            @Description("error codes quoted") List<String> errorCodes,
            @Description("who writes") Customer customer,
            @Description("items ordered") List<Item> items,
            @Description("urgency") Priority priority) {}

    static final StructType TICKET_INFO = DataTypes.structOf(
            new StructField("product", DataTypes.STRING, true),
            new StructField("wantsRefund", DataTypes.BOOLEAN, false),
            new StructField("errorCodes", DataTypes.arrayOf(DataTypes.STRING), true),
            new StructField(
                    "customer",
                    DataTypes.structOf(
                            new StructField("name", DataTypes.STRING, true),
                            new StructField("tier", DataTypes.STRING, true)),
                    true),
            new StructField(
                    "items",
                    DataTypes.arrayOf(DataTypes.structOf(
                            new StructField("sku", DataTypes.STRING, true),
                            new StructField("quantity", DataTypes.INTEGER, false))),
                    true),
            new StructField("priority", DataTypes.STRING, true));

    @Test
    void map_rendersTheTemplateWithEachRowsValues() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> "echo: " + r.lastUserText())
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("first", "second");
            SemanticFunction map = function(
                    Kind.MAP,
                    List.of(col(data, "body")),
                    spec().template("Shorten: {{ body }}", "body").build(),
                    DataTypes.STRING);

            ExecutionResult result = run(backend, project(data, "short", map));

            assertThat(column(result, "short")).containsExactly("echo: Shorten: first", "echo: Shorten: second");
            assertThat(column(result, "id")).containsExactly(0L, 1L);
        }
    }

    @Test
    void map_withSeveralVariables_readsEachColumn() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> r.lastUserText().toUpperCase())
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("a", "b");
            SemanticFunction map = function(
                    Kind.MAP,
                    List.of(col(data, "id"), col(data, "body")),
                    spec().template("{{ id }}-{{ body }}{% if id > 0 %}!{% endif %}", "id", "body")
                            .build(),
                    DataTypes.STRING);

            ExecutionResult result = run(backend, project(data, "out", map));

            assertThat(column(result, "out")).containsExactly("0-A", "1-B!");
        }
    }

    @Test
    void map_nullInput_givesNullAndSendsNoRequest() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("x", null, null);
            SemanticFunction map = function(
                    Kind.MAP,
                    List.of(col(data, "body")),
                    spec().template("Say {{ body }}", "body").build(),
                    DataTypes.STRING);

            ExecutionResult result = run(backend, project(data, "out", map));

            assertThat(column(result, "out").get(0)).isNotNull();
            assertThat(column(result, "out").subList(1, 3)).containsOnlyNulls();
            assertThat(sim.counters().requests()).isEqualTo(1);
        }
    }

    @Test
    void extract_nestedRecordsListsEnumsAndOptional_becomeStructValues() {
        String answer = "{\"product\":\"Router X\",\"wantsRefund\":true,\"errorCodes\":[\"E1\",\"E42\"],"
                + "\"customer\":{\"name\":\"Ann\",\"tier\":null},\"items\":[{\"sku\":\"R-1\",\"quantity\":2}],"
                + "\"priority\":\"HIGH\"}";
        try (LlmSimulator sim = LlmSimulator.builder().answers(r -> answer).start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("My Router X fails with E1 and E42, I want a refund.");
            SemanticFunction extract = function(
                    Kind.EXTRACT,
                    List.of(col(data, "body")),
                    spec().responseType(TicketInfo.class).build(),
                    TICKET_INFO);

            ExecutionResult result = run(backend, project(data, "info", extract));

            Row info = result.rows().get(0).getStruct("info");
            assertThat(info.getString("product")).isEqualTo("Router X");
            assertThat(info.getBoolean("wantsRefund")).isTrue();
            assertThat(info.<String>getList("errorCodes")).containsExactly("E1", "E42");
            assertThat(info.getStruct("customer").getString("name")).isEqualTo("Ann");
            assertThat(info.getStruct("customer").isNullAt("tier")).isTrue();
            Row item = (Row) info.getList("items").get(0);
            assertThat(item.getString("sku")).isEqualTo("R-1");
            assertThat(item.getInt("quantity")).isEqualTo(2);
            assertThat(info.getString("priority")).isEqualTo("HIGH");
        }
    }

    @Test
    void extract_sendsTheRecordsSchemaAndTheText() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("The printer jams.");
            SemanticFunction extract = function(
                    Kind.EXTRACT,
                    List.of(col(data, "body")),
                    spec().responseType(TicketInfo.class).build(),
                    TICKET_INFO);

            ExecutionResult result = run(backend, project(data, "info", extract));

            RecordedRequest request = chats(sim).get(0);
            assertThat(request.chat().schemaName()).isEqualTo("TicketInfo");
            assertThat(request.chat()
                            .schema()
                            .get("properties")
                            .get("errorCodes")
                            .get("description")
                            .asText())
                    .isEqualTo("error codes quoted");
            assertThat(request.chat().lastUserText()).contains("The printer jams.");
            assertThat(request.chat().system()).contains("extract");
            assertThat(result.rows().get(0).getStruct("info")).isNotNull();
        }
    }

    @Test
    void classify_listsLabelsWithDescriptionsAndConstrainsTheAnswer() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> r.lastUserText().contains("invoice")
                                ? "{\"label\":\"billing\"}"
                                : "{\"label\":\"technical\"}")
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("Wrong invoice amount", "App crashes on start");
            SemanticFunction classify = function(
                    Kind.CLASSIFY,
                    List.of(col(data, "body")),
                    spec().labels(List.of(
                                    new SemanticSpec.Label("billing", "money, invoices, refunds"),
                                    new SemanticSpec.Label("technical", null)))
                            .build(),
                    DataTypes.STRING);

            ExecutionResult result = run(backend, project(data, "team", classify));

            assertThat(column(result, "team")).containsExactly("billing", "technical");
            RecordedRequest request = chats(sim).get(0);
            assertThat(request.chat().system()).contains("- billing: money, invoices, refunds", "- technical");
            assertThat(request.chat()
                            .schema()
                            .get("properties")
                            .get("label")
                            .get("enum")
                            .toString())
                    .isEqualTo("[\"billing\",\"technical\"]");
        }
    }

    @Test
    void sentiment_answersPositiveNegativeOrNeutral() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> r.lastUserText().contains("love")
                                ? "{\"label\":\"positive\"}"
                                : "{\"label\":\"negative\"}")
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("I love it", "Broke after a day");
            SemanticFunction sentiment =
                    function(Kind.SENTIMENT, List.of(col(data, "body")), spec().build(), DataTypes.STRING);

            ExecutionResult result = run(backend, project(data, "s", sentiment));

            assertThat(column(result, "s")).containsExactly("positive", "negative");
            assertThat(chats(sim)
                            .get(0)
                            .chat()
                            .schema()
                            .get("properties")
                            .get("label")
                            .get("enum")
                            .toString())
                    .isEqualTo("[\"positive\",\"negative\",\"neutral\"]");
        }
    }

    @Test
    void predicate_givesBooleans() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> "{\"answer\":" + r.lastUserText().contains("!!!") + "}")
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("This is outrageous!!!", "Thanks for the help");
            SemanticFunction angry = function(
                    Kind.PREDICATE,
                    List.of(col(data, "body")),
                    spec().template("The writer is angry: {{ body }}", "body").build(),
                    DataTypes.BOOLEAN);

            ExecutionResult result = run(backend, project(data, "angry", angry));

            assertThat(column(result, "angry")).containsExactly(true, false);
        }
    }

    @Test
    void summarize_sendsTheTextWithTheInstruction() {
        try (LlmSimulator sim =
                        LlmSimulator.builder().answers(r -> "  short version  ").start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("A long text about many things.");
            SemanticFunction summarize = function(
                    Kind.SUMMARIZE,
                    List.of(col(data, "body")),
                    spec().instruction("Use at most ten words.").build(),
                    DataTypes.STRING);

            ExecutionResult result = run(backend, project(data, "summary", summarize));

            assertThat(column(result, "summary")).containsExactly("short version");
            assertThat(chats(sim).get(0).chat().system()).contains("summar", "Use at most ten words.");
            assertThat(chats(sim).get(0).chat().lastUserText()).isEqualTo("A long text about many things.");
        }
    }

    @Test
    void embed_givesVectorsOfTheColumnsDimensions_nullForNull_oneBatch() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("alpha", null, "beta", "alpha");
            SemanticFunction embed = function(
                    Kind.EMBED,
                    List.of(col(data, "body")),
                    spec().model("emb").build(),
                    new EmbeddingType(SemanticFixtures.DIMS, "emb"));

            ExecutionResult result = run(backend, project(data, "v", embed));

            List<Object> vectors = column(result, "v");
            assertThat((float[]) vectors.get(0)).hasSize(SemanticFixtures.DIMS);
            assertThat(vectors.get(1)).isNull();
            assertThat((float[]) vectors.get(3)).isEqualTo((float[]) vectors.get(0));
            assertThat((float[]) vectors.get(2)).isNotEqualTo((float[]) vectors.get(0));
            assertThat(sim.requests()).hasSize(1);
            assertThat(sim.requests().get(0).embeddingInputs()).containsExactly("alpha", "beta");
        }
    }

    @Test
    void fewShotExamples_reachTheRequestAsUserAssistantPairs() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("It is on fire");
            SemanticFunction classify = function(
                    Kind.CLASSIFY,
                    List.of(col(data, "body")),
                    spec().labels("urgent", "normal")
                            .example(Map.of("text", "Server down!"), "urgent")
                            .example(Map.of("text", "Question about fonts"), "normal")
                            .build(),
                    DataTypes.STRING);

            run(backend, project(data, "c", classify));

            List<ChatMessage> messages = chats(sim).get(0).chat().messages();
            assertThat(messages)
                    .extracting(ChatMessage::role)
                    .containsExactly("user", "assistant", "user", "assistant", "user");
            assertThat(messages.get(0).text()).isEqualTo("Server down!");
            assertThat(messages.get(1).text()).isEqualTo("{\"label\":\"urgent\"}");
            assertThat(messages.get(3).text()).isEqualTo("{\"label\":\"normal\"}");
            assertThat(messages.get(4).text()).isEqualTo("It is on fire");
        }
    }

    @Test
    void fewShotExamples_ofATemplate_areRenderedWithTheExampleValues() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("rain");
            SemanticFunction map = function(
                    Kind.MAP,
                    List.of(col(data, "body")),
                    spec().template("Rhyme with {{ body }}", "body")
                            .example(Map.of("body", "cat"), "hat")
                            .build(),
                    DataTypes.STRING);

            run(backend, project(data, "r", map));

            List<ChatMessage> messages = chats(sim).get(0).chat().messages();
            assertThat(messages.get(0).text()).isEqualTo("Rhyme with cat");
            assertThat(messages.get(1).text()).isEqualTo("hat");
            assertThat(messages.get(2).text()).isEqualTo("Rhyme with rain");
        }
    }

    @Test
    void temperatureAndOutputCap_comeFromTheSpec() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("x");
            SemanticFunction map = function(
                    Kind.MAP,
                    List.of(col(data, "body")),
                    spec().template("{{ body }}", "body")
                            .temperature(0.5)
                            .maxOutputTokens(77)
                            .build(),
                    DataTypes.STRING);

            run(backend, project(data, "r", map));

            assertThat(chats(sim).get(0).chat().temperature()).isEqualTo(0.5);
            assertThat(chats(sim).get(0).chat().maxOutputTokens()).isEqualTo(77);
        }
    }

    @Test
    void modelAliases_routeEachColumnToItsModel() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = texts("hello");
            SemanticFunction fast = function(
                    Kind.SUMMARIZE,
                    List.of(col(data, "body")),
                    spec().model("fast").build(),
                    DataTypes.STRING);
            SemanticFunction smart = function(
                    Kind.SUMMARIZE,
                    List.of(col(data, "body")),
                    spec().model("smart").build(),
                    DataTypes.STRING);

            ExecutionResult result = run(
                    backend,
                    new dev.quarry.internal.plan.SemanticProject(
                            data,
                            List.of(
                                    new dev.quarry.internal.expr.Alias(fast, "a"),
                                    new dev.quarry.internal.expr.Alias(smart, "b")),
                            Map.of("a", "semantic.summarize(a)", "b", "semantic.summarize(b)")));

            assertThat(chats(sim))
                    .extracting(RecordedRequest::model)
                    .containsExactlyInAnyOrder(SemanticFixtures.FAST_MODEL, SemanticFixtures.SMART_MODEL);
            assertThat(result.rows().get(0).getString("a")).isNotNull();
            assertThat(result.rows().get(0).getString("b")).isNotNull();
        }
    }
}
