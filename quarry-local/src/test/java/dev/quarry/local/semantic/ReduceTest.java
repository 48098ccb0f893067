package dev.quarry.local.semantic;

import static dev.quarry.local.semantic.SemanticFixtures.backend;
import static dev.quarry.local.semantic.SemanticFixtures.chats;
import static dev.quarry.local.semantic.SemanticFixtures.col;
import static dev.quarry.local.semantic.SemanticFixtures.column;
import static dev.quarry.local.semantic.SemanticFixtures.function;
import static dev.quarry.local.semantic.SemanticFixtures.project;
import static dev.quarry.local.semantic.SemanticFixtures.run;
import static dev.quarry.local.semantic.SemanticFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.local.LocalBackend;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.testkit.simulator.AnswerFunction;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.testkit.simulator.RecordedRequest;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hierarchical reduce: packing to the context budget, levels, nulls and oversized documents. */
class ReduceTest {
    private static final Pattern LEVEL = Pattern.compile("L(\\d+) ");
    private static final Pattern DOC = Pattern.compile("complaint (\\d+) ");

    @TempDir
    Path dir;

    /** Answers "L<level> ..." where a merge's level is one more than the deepest partial result it reads. */
    static final AnswerFunction LEVELS = r -> {
        int level = 0;
        if (r.system().startsWith("You combine partial results")) {
            Matcher m = LEVEL.matcher(r.lastUserText());
            while (m.find()) {
                level = Math.max(level, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return "L" + level + " summary of " + r.lastUserText().split("\\[").length + " parts";
    };

    static LocalRelation groups(List<?>... groups) {
        Schema schema = new Schema(List.of(
                new StructField("team", DataTypes.STRING, false),
                new StructField("texts", DataTypes.arrayOf(DataTypes.STRING), true)));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            rows.add(Arrays.asList("team" + i, groups[i]));
        }
        return new LocalRelation(schema, rows);
    }

    static List<String> complaints(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("complaint %02d about slow shipping and boxes arriving broken", i));
        }
        return out;
    }

    static SemanticFunction reduce(LocalRelation data) {
        return function(
                Kind.REDUCE,
                List.of(col(data, "texts")),
                spec().instruction("Summarize the common complaints")
                        .maxOutputTokens(20)
                        .build(),
                DataTypes.STRING);
    }

    @Test
    void reduce_withASmallContext_packsInOrderAndMergesOverSeveralLevels() {
        try (LlmSimulator sim = LlmSimulator.builder().answers(LEVELS).start();
                LocalBackend backend = backend(dir, sim, Map.of(SemanticSettings.REDUCE_CONTEXT_TOKENS, "200"))) {
            LocalRelation data = groups(complaints(30));

            ExecutionResult result = run(backend, project(data, "summary", reduce(data)));

            String summary = (String) column(result, "summary").get(0);
            assertThat(summary).startsWith("L2 ");
            List<RecordedRequest> leaves = chats(sim).stream()
                    .filter(r -> r.chat().system().startsWith("You combine documents"))
                    .toList();
            List<Integer> docs = new ArrayList<>();
            for (RecordedRequest leaf : leaves) {
                Matcher m = DOC.matcher(leaf.chat().lastUserText());
                int inThisPrompt = 0;
                while (m.find()) {
                    docs.add(Integer.parseInt(m.group(1)));
                    inThisPrompt++;
                }
                assertThat(inThisPrompt).isBetween(2, 29);
                assertThat(leaf.chat().lastUserText()).startsWith("Instruction: Summarize the common complaints");
            }
            assertThat(docs).hasSize(30);
            assertThat(docs)
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.stream.IntStream.range(0, 30).boxed().toList());
            assertThat(chats(sim).size()).isGreaterThan(leaves.size() + 1);
            assertThat(result.languageModel().requests())
                    .isEqualTo(sim.counters().requests());
        }
    }

    @Test
    void reduce_ofAGroupThatFits_sendsOneRequestWithTheDocumentsInOrder() {
        try (LlmSimulator sim = LlmSimulator.builder().answers(r -> "all good").start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = groups(List.of("first", "second", "third"));

            ExecutionResult result = run(backend, project(data, "summary", reduce(data)));

            assertThat(column(result, "summary")).containsExactly("all good");
            assertThat(chats(sim)).hasSize(1);
            assertThat(chats(sim).get(0).chat().lastUserText())
                    .contains("[1]\nfirst\n", "[2]\nsecond\n", "[3]\nthird\n");
        }
    }

    @Test
    void reduce_nullEmptyAndAllNullGroups_giveNullAndSendNothing() {
        try (LlmSimulator sim = LlmSimulator.builder().answers(r -> "fine").start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation data = groups(null, List.of(), Arrays.asList(null, null), Arrays.asList("x", null));

            ExecutionResult result = run(backend, project(data, "summary", reduce(data)));

            List<Object> summaries = column(result, "summary");
            assertThat(summaries.subList(0, 3)).containsOnlyNulls();
            assertThat(summaries.get(3)).isNotNull();
            assertThat(sim.counters().requests()).isEqualTo(1);
        }
    }

    @Test
    void reduce_documentLargerThanTheBudget_failsSuggestingChunking() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim, Map.of(SemanticSettings.REDUCE_CONTEXT_TOKENS, "200"))) {
            LocalRelation data = groups(List.of("short", "word ".repeat(400)));

            assertThatThrownBy(() -> run(backend, project(data, "summary", reduce(data))))
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("a document of 4")
                    .hasMessageContaining("context 200 tokens set by quarry.reduce_context_tokens")
                    .hasMessageContaining("Split long texts into chunks");
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void reduce_contextTooSmallForTheAnswer_failsNamingTheNumbers() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim, Map.of(SemanticSettings.REDUCE_CONTEXT_TOKENS, "100"))) {
            LocalRelation data = groups(List.of("a"));

            assertThatThrownBy(() -> run(backend, project(data, "summary", reduce(data))))
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                    .hasMessageContaining("context of 100 tokens");
        }
    }
}
