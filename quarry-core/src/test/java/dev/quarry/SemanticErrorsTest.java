package dev.quarry;

import static dev.quarry.functions.Functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.functions.ClassDefinition;
import dev.quarry.functions.Example;
import dev.quarry.functions.Semantic;
import dev.quarry.functions.SemanticOptions;
import dev.quarry.models.OpenAIEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.SemanticFixtures;
import dev.quarry.testing.SemanticFixtures.TicketInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic operators fail when the DataFrame is built, with messages that say what to do. */
class SemanticErrorsTest {
    @TempDir
    Path dir;

    private FakeBackend backend;
    private Session session;
    private DataFrame tickets;
    private DataFrame products;

    @BeforeEach
    void setUp() {
        backend = new FakeBackend();
        session = SemanticFixtures.session(backend, dir);
        tickets = session.read().csv("tickets.csv");
        products = session.read().parquet("products.parquet");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private static QuarryException error(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(QuarryException.class);
        return (QuarryException) t;
    }

    record Undescribed(@Description("the product") String product, boolean wantsRefund, String team) {}

    record Outer(@Description("the address") Inner address) {}

    record Inner(@Description("the city") String city, String zip) {}

    // ------------------------------------------------------------------ templates

    @Test
    void template_unknownVariable_listsColumnsAndSuggests() {
        QuarryException e = error(() -> tickets.withColumn("r", Semantic.map("Reply to {{ bdy }}")));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage())
                .isEqualTo("Semantic.map's template reads {{ bdy }}, but there is no column 'bdy'. Available: id,"
                        + " status, team, body, created_at, priority. Did you mean 'body'? Template: \"Reply to {{ bdy"
                        + " }}\"");
    }

