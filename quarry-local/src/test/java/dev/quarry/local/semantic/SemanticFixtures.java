package dev.quarry.local.semantic;

import dev.quarry.Row;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.udf.JavaFunctions;
import dev.quarry.models.EmbeddingModelConfig;
import dev.quarry.models.LanguageModelConfig;
import dev.quarry.models.OpenAIEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import dev.quarry.spi.ExecutionContext;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.spi.SessionConfig;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.Provider;
import dev.quarry.testkit.simulator.RecordedRequest;
import dev.quarry.types.DataType;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Sessions against the LLM simulator and hand-built semantic plans. */
final class SemanticFixtures {
    static final String KEY = "sk-test-key";
    static final String FAST_MODEL = "gpt-4.1-nano";
    static final String SMART_MODEL = "gpt-4.1-mini";
    static final String EMBEDDING_MODEL = "text-embedding-3-small";
    static final int DIMS = 16;
    private static final AtomicInteger QUERIES = new AtomicInteger();

    private SemanticFixtures() {}

    static SessionConfig config(Path dir, LlmSimulator sim, Map<String, String> settings) {
        String base = sim.baseUrl(Provider.OPENAI);
        Map<String, LanguageModelConfig> lms = new LinkedHashMap<>();
        lms.put("fast", OpenAIModel.of(FAST_MODEL).baseUrl(base).apiKey(KEY));
        lms.put("smart", OpenAIModel.of(SMART_MODEL).baseUrl(base).apiKey(KEY));
        Map<String, EmbeddingModelConfig> ems = new LinkedHashMap<>();
        ems.put(
                "emb",
                OpenAIEmbeddingModel.of(EMBEDDING_MODEL)
                        .dimensions(DIMS)
                        .baseUrl(base)
                        .apiKey(KEY));
        return new SessionConfig("semantic-test", dir, lms, ems, "fast", "emb", Set.of(), settings);
    }

    static LocalBackend backend(Path dir, LlmSimulator sim) {
        return backend(dir, sim, Map.of());
    }

    static LocalBackend backend(Path dir, LlmSimulator sim, Map<String, String> settings) {
        return new LocalBackend(config(dir, sim, settings), JavaFunctions.standard(), b -> b.seed(7));
    }

    static ExecutionResult run(LocalBackend backend, LogicalPlan plan) {
        return backend.execute(plan, new ExecutionContext("q" + QUERIES.incrementAndGet(), false));
    }

    /** The values of one column, in row order. */
    static List<Object> column(ExecutionResult result, String name) {
        List<Object> out = new ArrayList<>();
        for (Row r : result.rows()) {
            out.add(r.get(name));
        }
        return out;
    }

    /** Chat requests the simulator received. */
    static List<RecordedRequest> chats(LlmSimulator sim) {
        return sim.requests().stream().filter(r -> r.chat() != null).toList();
    }

    /** A relation {@code id BIGINT, body VARCHAR} with one row per text (null allowed). */
    static LocalRelation texts(String... bodies) {
        Schema schema = new Schema(
                List.of(new StructField("id", DataTypes.LONG, false), new StructField("body", DataTypes.STRING, true)));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            rows.add(Arrays.asList((long) i, bodies[i]));
        }
        return new LocalRelation(schema, rows);
    }

    static ColumnRef col(LogicalPlan plan, String name) {
        StructField f = plan.schema().field(name);
        return new ColumnRef(f.name(), f.type(), f.nullable());
    }

    /** A node computing {@code f} as column {@code name}, labelled as the planner labels {@code withColumn(name, f)}. */
    static SemanticProject project(LogicalPlan child, String name, SemanticFunction f) {
        return new SemanticProject(child, List.of(new Alias(f, name)), Map.of(name, label(f, name)));
    }

    /** The label of {@code f} computing the column {@code name}, e.g. {@code semantic.classify(team)}. */
    static String label(SemanticFunction f, String name) {
        return "semantic." + f.kind().name().toLowerCase(Locale.ROOT) + "(" + name + ")";
    }

    static SemanticFunction function(Kind kind, List<Expression> inputs, SemanticSpec spec, DataType type) {
        return new SemanticFunction(kind, inputs, spec, type);
    }

    /** A spec builder with the defaults of the API (model "fast", temperature unset). */
    static Spec spec() {
        return new Spec();
    }

    static final class Spec {
        private String alias = "fast";
        private String template;
        private List<String> variables = List.of();
        private String instruction;
        private Class<?> responseType;
        private List<SemanticSpec.Label> labels = List.of();
        private List<SemanticSpec.Example> examples = List.of();
        private Double temperature;
        private Integer maxOutputTokens;
        private Duration timeout;

        Spec model(String alias) {
            this.alias = alias;
            return this;
        }

        Spec template(String template, String... variables) {
            this.template = template;
            this.variables = List.of(variables);
            return this;
        }

        Spec instruction(String instruction) {
            this.instruction = instruction;
            return this;
        }

        Spec responseType(Class<?> type) {
            this.responseType = type;
            return this;
        }

        Spec labels(String... names) {
            List<SemanticSpec.Label> ls = new ArrayList<>();
            for (String n : names) {
                ls.add(new SemanticSpec.Label(n, null));
            }
            this.labels = ls;
            return this;
        }

        Spec labels(List<SemanticSpec.Label> labels) {
            this.labels = labels;
            return this;
        }

        Spec example(Map<String, Object> inputs, Object output) {
            List<SemanticSpec.Example> es = new ArrayList<>(examples);
            es.add(new SemanticSpec.Example(inputs, output));
            this.examples = es;
            return this;
        }

        Spec temperature(double t) {
            this.temperature = t;
            return this;
        }

        Spec maxOutputTokens(int n) {
            this.maxOutputTokens = n;
            return this;
        }

        SemanticSpec build() {
            return new SemanticSpec(
                    alias,
                    template,
                    variables,
                    instruction,
                    responseType,
                    labels,
                    examples,
                    temperature,
                    maxOutputTokens,
                    timeout);
        }
    }
}
