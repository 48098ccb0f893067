package dev.quarry.bench.template;

import dev.quarry.Row;
import dev.quarry.internal.template.Template;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of rendering one prompt from a parsed template: the work a semantic operator does per row
 * before it sends a request. The template is parsed once in setup, as the operator does.
 *
 * <ul>
 *   <li>{@code threeVariablesFromMap}: a three-variable prompt from a {@code HashMap} context;
 *   <li>{@code threeVariablesFromRow}: the same prompt reading a {@link Row}'s columns;
 *   <li>{@code joinPairFromRows}: {@code {{ left.name }}} / {@code {{ right.title }}} on two rows,
 *       the shape of a semantic join prompt;
 *   <li>{@code loopWithFilters}: a ten-item loop with {@code loop.index}, {@code trim} and {@code
 *       truncate};
 *   <li>{@code parseThreeVariables}: parsing the three-variable template, for scale.
 * </ul>
 *
 * <pre>
 * mvn -q -pl quarry-bench -am package -Dmaven.test.skip=true
 * java -jar quarry-bench/target/benchmarks.jar TemplateRenderBenchmark
 * </pre>
 *
 * <p>On a shared, loaded machine wall-clock figures mostly measure the scheduler. {@link #main}
 * runs the same five operations and reports the <em>CPU time</em> of the measuring thread per
 * operation (median of rounds), which descheduling does not inflate:
 *
 * <pre>
 * java -cp quarry-bench/target/benchmarks.jar dev.quarry.bench.template.TemplateRenderBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateRenderBenchmark {
    private static final String THREE_VARIABLES =
            "You are a support analyst. Classify the sentiment of this {{ kind }} written by {{ author }}.\n"
                    + "Answer with one word: positive, negative or neutral.\n\nText:\n{{ body }}";

    private Template threeVariables;
    private Map<String, Object> context;
    private Row row;
    private Template joinPair;
    private Map<String, Object> pair;
    private Template loop;
    private Map<String, Object> comments;

    @Setup
    public void setUp() {
        threeVariables = Template.parse(THREE_VARIABLES);
        String body = "The invoice for March charged me twice and nobody answers my emails. "
                + "I want the duplicate charge refunded before the end of the week.";
        context = new HashMap<>();
        context.put("kind", "support ticket");
        context.put("author", "Ann Example");
        context.put("body", body);
        Schema schema = Schema.of(
                DataTypes.field("id", DataTypes.LONG),
                DataTypes.field("kind", DataTypes.STRING),
                DataTypes.field("author", DataTypes.STRING),
                DataTypes.field("body", DataTypes.STRING));
        row = Row.of(schema, 42L, "support ticket", "Ann Example", body);

        joinPair = Template.parse("Is the company {{ left.name }} ({{ left.country }}) the same as the company in "
                + "this title: {{ right.title }}? Answer true or false.");
        Schema companies =
                Schema.of(DataTypes.field("name", DataTypes.STRING), DataTypes.field("country", DataTypes.STRING));
        Schema articles = Schema.of(DataTypes.field("id", DataTypes.LONG), DataTypes.field("title", DataTypes.STRING));
        pair = new HashMap<>();
        pair.put("left", Row.of(companies, "Acme Corporation", "US"));
        pair.put("right", Row.of(articles, 7L, "Acme Corp. reports record quarterly earnings"));

        loop = Template.parse("Summarize the complaints below in one sentence.\n"
                + "{% for c in comments -%}\n{{ loop.index }}. {{ c | trim | truncate(60) }}\n{% endfor -%}");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            list.add("  Complaint number " + i + ": the delivery was late and the box arrived damaged again.  ");
        }
        comments = new HashMap<>();
        comments.put("comments", list);
    }

    @Benchmark
    public String threeVariablesFromMap() {
        return threeVariables.render(context);
    }

    @Benchmark
    public String threeVariablesFromRow() {
        return threeVariables.render(row);
    }

    @Benchmark
    public String joinPairFromRows() {
        return joinPair.render(pair);
    }

    @Benchmark
    public String loopWithFilters() {
        return loop.render(comments);
    }

    @Benchmark
    public Template parseThreeVariables() {
        return Template.parse(THREE_VARIABLES);
    }

    /**
     * Thread-CPU-time measurement of the benchmark operations (see the class comment).
     *
     * <pre>{@code java -cp benchmarks.jar dev.quarry.bench.template.TemplateRenderBenchmark}</pre>
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        TemplateRenderBenchmark b = new TemplateRenderBenchmark();
        b.setUp();
        cpuTime("threeVariablesFromMap", b::threeVariablesFromMap);
        cpuTime("threeVariablesFromRow", b::threeVariablesFromRow);
        cpuTime("joinPairFromRows", b::joinPairFromRows);
        cpuTime("loopWithFilters", b::loopWithFilters);
        cpuTime("parseThreeVariables", b::parseThreeVariables);
    }

    /** Where measured results go, so the JIT cannot drop the work. */
    private static volatile Object sink;

    private static void cpuTime(String name, Supplier<?> op) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2_000_000; i++) {
            sink = op.get();
        }
        int rounds = 15;
        int perRound = 200_000;
        double[] nsPerOp = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink = op.get();
            }
            nsPerOp[r] = (threads.getCurrentThreadCpuTime() - start) / (double) perRound;
        }
        Arrays.sort(nsPerOp);
        System.out.printf(
                "%-24s CPU ns/op: median %8.1f  min %8.1f  max %8.1f  (%d rounds x %d ops)%n",
                name, nsPerOp[rounds / 2], nsPerOp[0], nsPerOp[rounds - 1], rounds, perRound);
    }
}
