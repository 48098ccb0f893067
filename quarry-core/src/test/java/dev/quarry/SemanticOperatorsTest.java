package dev.quarry;

import static dev.quarry.functions.Functions.*;
import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.functions.ClassDefinition;
import dev.quarry.functions.Example;
import dev.quarry.functions.Semantic;
import dev.quarry.functions.SemanticOptions;
import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.models.OpenAIEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import dev.quarry.testing.FakeBackend;
import dev.quarry.testing.SemanticFixtures;
import dev.quarry.testing.SemanticFixtures.TicketInfo;
import dev.quarry.types.ArrayType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.StructType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each semantic operator evaluates to and how it is planned. */
class SemanticOperatorsTest {
    @TempDir
    Path dir;

    private FakeBackend backend;
    private Session session;
    private DataFrame tickets;

    @BeforeEach
    void setUp() {
        backend = new FakeBackend();
        session = SemanticFixtures.session(backend, dir);
        tickets = session.read().csv("tickets.csv");
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    /** The semantic functions of every SemanticProject of a plan, top first. */
    private static List<SemanticFunction> functions(LogicalPlan plan) {
        List<SemanticFunction> out = new ArrayList<>();
        collect(plan, out);
        return out;
    }

    private static void collect(LogicalPlan plan, List<SemanticFunction> out) {
        if (plan instanceof SemanticProject sp) {
            out.addAll(sp.functions());
        }
        for (LogicalPlan c : plan.children()) {
            collect(c, out);
        }
    }

    private static SemanticFunction only(DataFrame df) {
        List<SemanticFunction> fs = functions(df.logicalPlan());
        assertThat(fs).hasSize(1);
        return fs.get(0);
    }

    // ------------------------------------------------------------------ result types

    @Test
    void map_withTemplate_isStringColumnReadingTheTemplateVariables() {
        DataFrame df = tickets.withColumn("reply", Semantic.map("Reply to {{ body }} for {{ team }}"));
        SemanticFunction f = only(df);
        assertThat(df.schema().field("reply").type()).isEqualTo(STRING);
        assertThat(f.kind()).isEqualTo(SemanticFunction.Kind.MAP);
        assertThat(f.spec().variables()).containsExactly("body", "team");
        assertThat(f.inputs()).extracting(e -> ((ColumnRef) e).name()).containsExactly("body", "team");
    }

    @Test
    void map_variableInOtherCase_readsTheColumnButKeepsTheVariableName() {
        SemanticFunction f = only(tickets.withColumn("reply", Semantic.map("Reply to {{ Body }}")));
        assertThat(f.spec().variables()).containsExactly("Body");
        assertThat(((ColumnRef) f.inputs().get(0)).name()).isEqualTo("body");
    }

    @Test
    void map_withResponseFormat_isStructShapedLikeTheRecord() {
        DataFrame df = tickets.withColumn("info", Semantic.map("Read {{ body }}", TicketInfo.class));
        assertThat(df.schema().field("info").type()).isInstanceOf(StructType.class);
        assertThat(only(df).spec().responseType()).isEqualTo(TicketInfo.class);
    }

    @Test
    void extract_record_givesNestedStructListOptionalAndEnumFields() {
        DataFrame df = tickets.withColumn("info", Semantic.extract(col("body"), TicketInfo.class));
        StructType info = (StructType) df.schema().field("info").type();
        assertThat(info.toSchema().names())
                .containsExactly("product", "wantsRefund", "errorCodes", "address", "urgency");
        assertThat(info.toSchema().field("errorCodes").type()).isEqualTo(new ArrayType(STRING));
        assertThat(info.toSchema().field("address").type()).isInstanceOf(StructType.class);
        assertThat(info.toSchema().field("address").nullable()).isTrue();
        assertThat(info.toSchema().field("urgency").type()).isEqualTo(STRING);
        assertThat(df.schema().field("info").nullable()).isTrue();
    }

    @Test
    void predicate_inFilter_keepsTheInputSchema() {
        DataFrame df = tickets.filter(Semantic.predicate("The customer is angry: {{ body }}"));
        assertThat(df.schema()).isEqualTo(tickets.schema());
        assertThat(only(df).type()).isEqualTo(BOOLEAN);
    }

    @Test
    void predicate_inFilter_isPlannedAsFilterOverSemanticProjectUnderAProjection() {
        LogicalPlan plan =
                tickets.filter(Semantic.predicate("Angry: {{ body }}")).logicalPlan();
        assertThat(plan).isInstanceOf(Project.class);
        LogicalPlan filter = ((Project) plan).child();
        assertThat(filter).isInstanceOf(Filter.class);
        assertThat(((Filter) filter).child()).isInstanceOf(SemanticProject.class);
    }

    @Test
    void classify_labels_isStringWithLabelsInOrder() {
        DataFrame df = tickets.withColumn("team2", Semantic.classify(col("body"), "billing", "technical", "sales"));
        assertThat(df.schema().field("team2").type()).isEqualTo(STRING);
        assertThat(only(df).spec().labels())
                .extracting(SemanticSpec.Label::name)
                .containsExactly("billing", "technical", "sales");
    }

    @Test
    void classify_classDefinitions_keepDescriptions() {
        SemanticFunction f = only(tickets.withColumn(
                "team2",
                Semantic.classify(
                        col("body"),
                        List.of(ClassDefinition.of("billing", "money matters"), ClassDefinition.of("technical")))));
        assertThat(f.spec().labels())
                .containsExactly(
                        new SemanticSpec.Label("billing", "money matters"), new SemanticSpec.Label("technical", null));
    }

    @Test
    void analyzeSentiment_isStringOfKindSentiment() {
        SemanticFunction f = only(tickets.withColumn("s", Semantic.analyzeSentiment(col("body"))));
        assertThat(f.kind()).isEqualTo(SemanticFunction.Kind.SENTIMENT);
        assertThat(f.type()).isEqualTo(STRING);
    }

    @Test
    void summarize_isStringWithoutInstruction() {
        SemanticFunction f = only(tickets.withColumn("s", Semantic.summarize(col("body"))));
        assertThat(f.kind()).isEqualTo(SemanticFunction.Kind.SUMMARIZE);
        assertThat(f.spec().instruction()).isNull();
    }

    @Test
    void embed_defaultModel_isEmbeddingOfItsDimensions() {
        DataFrame df = tickets.withColumn("e", Semantic.embed(col("body")));
        assertThat(df.schema().field("e").type()).isEqualTo(new EmbeddingType(384, "mini"));
    }

    @Test
    void embed_hostedModelByAlias_takesTheModelsNativeDimensions() {
        DataFrame df = tickets.withColumn("e", Semantic.embed(col("body"), SemanticOptions.model("openai")));
        assertThat(df.schema().field("e").type()).isEqualTo(new EmbeddingType(1536, "openai"));
    }

    @Test
    void embed_configuredDimensions_winOverTheNativeOnes() {
        try (Session s = Session.builder()
                .dataDir(dir.resolve("d2"))
                .backendFactory(backend.factory())
                .embeddingModel(
                        "small",
                        OpenAIEmbeddingModel.of("text-embedding-3-small").dimensions(256))
                .build()) {
            DataFrame df = s.read().csv("tickets.csv").withColumn("e", Semantic.embed(col("body")));
            assertThat(df.schema().field("e").type()).isEqualTo(new EmbeddingType(256, "small"));
        }
    }

    // ------------------------------------------------------------------ models and options

    @Test
    void modelAlias_none_resolvesToTheSessionDefault() {
        assertThat(only(tickets.withColumn("s", Semantic.summarize(col("body"))))
                        .spec()
                        .modelAlias())
                .isEqualTo("fast");
    }

    @Test
    void modelAlias_named_isKept() {
        assertThat(only(tickets.withColumn("s", Semantic.summarize(col("body"), SemanticOptions.model("claude"))))
                        .spec()
                        .modelAlias())
                .isEqualTo("claude");
    }

    @Test
    void modelAlias_singleLanguageModelWithoutDefault_isUsed() {
        try (Session s = Session.builder()
                .dataDir(dir.resolve("d3"))
                .backendFactory(backend.factory())
                .languageModel("only", OpenAIModel.of("gpt-4.1-nano"))
                .build()) {
            DataFrame df = s.read().csv("tickets.csv").withColumn("s", Semantic.summarize(col("body")));
            assertThat(only(df).spec().modelAlias()).isEqualTo("only");
        }
    }

    @Test
    void options_reachTheSpec() {
        SemanticOptions options = SemanticOptions.model("claude")
                .temperature(0.4)
                .maxOutputTokens(77)
                .timeout(Duration.ofSeconds(9));
        SemanticSpec spec = only(tickets.withColumn("s", Semantic.summarize(col("body"), options)))
                .spec();
        assertThat(spec.temperature()).isEqualTo(0.4);
        assertThat(spec.maxOutputTokens()).isEqualTo(77);
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void options_unset_leaveTheSpecDefaultsNull() {
        SemanticSpec spec =
                only(tickets.withColumn("s", Semantic.summarize(col("body")))).spec();
        assertThat(spec.temperature()).isNull();
        assertThat(spec.maxOutputTokens()).isNull();
        assertThat(spec.timeout()).isNull();
        assertThat(spec.examples()).isEmpty();
    }

    @Test
    void examples_singleText_areKeyedText() {
        SemanticOptions options = SemanticOptions.defaults()
                .examples(Example.of("charged twice", "billing"), Example.of("crash", "technical"));
        SemanticSpec spec = only(tickets.withColumn(
                        "t", Semantic.classify(col("body"), ClassDefinition.labels("billing", "technical"), options)))
                .spec();
        assertThat(spec.examples())
                .containsExactly(
                        new SemanticSpec.Example(Map.of("text", "charged twice"), "billing"),
                        new SemanticSpec.Example(Map.of("text", "crash"), "technical"));
    }

    @Test
    void examples_template_keepTheirVariables() {
        SemanticOptions options =
                SemanticOptions.defaults().examples(Example.of(Map.of("body", "I want my money", "team", "x"), true));
        SemanticSpec spec = only(tickets.filter(Semantic.predicate("{{ team }}: {{ body }} refund?", options)))
                .spec();
        assertThat(spec.examples().get(0).inputs()).containsEntry("body", "I want my money");
        assertThat(spec.examples().get(0).output()).isEqualTo(true);
    }

    // ------------------------------------------------------------------ planning

    @Test
    void select_withSemanticColumn_hasExactlyTheUserSchema() {
        DataFrame df = tickets.select(col("id"), Semantic.summarize(col("body")).as("summary"));
        assertThat(df.columns()).containsExactly("id", "summary");
    }

    @Test
    void select_unaliasedSemanticColumn_isNamedAfterTheCall() {
        DataFrame df = tickets.select(Semantic.analyzeSentiment(col("body")));
        assertThat(df.columns()).containsExactly("semantic.sentiment(body)");
    }

    @Test
    void semanticProject_inputs_areColumnsOfItsChild() {
        DataFrame df = tickets.withColumn("e", Semantic.embed(concat(col("team"), lit(": "), col("body"))));
        SemanticProject sp = (SemanticProject) ((Project) df.logicalPlan()).child();
        Expression input = sp.functions().get(0).inputs().get(0);
        assertThat(input).isInstanceOf(ColumnRef.class);
        assertThat(sp.child().schema().indexOf(((ColumnRef) input).name())).isGreaterThanOrEqualTo(0);
        assertThat(sp.child()).isInstanceOf(Project.class);
    }

    @Test
    void semanticFunction_usedTwice_isComputedOnce() {
        DataFrame df = tickets.select(
                Semantic.summarize(col("body")).as("a"),
                upper(Semantic.summarize(col("body"))).as("b"));
        assertThat(functions(df.logicalPlan())).hasSize(1);
    }

    @Test
    void semanticFunction_readingAnother_isPlannedAboveIt() {
        DataFrame df =
                tickets.withColumn("team2", Semantic.classify(Semantic.summarize(col("body")), "billing", "technical"));
        List<SemanticFunction> fs = functions(df.logicalPlan());
        assertThat(fs)
                .extracting(SemanticFunction::kind)
                .containsExactly(SemanticFunction.Kind.CLASSIFY, SemanticFunction.Kind.SUMMARIZE);
    }

    @Test
    void internalColumnNames_doNotClashWithUserColumns() {
        DataFrame named = tickets.withColumnRenamed("team", "__semantic_1");
        DataFrame df = named.withColumn("s", Semantic.summarize(col("body")));
        SemanticProject sp = (SemanticProject) ((Project) df.logicalPlan()).child();
        assertThat(sp.columns().get(0).name()).isNotEqualToIgnoringCase("__semantic_1");
        assertThat(df.columns()).containsExactly("id", "status", "__semantic_1", "body", "created_at", "priority", "s");
    }

    @Test
    void reduce_inAgg_collectsTheTextsThenReducesThem() {
        DataFrame df = tickets.groupBy(col("team"))
                .agg(
                        count(col("id")).as("n"),
                        Semantic.reduce("Summarize", col("body")).as("summary"));
        assertThat(df.columns()).containsExactly("team", "n", "summary");
        SemanticProject sp = (SemanticProject) ((Project) df.logicalPlan()).child();
        SemanticFunction reduce = sp.functions().get(0);
        assertThat(reduce.kind()).isEqualTo(SemanticFunction.Kind.REDUCE);
        assertThat(reduce.inputs()).hasSize(1);
        assertThat(reduce.inputs().get(0).type()).isEqualTo(new ArrayType(STRING));
        assertThat(reduce.spec().instruction()).isEqualTo("Summarize");
        Aggregate aggregate = (Aggregate) sp.child();
        AggregateCall collect = (AggregateCall) ((Alias) aggregate.outputs().get(2)).child();
        assertThat(collect.function()).isEqualTo(AggregateCall.Function.COLLECT_LIST);
        assertThat(collect.orderBy()).isEmpty();
    }

    @Test
    void reduce_withOrder_collectsTheTextsInThatOrder() {
        DataFrame df = tickets.groupBy(col("team"))
                .agg(Semantic.reduce(
                                "Tell the story",
                                col("body"),
                                List.of(col("created_at").desc(), col("id")))
                        .as("story"));
        Aggregate aggregate = (Aggregate) ((SemanticProject) ((Project) df.logicalPlan()).child()).child();
        AggregateCall collect = (AggregateCall) ((Alias) aggregate.outputs().get(1)).child();
        assertThat(collect.orderBy()).hasSize(2);
        assertThat(collect.orderBy().get(0).ascending()).isFalse();
        assertThat(collect.orderBy().get(1).ascending()).isTrue();
        assertThat(collect.toString())
                .isEqualTo("collect_list(body ORDER BY created_at DESC NULLS LAST, id ASC NULLS FIRST)");
    }

    @Test
    void reduce_insideAnExpression_isComputedThenCombined() {
        DataFrame df = tickets.groupBy(col("team"))
                .agg(concat(col("team"), lit(": "), Semantic.reduce("Summarize", col("body")))
                        .as("line"));
        assertThat(df.columns()).containsExactly("team", "line");
        assertThat(df.schema().field("line").type()).isEqualTo(STRING);
    }

    @Test
    void reduce_globalAgg_hasOneReduceOverAllRows() {
        DataFrame df = tickets.agg(Semantic.reduce("Summarize", col("body")).as("all"));
        assertThat(df.columns()).containsExactly("all");
        assertThat(functions(df.logicalPlan())).hasSize(1);
    }

    // ------------------------------------------------------------------ actions

    @Test
    void count_onSemanticColumns_runsNoSemanticOperator() {
        backend.answer = plan -> List.of(Row.of(plan.schema(), 5L));
        tickets.withColumn("s", Semantic.summarize(col("body"))).count();
        assertThat(functions(backend.executed.get(0))).isEmpty();
    }

    @Test
    void count_afterSemanticFilter_keepsThePredicate() {
        backend.answer = plan -> List.of(Row.of(plan.schema(), 5L));
        tickets.filter(Semantic.predicate("Angry: {{ body }}")).count();
        assertThat(functions(backend.executed.get(0))).hasSize(1);
    }

    @Test
    void take_onSemanticColumns_limitsRowsBeforeTheModel() {
        tickets.withColumn("s", Semantic.summarize(col("body"))).take(3);
        LogicalPlan executed = backend.executed.get(0);
        SemanticProject sp = findSemantic(executed);
        assertThat(sp.child().toString()).contains("Limit");
    }

    private static SemanticProject findSemantic(LogicalPlan plan) {
        if (plan instanceof SemanticProject sp) {
            return sp;
        }
        for (LogicalPlan c : plan.children()) {
            SemanticProject sp = findSemantic(c);
            if (sp != null) {
                return sp;
            }
        }
        return null;
    }
}