    @Test
    void template_syntaxError_namesTheOperatorAndPosition() {
        QuarryException e = error(() -> Semantic.predicate("Angry? {{ body }"));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEMPLATE);
        assertThat(e.getMessage()).startsWith("Semantic.predicate: ").contains("line 1");
    }

    @Test
    void template_readingNoColumn_isRefused() {
        QuarryException e = error(() -> Semantic.map("Write a haiku"));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("reads no column").contains("{{ body }}");
    }

    // ------------------------------------------------------------------ response records

    @Test
    void extract_componentWithoutDescription_namesComponentsAndRecord() {
        QuarryException e = error(() -> Semantic.extract(col("body"), Undescribed.class));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(e.getMessage())
                .contains("@Description on every component of record Undescribed")
                .contains("missing on: Undescribed.wantsRefund, Undescribed.team");
    }

    @Test
    void extract_nestedComponentWithoutDescription_namesTheNestedRecord() {
        QuarryException e = error(() -> Semantic.extract(col("body"), Outer.class));
        assertThat(e.getMessage()).contains("missing on: Inner.zip");
    }

    @Test
    void map_responseFormatWithoutDescriptions_isRefused() {
        QuarryException e = error(() -> Semantic.map("Read {{ body }}", Undescribed.class));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(e.getMessage()).startsWith("Semantic.map needs @Description");
    }

    @Test
    void extract_nonTextInput_isTypeMismatch() {
        QuarryException e = error(() -> tickets.withColumn("i", Semantic.extract(col("priority"), TicketInfo.class)));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("priority (int) is not text").contains(".cast(DataTypes.STRING)");
    }

    // ------------------------------------------------------------------ labels

    @Test
    void classify_oneLabel_needsAtLeastTwo() {
        QuarryException e = error(() -> Semantic.classify(col("body"), "billing"));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("at least two labels").contains("[billing]");
    }

    @Test
    void classify_duplicateLabels_showsTheDuplicates() {
        QuarryException e = error(() -> Semantic.classify(col("body"), "billing", "sales", "billing"));
        assertThat(e.getMessage()).contains("duplicates: 'billing' (2 times)");
    }

    @Test
    void classify_labelsEqualIgnoringCase_areDuplicates() {
        QuarryException e = error(() -> Semantic.classify(col("body"), "Sales", "billing", "sales"));
        assertThat(e.getMessage()).contains("'Sales', 'sales' (equal ignoring case)");
    }

    @Test
    void classify_blankLabel_isRefused() {
        QuarryException e = error(() -> Semantic.classify(col("body"), "billing", " "));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("non-blank");
    }

    // ------------------------------------------------------------------ models

    @Test
    void model_unknownAlias_listsConfiguredAndSuggests() {
        QuarryException e =
                error(() -> tickets.withColumn("s", Semantic.summarize(col("body"), SemanticOptions.model("claud"))));
        assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_CONFIGURED);
        assertThat(e.getMessage())
                .isEqualTo("Semantic.summarize: model alias 'claud' is not configured; configured language models:"
                        + " fast, claude. Did you mean 'claude'? Register it with"
                        + " Session.builder().languageModel(\"claud\", ...)");
    }

    @Test
    void model_embeddingAliasForALanguageOperator_saysWhichKindItIs() {
        QuarryException e =
                error(() -> tickets.withColumn("s", Semantic.summarize(col("body"), SemanticOptions.model("mini"))));
        assertThat(e.getMessage()).contains("'mini' is an embedding model; Semantic.summarize needs a language model");
    }

    @Test
    void model_languageAliasForEmbed_saysWhichKindItIs() {
        QuarryException e =
                error(() -> tickets.withColumn("e", Semantic.embed(col("body"), SemanticOptions.model("fast"))));
        assertThat(e.getMessage()).contains("configured embedding models: mini, openai");
        assertThat(e.getMessage()).contains("'fast' is a language model");
    }

    @Test
    void model_severalWithoutDefault_asksToNameOne() {
        try (Session s = Session.builder()
                .dataDir(dir.resolve("d2"))
                .backendFactory(backend.factory())
                .languageModel("a", OpenAIModel.of("gpt-4.1-nano"))
                .languageModel("b", OpenAIModel.of("gpt-4.1-mini"))
                .build()) {
            DataFrame df = s.read().csv("tickets.csv");
            QuarryException e = error(() -> df.withColumn("s", Semantic.summarize(col("body"))));
            assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_CONFIGURED);
            assertThat(e.getMessage())
                    .contains("several language models (a, b) but no default")
                    .contains("SemanticOptions.model(\"a\")")
                    .contains("defaultLanguageModel(\"a\")");
        }
    }

    @Test
    void model_noneConfigured_saysHowToRegisterOne() {
        try (Session s = Session.builder()
                .dataDir(dir.resolve("d3"))
                .backendFactory(backend.factory())
                .build()) {
            DataFrame df = s.read().csv("tickets.csv");
            QuarryException e = error(() -> df.withColumn("s", Semantic.embed(col("body"))));
            assertThat(e.getMessage())
                    .isEqualTo("Semantic.embed needs an embedding model, but the session has none. Register one with"
                            + " Session.builder().embeddingModel(\"mini\", LocalEmbeddingModel.allMiniLmL6V2())");
        }
    }

    @Test
    void embed_modelOfUnknownDimensions_asksToSetThem() {
        try (Session s = Session.builder()
                .dataDir(dir.resolve("d4"))
                .backendFactory(backend.factory())
                .embeddingModel("custom", OpenAIEmbeddingModel.of("my-embedder"))
                .build()) {
            DataFrame df = s.read().csv("tickets.csv");
            QuarryException e = error(() -> df.withColumn("e", Semantic.embed(col("body"))));
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            assertThat(e.getMessage())
                    .contains("'custom' (openai my-embedder) is unknown")
                    .contains("OpenAIEmbeddingModel.of(\"my-embedder\").dimensions(");
        }
    }

    @Test
    void embed_withTemperature_isRefused() {
        QuarryException e = error(
                () -> Semantic.embed(col("body"), SemanticOptions.defaults().temperature(0.5)));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("temperature cannot apply");
    }

    // ------------------------------------------------------------------ examples

    @Test
    void examples_missingTemplateVariable_namesIt() {
        SemanticOptions options =
                SemanticOptions.defaults().examples(Example.of(Map.of("body", "I want my money"), true));
        QuarryException e = error(() -> Semantic.predicate("{{ team }}: {{ body }}", options));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("Example 1 of Semantic.predicate").contains("missing: [team]");
    }

    @Test
    void examples_variableNotInTheTemplate_isNamedAndSuggested() {
        SemanticOptions options = SemanticOptions.defaults().examples(Example.of(Map.of("bdy", "x"), "y"));
        QuarryException e = error(() -> Semantic.map("Reply: {{ body }}", options));
        assertThat(e.getMessage()).contains("not in the template: [bdy]").contains("Did you mean 'body'?");
    }

    @Test
    void examples_predicateAnswerNotBoolean_isRefused() {
        SemanticOptions options = SemanticOptions.defaults().examples(Example.of(Map.of("body", "x"), "yes"));
        QuarryException e = error(() -> Semantic.predicate("Angry? {{ body }}", options));
        assertThat(e.getMessage()).contains("must answer true or false, got \"yes\" (String)");
    }

    @Test
    void examples_classifyAnswerNotALabel_listsTheLabels() {
        SemanticOptions options = SemanticOptions.defaults().examples(Example.of("charged twice", "biling"));
        QuarryException e =
                error(() -> Semantic.classify(col("body"), ClassDefinition.labels("billing", "technical"), options));
        assertThat(e.getMessage())
                .contains("one of the labels [billing, technical], got \"biling\"")
                .contains("Did you mean 'billing'?");
    }

    @Test
    void examples_sentimentAnswer_mustBeASentiment() {
        SemanticOptions options = SemanticOptions.defaults().examples(Example.of("great", "happy"));
        QuarryException e = error(() -> Semantic.analyzeSentiment(col("body"), options));
        assertThat(e.getMessage()).contains("[positive, negative, neutral]");
    }

    @Test
    void examples_extractAnswerOfAnotherType_isRefused() {
        SemanticOptions options = SemanticOptions.defaults().examples(Example.of("text", "not a record"));
        QuarryException e = error(() -> Semantic.extract(col("body"), TicketInfo.class, options));
        assertThat(e.getMessage()).contains("must answer a TicketInfo (or a map of its fields)");
    }

    @Test
    void examples_singleTextOperatorGivenTwoInputs_isRefused() {
        SemanticOptions options =
                SemanticOptions.defaults().examples(Example.of(Map.of("a", "x", "b", "y"), "positive"));
        QuarryException e = error(() -> Semantic.analyzeSentiment(col("body"), options));
        assertThat(e.getMessage()).contains("reads one text, but gives 2 inputs");
    }

    @Test
    void reduce_examples_areRefused() {
        SemanticOptions options = SemanticOptions.defaults().examples(Example.of("x", "y"));
        QuarryException e = error(() -> Semantic.reduce("Summarize", col("body"), options));
        assertThat(e.getMessage()).contains("takes no examples");
    }

    // ------------------------------------------------------------------ where operators may be used

    @Test
    void reduce_instructionReadingColumns_isRefused() {
        QuarryException e = error(() -> Semantic.reduce("Summarize {{ team }}", col("body")));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("cannot read columns, but it names [team]");
    }

    @Test
    void reduce_inSelect_isAnAggregateError() {
        QuarryException e = error(() -> tickets.select(Semantic.reduce("Summarize", col("body"))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage()).contains("semantic.reduce").contains("agg(...)");
    }

    @Test
    void reduce_ofAPerRowModelCall_isRefused() {
        QuarryException e = error(() -> tickets.groupBy(col("team"))
                .agg(Semantic.reduce("Summarize", Semantic.summarize(col("body")))
                        .as("s")));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage())
                .startsWith("Semantic.summarize cannot be used inside an aggregate")
                .contains("Semantic.reduce(...)");
    }

    @Test
    void reduce_orderedByAnEmbedding_isTypeMismatch() {
        DataFrame df = tickets.withColumn("e", Semantic.embed(col("body")));
        QuarryException e = error(() -> df.groupBy(col("team"))
                .agg(Semantic.reduce("Summarize", col("body"), List.of(col("e")))
                        .as("s")));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage()).contains("cannot order the texts by e (embedding<384, mini>)");
    }

    @Test
    void perRowOperator_inAgg_isRefused() {
        QuarryException e = error(() ->
                tickets.groupBy(col("team")).agg(Semantic.summarize(col("team")).as("s")));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage()).contains("only Semantic.reduce combines a group's texts");
    }

    @Test
    void perRowOperator_insideAnAggregate_isRefused() {
        QuarryException e =
                error(() -> tickets.agg(max(Semantic.summarize(col("body"))).as("m")));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage()).contains("cannot be used inside an aggregate");
    }

    @Test
    void semanticOperator_inOrderBy_asksForAColumnFirst() {
        QuarryException e = error(() -> tickets.orderBy(Semantic.summarize(col("body"))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage()).contains("withColumn(\"name\", Semantic.summarize(...))");
    }

    @Test
    void semanticOperator_inGroupBy_asksForAColumnFirst() {
        QuarryException e = error(
                () -> tickets.groupBy(Semantic.classify(col("body"), "a", "b")).count());
        assertThat(e.getMessage()).contains("directly in groupBy(...)");
    }

    @Test
    void semanticOperator_inAJoinCondition_pointsToSemanticJoin() {
        QuarryException e =
                error(() -> tickets.join(products, Semantic.predicate("{{ body }} {{ title }}"), JoinType.INNER));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage()).contains("semantic().join");
    }

    // ------------------------------------------------------------------ semantic join

    @Test
    void join_unknownColumn_namesTheSideAndSuggests() {
        QuarryException e =
                error(() -> tickets.semantic().join(products, "Is {{ left.body }} about {{ right.titel }}?"));
        assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(e.getMessage())
                .contains("reads {{ right.titel }}, but the right side has no column 'titel'")
                .contains("Available: sku, title, price")
                .contains("Did you mean 'title'?");
    }

    @Test
    void join_columnInOtherCase_suggestsTheExactName() {
        QuarryException e = error(() -> tickets.semantic().join(products, "{{ left.Body }} {{ right.title }}"));
        assertThat(e.getMessage()).contains("Did you mean 'body'?");
    }

    @Test
    void join_otherVariable_isRefused() {
        QuarryException e =
                error(() -> tickets.semantic().join(products, "{{ left.body }} {{ right.title }} {{ body }}"));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEMPLATE);
        assertThat(e.getMessage()).contains("reads [body]").contains("{{ left.<column> }}");
    }

    @Test
    void join_readingOneSideOnly_isRefused() {
        QuarryException e = error(() -> tickets.semantic().join(products, "{{ left.body }}"));
        assertThat(e.getMessage()).contains("must read both rows").contains("[left]");
    }

    @Test
    void join_sameColumnOnBothSides_isDuplicate() {
        DataFrame other = products.withColumnRenamed("title", "body");
        QuarryException e = error(() -> tickets.semantic().join(other, "{{ left.body }} {{ right.body }}"));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
        assertThat(e.getMessage()).contains("column 'body' twice");
    }

    @Test
    void join_maxPairsBelowOne_isRefused() {
        QuarryException e = error(() ->
                tickets.semantic().join(products, "{{ left.body }} {{ right.title }}", SemanticOptions.defaults(), 0));
        assertThat(e.getMessage()).contains("maxPairs of at least 1, got 0");
    }

    @Test
    void join_examplesNotGivingRowMaps_isRefused() {
        SemanticOptions options =
                SemanticOptions.defaults().examples(Example.of(Map.of("left", "Acme", "right", "ACME"), true));
        QuarryException e =
                error(() -> tickets.semantic().join(products, "{{ left.body }} {{ right.title }}", options));
        assertThat(e.getMessage()).contains("must give 'left' as a map of column values");
    }

    // ------------------------------------------------------------------ similarity join and clusters

    @Test
    void simJoin_notAnEmbedding_suggestsEmbed() {
        DataFrame right = products.withColumn("e", Semantic.embed(col("title")));
        QuarryException e = error(() -> tickets.semantic().simJoin(right, col("body"), col("e"), 3));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage())
                .contains("embedding column on the left side, but 'body' is string")
                .contains("Semantic.embed(col(\"body\"))");
    }

    @Test
    void simJoin_dimensionsDiffer_namesBoth() {
        DataFrame left = tickets.withColumn("e", Semantic.embed(col("body")));
        DataFrame right = products.withColumn("pe", Semantic.embed(col("title"), SemanticOptions.model("openai")));
        QuarryException e = error(() -> left.semantic().simJoin(right, col("e"), col("pe"), 3));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(e.getMessage())
                .contains("left column 'e' is embedding<384, mini> (384 dimensions)")
                .contains("right column 'pe' is embedding<1536, openai> (1536 dimensions)");
    }

    @Test
    void simJoin_kBelowOne_isRefused() {
        DataFrame left = tickets.withColumn("e", Semantic.embed(col("body")));
        DataFrame right = products.withColumn("pe", Semantic.embed(col("title")));
        QuarryException e = error(() -> left.semantic().simJoin(right, col("e"), col("pe"), 0));
        assertThat(e.getMessage()).contains("k of at least 1");
    }

    @Test
    void simJoin_similarityColumnTaken_isDuplicate() {
        DataFrame left = tickets.withColumn("e", Semantic.embed(col("body"))).withColumn("similarity", lit(1));
        DataFrame right = products.withColumn("pe", Semantic.embed(col("title")));
        QuarryException e = error(() -> left.semantic().simJoin(right, col("e"), col("pe"), 3));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
        assertThat(e.getMessage()).contains("'similarity'");
    }

    @Test
    void simJoin_embeddingComputedInline_asksForAColumnFirst() {
        DataFrame right = products.withColumn("pe", Semantic.embed(col("title")));
        QuarryException e = error(() -> tickets.semantic().simJoin(right, Semantic.embed(col("body")), col("pe"), 3));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN);
        assertThat(e.getMessage()).contains("reads stored embeddings");
    }

    @Test
    void clusterLabels_notAnEmbedding_isTypeMismatch() {
        QuarryException e = error(() -> tickets.semantic().withClusterLabels(col("body"), 3));
        assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void clusterLabels_existingLabelColumn_isDuplicate() {
        DataFrame df = tickets.withColumn("e", Semantic.embed(col("body"))).withColumn("cluster_label", lit(1));
        QuarryException e = error(() -> df.semantic().withClusterLabels(col("e"), 3));
        assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
        assertThat(e.getMessage()).contains("'cluster_label'");
    }

    @Test
    void clusterLabels_kBelowOne_isRefused() {
        DataFrame df = tickets.withColumn("e", Semantic.embed(col("body")));
        QuarryException e = error(() -> df.semantic().withClusterLabels(col("e"), 0));
        assertThat(e.getMessage()).contains("k of at least 1");
    }
}
