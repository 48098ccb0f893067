package dev.quarry.local.semantic;

import static dev.quarry.local.semantic.SemanticFixtures.backend;
import static dev.quarry.local.semantic.SemanticFixtures.chats;
import static dev.quarry.local.semantic.SemanticFixtures.run;
import static dev.quarry.local.semantic.SemanticFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.Row;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.local.LocalBackend;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.testkit.simulator.AnswerFunction;
import dev.quarry.testkit.simulator.FaultKind;
import dev.quarry.testkit.simulator.Faults;
import dev.quarry.testkit.simulator.LlmSimulator;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic join: which pairs are kept, what is sent, and the size guard. */
class SemanticJoinTest {
    private static final Pattern PAIR = Pattern.compile("Is (.*) the same company as (.*)\\?");

    /** True when the two names are equal ignoring case and a trailing " Inc". */
    static final AnswerFunction SAME_COMPANY = r -> {
        Matcher m = PAIR.matcher(r.lastUserText());
        boolean same = m.find() && normalize(m.group(1)).equals(normalize(m.group(2)));
        return "{\"answer\":" + same + "}";
    };

    @TempDir
    Path dir;

    static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace(" inc", "").trim();
    }

    static LocalRelation side(String idName, String textName, Object... values) {
        Schema schema = new Schema(List.of(
                new StructField(idName, DataTypes.LONG, false), new StructField(textName, DataTypes.STRING, true)));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(Arrays.asList((long) i, values[i]));
        }
        return new LocalRelation(schema, rows);
    }

    static SemanticJoin join(LocalRelation left, LocalRelation right, long maxPairs) {
        return new SemanticJoin(
                left,
                right,
                spec().template("Is {{ left.name }} the same company as {{ right.title }}?", "left", "right")
                        .build(),
                List.of("name"),
                List.of("title"),
                maxPairs);
    }

    @Test
    void join_keepsThePairsJudgedTrue_leftColumnsThenRight_inRowOrder() {
        try (LlmSimulator sim = LlmSimulator.builder().answers(SAME_COMPANY).start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = side("id", "name", "Acme", "Globex", "Initech");
            LocalRelation right = side("code", "title", "Initech Inc", "ACME", "Umbrella", "acme inc");

            ExecutionResult result = run(backend, join(left, right, 10_000));

            assertThat(result.schema().names()).containsExactly("id", "name", "code", "title");
            assertThat(result.rows())
                    .extracting(Row::values)
                    .containsExactly(
                            List.of(0L, "Acme", 1L, "ACME"),
                            List.of(0L, "Acme", 3L, "acme inc"),
                            List.of(2L, "Initech", 0L, "Initech Inc"));
            assertThat(sim.counters().requests()).isEqualTo(12);
            assertThat(result.languageModel().requests()).isEqualTo(12);
        }
    }

    @Test
    void join_identicalPairs_areSentOnce() {
        try (LlmSimulator sim = LlmSimulator.builder().answers(SAME_COMPANY).start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = side("id", "name", "Acme", "Acme", "Globex", "Acme");
            LocalRelation right = side("code", "title", "acme", "acme", "Hooli");

            ExecutionResult result = run(backend, join(left, right, 10_000));

            assertThat(sim.counters().requests()).isEqualTo(4);
            assertThat(result.rows()).hasSize(6);
            assertThat(chats(sim)).extracting(r -> r.chat().lastUserText()).doesNotHaveDuplicates();
        }
    }

    @Test
    void join_nullValues_neverMatchAndSendNothing() {
        try (LlmSimulator sim =
                        LlmSimulator.builder().answers(r -> "{\"answer\":true}").start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = side("id", "name", "Acme", null);
            LocalRelation right = side("code", "title", null, "Acme");

            ExecutionResult result = run(backend, join(left, right, 10_000));

            assertThat(result.rows()).extracting(Row::values).containsExactly(List.of(0L, "Acme", 1L, "Acme"));
            assertThat(sim.counters().requests()).isEqualTo(1);
        }
    }

    @Test
    void join_withMoreLeftKeysThanOneBlock_judgesEveryPairOnce() {
        try (LlmSimulator sim = LlmSimulator.builder().answers(SAME_COMPANY).start();
                LocalBackend backend = backend(dir, sim)) {
            int n = JoinExecutor.LEFT_BLOCK * 2 + 7;
            LocalRelation left = side(
                    "id",
                    "name",
                    java.util.stream.IntStream.range(0, n)
                            .mapToObj(i -> "Company " + i)
                            .toArray());
            LocalRelation right = side("code", "title", "company 3", "Company 100 Inc", "Nobody");

            ExecutionResult result = run(backend, join(left, right, 10_000));

            assertThat(result.rows())
                    .extracting(r -> r.getString("name") + "=" + r.getString("title"))
                    .containsExactly("Company 3=company 3", "Company 100=Company 100 Inc");
            assertThat(sim.counters().requests()).isEqualTo(3L * n);
        }
    }

    @Test
    void join_aboveMaxPairs_refusesBeforeSendingAnything() {
        try (LlmSimulator sim = LlmSimulator.builder().start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = side("id", "name", "a", "b", "c");
            LocalRelation right = side("code", "title", "x", "y");

            assertThatThrownBy(() -> run(backend, join(left, right, 5)))
                    .isInstanceOf(QuarryException.class)
                    .satisfies(e -> assertThat(((QuarryException) e).code()).isEqualTo(ErrorCode.JOIN_TOO_LARGE))
                    .hasMessageContaining("3 x 2 = 6 pairs")
                    .hasMessageContaining("limit of 5")
                    .hasMessageContaining("simJoin")
                    .hasMessageContaining("raise the limit");
            assertThat(sim.counters().requests()).isZero();
        }
    }

    @Test
    void join_atMaxPairs_runs() {
        try (LlmSimulator sim = LlmSimulator.builder().answers(SAME_COMPANY).start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = side("id", "name", "a", "b", "c");
            LocalRelation right = side("code", "title", "a", "y");

            ExecutionResult result = run(backend, join(left, right, 6));

            assertThat(result.rows()).hasSize(1);
        }
    }

    @Test
    void join_badOutputTwice_dropsThePairAndCountsIt() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> "{\"answer\":true}")
                        .faults(Faults.script(FaultKind.SCHEMA_VIOLATION, FaultKind.SCHEMA_VIOLATION))
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = side("id", "name", "a");
            LocalRelation right = side("code", "title", "a");

            ExecutionResult result = run(backend, join(left, right, 10));

            assertThat(result.rows()).isEmpty();
            assertThat(result.languageModel().failedRows()).isEqualTo(1);
        }
    }

    @Test
    void join_templateMayReadSeveralColumnsOfEachSide() {
        try (LlmSimulator sim = LlmSimulator.builder()
                        .answers(r -> "{\"answer\":" + r.lastUserText().contains("0/0") + "}")
                        .start();
                LocalBackend backend = backend(dir, sim)) {
            LocalRelation left = side("id", "name", "a", "b");
            LocalRelation right = side("code", "title", "x", "y");
            SemanticJoin join = new SemanticJoin(
                    left,
                    right,
                    spec().template("{{ left.id }}/{{ right.code }} {{ left.name }}{{ right.title }}", "left", "right")
                            .build(),
                    List.of("id", "name"),
                    List.of("code", "title"),
                    100);

            ExecutionResult result = run(backend, join);

            assertThat(result.rows()).extracting(Row::values).containsExactly(List.of(0L, "a", 0L, "x"));
            assertThat(chats(sim)).extracting(r -> r.chat().lastUserText()).contains("1/0 bx");
        }
    }
}
