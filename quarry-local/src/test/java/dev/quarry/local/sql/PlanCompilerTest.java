package dev.quarry.local.sql;

import static dev.quarry.local.LocalFixtures.as;
import static dev.quarry.local.LocalFixtures.col;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.left;
import static dev.quarry.local.LocalFixtures.lit;
import static dev.quarry.local.LocalFixtures.op;
import static dev.quarry.local.LocalFixtures.right;
import static dev.quarry.local.LocalFixtures.rows;
import static dev.quarry.local.LocalFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ErrorCode;
import dev.quarry.JoinType;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.BinaryOp.Operator;
import dev.quarry.internal.expr.GetItem;
import dev.quarry.internal.expr.ScalarFunction;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.expr.StringMatch;
import dev.quarry.internal.plan.FileFormat;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.Join;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.Sort;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.local.io.FileSources;
import dev.quarry.types.DataTypes;
import dev.quarry.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SQL generation without a database: quoting, Spark semantics, plan shapes. */
class PlanCompilerTest {
    static final String EVIL = "x\"; DROP TABLE t; --";

    final LocalRelation data = rows(schema(
            field(EVIL, DataTypes.STRING),
            field("n", DataTypes.LONG),
            field("tags", DataTypes.arrayOf(DataTypes.STRING))));

    final FunctionMapper functions = new FunctionMapper(Set.of("count_tokens"));

    PlanCompiler compiler() {
        PlanCompiler.Relations relations = plan -> plan instanceof LocalRelation ? "\"rows\"" : null;
        return new PlanCompiler(
                functions, relations, new FileSources("catalog", (path, options) -> FileSources.DetectedFormats.ISO));
    }

    @Test
    void compile_quotesHostileColumnNames() {
        LogicalPlan plan = new Project(data, List.of(col(data, EVIL), as(col(data, "n"), EVIL + "2")));
        String sql = compiler().compile(plan);
        assertThat(sql)
                .isEqualTo("SELECT \"x\"\"; DROP TABLE t; --\" AS \"x\"\"; DROP TABLE t; --\", \"n\" AS"
                        + " \"x\"\"; DROP TABLE t; --2\" FROM (SELECT * FROM \"rows\") AS \"q1\"");
    }

    @Test
    void compile_quotesHostileStringConstants() {
        LogicalPlan plan =
                new Filter(data, op(Operator.EQ, col(data, EVIL), lit("'; DROP TABLE t; --", DataTypes.STRING)));
        assertThat(compiler().compile(plan)).endsWith("WHERE (\"x\"\"; DROP TABLE t; --\" = '''; DROP TABLE t; --')");
    }

    @Test
    void compile_divisionIsDoubleAndNullOnZero() {
        LogicalPlan plan =
                new Project(data, List.of(as(op(Operator.DIVIDE, col(data, "n"), lit(0L, DataTypes.LONG)), "r")));
        assertThat(compiler().compile(plan))
                .contains("(CAST(\"n\" AS DOUBLE) / CAST(NULLIF(CAST(0 AS BIGINT), 0) AS DOUBLE)) AS \"r\"");
    }

    @Test
    void compile_getItemIsZeroBased() {
        LogicalPlan plan = new Project(
                data,
                List.of(
                        as(new GetItem(col(data, "tags"), lit(0, DataTypes.INTEGER)), "first"),
                        as(new GetItem(col(data, "tags"), lit(-1, DataTypes.INTEGER)), "none"),
                        as(new GetItem(col(data, "tags"), col(data, "n")), "nth")));
        String sql = compiler().compile(plan);
        assertThat(sql).contains("(\"tags\")[1] AS \"first\"");
        assertThat(sql).contains("CAST(NULL AS VARCHAR) AS \"none\"");
        assertThat(sql).contains("(CASE WHEN \"n\" >= 0 THEN (\"tags\")[\"n\" + 1] END) AS \"nth\"");
    }

    @Test
    void compile_rlikeMatchesAnywhereAndLikeEscapesWithBackslash() {
        LogicalPlan plan = new Filter(
                data,
                op(
                        Operator.AND,
                        new StringMatch(StringMatch.Kind.RLIKE, col(data, EVIL), lit("b+", DataTypes.STRING)),
                        new StringMatch(StringMatch.Kind.LIKE, col(data, EVIL), lit("a\\_%", DataTypes.STRING))));
        String sql = compiler().compile(plan);
        assertThat(sql).contains("regexp_matches(\"x\"\"; DROP TABLE t; --\", 'b+')");
        assertThat(sql).contains("LIKE 'a\\_%' ESCAPE '\\')");
    }

    @Test
    void compile_sortNullOrderingIsAlwaysWritten() {
        LogicalPlan plan = new Sort(data, List.of(SortKey.of(col(data, "n"), true), SortKey.of(col(data, "n"), false)));
        assertThat(compiler().compile(plan)).endsWith("ORDER BY \"n\" ASC NULLS FIRST, \"n\" DESC NULLS LAST");
    }

