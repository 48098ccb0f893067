package dev.quarry.local.udf;

import static dev.quarry.local.LocalFixtures.as;
import static dev.quarry.local.LocalFixtures.col;
import static dev.quarry.local.LocalFixtures.collect;
import static dev.quarry.local.LocalFixtures.column;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.ScalarFunction;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.types.DataType;
import dev.quarry.types.DataTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaFunctionsTest {
    @TempDir
    Path dir;

    /** Upper-cases text; fails on the text "boom". */
    static class Shout implements JavaFunction {
        @Override
        public String name() {
            return "shout";
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of(DataTypes.STRING);
        }

        @Override
        public DataType returnType() {
            return DataTypes.STRING;
        }

        @Override
        public void apply(DuckDBDataChunkReader input, DuckDBWritableVector output) {
            DuckDBReadableVector text = input.vector(0);
            for (long i = 0; i < input.rowCount(); i++) {
                if (text.isNull(i)) {
                    output.setNull(i);
                } else if (text.getString(i).equals("boom")) {
                    throw new IllegalStateException("cannot shout 'boom'");
                } else {
                    output.setString(i, text.getString(i).toUpperCase(Locale.ROOT) + "!");
                }
            }
        }
    }

    private LocalRelation texts(String... values) {
        List<List<Object>> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(Arrays.asList((Object) v));
        }
        return new LocalRelation(schema(field("t", DataTypes.STRING)), rows);
    }

    private LogicalPlan call(LocalRelation input, String function) {
        return new Project(
                input, List.of(as(new ScalarFunction(function, List.of(col(input, "t")), DataTypes.LONG, true), "r")));
    }

    @Test
    void countTokens_countsO200kTokensAndNullForNull() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            assertThat(column(backend, call(texts("hello world", "", null, "<|endoftext|>"), "count_tokens"), 0))
                    .containsExactly(2L, 0L, null, (long) CountTokens.count("<|endoftext|>"));
        }
    }

    @Test
    void countTokens_handlesManyChunks() {
        String[] many = new String[5000];
        Arrays.fill(many, "one two three");
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            List<Object> counts = column(backend, call(texts(many), "count_tokens"), 0);
            assertThat(counts).hasSize(5000).containsOnly(3L);
        }
    }

    @Test
    void countTokens_isCallableFromSql() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            SqlRelation sql = new SqlRelation(
                    "SELECT count_tokens('hello world') AS n", Map.of(), schema(field("n", DataTypes.LONG)));
            assertThat(collect(backend, sql)).containsExactly(List.of(2L));
        }
    }

    @Test
    void customFunction_runsInsideSql() {
        try (LocalBackend backend = new LocalBackend(
                LocalFixtures.config(dir), JavaFunctions.standard().with(new Shout()))) {
            LocalRelation input = texts("hi", null);
            LogicalPlan plan = new Project(
                    input,
                    List.of(as(new ScalarFunction("shout", List.of(col(input, "t")), DataTypes.STRING, true), "r")));
            assertThat(column(backend, plan, 0)).containsExactly("HI!", null);
        }
    }

    @Test
    void customFunction_failureNamesTheException() {
        try (LocalBackend backend = new LocalBackend(
                LocalFixtures.config(dir), JavaFunctions.standard().with(new Shout()))) {
            LocalRelation input = texts("ok", "boom");
            LogicalPlan plan = new Project(
                    input,
                    List.of(as(new ScalarFunction("shout", List.of(col(input, "t")), DataTypes.STRING, true), "r")));
            assertThatThrownBy(() -> collect(backend, plan))
                    .isInstanceOfSatisfying(
                            QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXECUTION_FAILED))
                    .hasMessageContaining("IllegalStateException")
                    .hasMessageContaining("cannot shout 'boom'");
        }
    }

    @Test
    void with_rejectsDuplicateAndInvalidNames() {
        assertThatThrownBy(() -> JavaFunctions.standard().with(new CountTokens()))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("count_tokens");
        JavaFunction badName = new Shout() {
            @Override
            public String name() {
                return "Bad-Name";
            }
        };
        assertThatThrownBy(() -> JavaFunctions.standard().with(badName))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("Bad-Name");
    }

    @Test
    void with_rejectsNonScalarTypes() {
        JavaFunction arrays = new Shout() {
            @Override
            public DataType returnType() {
                return DataTypes.arrayOf(DataTypes.STRING);
            }
        };
        assertThatThrownBy(() -> JavaFunctions.standard().with(arrays))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("array<string>");
    }

    @Test
    void standard_holdsCountTokens() {
        assertThat(JavaFunctions.standard().names()).containsExactly("count_tokens");
    }
}