    @Test
    void compile_joinConditionQualifiesEachSide() {
        LocalRelation other = rows(schema(field("m", DataTypes.LONG)));
        LogicalPlan plan =
                new Join(data, other, JoinType.LEFT, op(Operator.EQ, left(data, "n"), right(other, "m")), List.of());
        String sql = compiler().compile(plan);
        assertThat(sql).contains("LEFT JOIN (SELECT * FROM \"rows\") AS \"r2\" ON (\"l1\".\"n\" = \"r2\".\"m\")");
        assertThat(sql).startsWith("SELECT \"l1\".\"x\"\"; DROP TABLE t; --\" AS");
    }

    @Test
    void compile_fullJoinUsingCoalescesTheKey() {
        LocalRelation other = rows(schema(field("n", DataTypes.INTEGER), field("v", DataTypes.STRING)));
        LogicalPlan plan = new Join(data, other, JoinType.FULL, null, List.of("n"));
        assertThat(compiler().compile(plan))
                .startsWith("SELECT COALESCE(\"l1\".\"n\", CAST(\"r2\".\"n\" AS BIGINT)) AS \"n\",")
                .contains("FULL OUTER JOIN")
                .contains("ON (\"l1\".\"n\" = \"r2\".\"n\")");
    }

    @Test
    void compile_sqlRelationSubstitutesOnlyRealPlaceholders() {
        Schema out = schema(field("n", DataTypes.LONG));
        LogicalPlan plan = new SqlRelation(
                "SELECT n FROM {t} WHERE s = '{t}' -- {t}\n AND \"{t}\" IS NOT NULL;", Map.of("t", data), out);
        String sql = compiler().compile(plan);
        assertThat(sql).contains("FROM (SELECT * FROM \"rows\") WHERE s = '{t}' -- {t}\n AND \"{t}\" IS NOT NULL)");
        assertThat(sql).startsWith("SELECT CAST(\"n\" AS BIGINT) AS \"n\" FROM (");
    }

    @Test
    void compile_localRelationWithoutTableIsInternalError() {
        PlanCompiler bare = new PlanCompiler(
                functions, plan -> null, new FileSources("c", (p, o) -> FileSources.DetectedFormats.ISO));
        assertThatThrownBy(() -> bare.compile(data))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR));
    }

    @Test
    void compile_unknownFunctionListsSupportedNames() {
        LogicalPlan plan = new Project(
                data,
                List.of(as(new ScalarFunction("frobnicate", List.of(col(data, "n")), DataTypes.LONG, true), "f")));
        assertThatThrownBy(() -> compiler().compile(plan))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR))
                .hasMessageContaining("frobnicate")
                .hasMessageContaining("upper")
                .hasMessageContaining("count_tokens");
    }

    @Test
    void compile_functionsAreCastToTheDeclaredType() {
        LogicalPlan plan = new Project(
                data,
                List.of(as(new ScalarFunction("count_tokens", List.of(col(data, EVIL)), DataTypes.LONG, true), "t")));
        assertThat(compiler().compile(plan))
                .contains("CAST(\"count_tokens\"(\"x\"\"; DROP TABLE t; --\") AS BIGINT) AS \"t\"");
    }

    @Test
    void compile_csvScanPinsSchemaAndQuotesPath() {
        FileScan scan = new FileScan(
                FileFormat.CSV,
                "/data/it's.csv",
                Map.of("delimiter", ";"),
                schema(field("a b", DataTypes.LONG), field("c", DataTypes.STRING)));
        assertThat(compiler().compile(scan))
                .isEqualTo(
                        "SELECT * FROM read_csv('/data/it''s.csv', header=true,"
                                + " delim=';', quote='\"', escape='\"', auto_detect=false, columns={'a b': 'BIGINT', 'c': 'VARCHAR'})");
    }

    @Test
    void compile_permissiveCsvReadsTextAndConvertsLeniently() {
        FileScan scan = new FileScan(
                FileFormat.CSV,
                "/d.csv",
                Map.of("mode", "permissive"),
                schema(field("a", DataTypes.LONG), field("c", DataTypes.STRING)));
        assertThat(compiler().compile(scan))
                .startsWith("SELECT TRY(CAST(\"a\" AS BIGINT)) AS \"a\", \"c\" AS \"c\" FROM read_csv(")
                .contains("columns={'a': 'VARCHAR', 'c': 'VARCHAR'}, null_padding=true, strict_mode=false");
    }

    @Test
    void compile_unknownReaderOptionIsRejected() {
        FileScan scan =
                new FileScan(FileFormat.CSV, "/d.csv", Map.of("delimeter", ";"), schema(field("a", DataTypes.LONG)));
        assertThatThrownBy(() -> compiler().compile(scan))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("delimeter")
                .hasMessageContaining("delimiter");
    }

    @Test
    void compile_parquetScanCastsToSchema() {
        FileScan scan = new FileScan(FileFormat.PARQUET, "/d.parquet", Map.of(), schema(field("a", DataTypes.DOUBLE)));
        assertThat(compiler().compile(scan))
                .isEqualTo("SELECT CAST(\"a\" AS DOUBLE) AS \"a\" FROM read_parquet('/d.parquet')");
    }

    @Test
    void javaReplacementToRe2_translatesGroupReferences() {
        assertThat(FunctionMapper.javaReplacementToRe2("<$1>\\$\\\\")).isEqualTo("<\\1>$\\\\");
    }
}
