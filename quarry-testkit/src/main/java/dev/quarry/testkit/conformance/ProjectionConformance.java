package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.functions.Functions.lit;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Column;
import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.types.DataTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code select}, {@code withColumn(s)}, {@code withColumnRenamed}, {@code drop}, and name resolution. */
public abstract class ProjectionConformance extends ConformanceSuite {

    @Test
    void select_names_keepsThoseColumnsInThatOrder() {
        assertThat(people().select("name", "id"))
                .hasColumns("name", "id")
                .containsExactlyInAnyOrder(row("Ada", 1L), row("Grace", 2L), row("Linus", 3L), row("Edsger", 4L));
    }

    @Test
    void select_expressions_computesEachRow() {
        DataFrame df = people().select(col("id"), col("age").plus(1).as("next_age"));

        assertThat(df)
                .hasColumns("id", "next_age")
                .hasColumnType("next_age", DataTypes.INTEGER)
                .containsExactlyInAnyOrder(row(1L, 37), row(2L, null), row(3L, 29), row(4L, 73));
    }

    @Test
    void select_literal_repeatsItOnEveryRow() {
        assertThat(people().select(col("id"), lit("x").as("tag")))
                .containsExactlyInAnyOrder(row(1L, "x"), row(2L, "x"), row(3L, "x"), row(4L, "x"));
    }

    @Test
    void select_star_keepsEveryColumn() {
        assertThat(people().select(col("*")))
                .hasColumns("id", "name", "age", "city")
                .hasRowCount(4);
    }

    @Test
    void select_nameInOtherCase_resolvesToTheColumn() {
        assertThat(people().select(col("NAME")).filter(col("Name").equalTo("Ada")))
                .hasColumns("name")
                .containsExactly(row("Ada"));
    }

    @Test
    void select_frameBoundColumn_resolves() {
        DataFrame p = people();

        assertThat(p.select(p.col("name")).filter(p.col("name").startsWith("G")))
                .containsExactly(row("Grace"));
    }

    @Test
    void select_unknownColumn_failsListingColumnsAndSuggestingTheNearest() {
        assertQuarryError(ErrorCode.COLUMN_NOT_FOUND, () -> people().select(col("nmae")))
                .hasMessageContaining("nmae")
                .hasMessageContaining("id, name, age, city")
                .hasMessageContaining("Did you mean 'name'");
    }

    @Test
    void select_sameNameTwice_failsWithDuplicateColumn() {
        assertQuarryError(
                        ErrorCode.DUPLICATE_COLUMN,
                        () -> people().select(col("id"), col("name").as("ID")))
                .hasMessageContaining("ID");
    }

    @Test
    void withColumn_newName_appendsTheColumn() {
        DataFrame df = people().withColumn("senior", col("age").gt(60));

        assertThat(df)
                .hasColumns("id", "name", "age", "city", "senior")
                .hasColumnType("senior", DataTypes.BOOLEAN)
                .containsExactlyInAnyOrder(
                        row(1L, "Ada", 36, "London", false),
                        row(2L, "Grace", null, "New York", null),
                        row(3L, "Linus", 28, null, false),
                        row(4L, "Edsger", 72, "Rotterdam", true));
    }

    @Test
    void withColumn_existingName_replacesItInPlace() {
        DataFrame df = people().withColumn("age", col("age").multiply(2L));

        assertThat(df)
                .hasColumns("id", "name", "age", "city")
                .hasColumnType("age", DataTypes.LONG)
                .containsExactlyInAnyOrder(
                        row(1L, "Ada", 72L, "London"),
                        row(2L, "Grace", null, "New York"),
                        row(3L, "Linus", 56L, null),
                        row(4L, "Edsger", 144L, "Rotterdam"));
    }

    @Test
    void withColumn_existingNameInOtherCase_replacesItInPlace() {
        assertThat(people().withColumn("NAME", lit("x")).filter(col("id").equalTo(1L)))
                .hasColumns("id", "NAME", "age", "city")
                .containsExactly(row(1L, "x", 36, "London"));
    }

    @Test
    void withColumn_unknownColumnInExpression_fails() {
        assertQuarryError(
                        ErrorCode.COLUMN_NOT_FOUND,
                        () -> people().withColumn("x", col("agee").plus(1)))
                .hasMessageContaining("agee")
                .hasMessageContaining("Did you mean 'age'");
    }

    @Test
    void withColumns_several_addsAndReplacesInMapOrder() {
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("b", lit(2L));
        columns.put("name", col("name").equalTo("Ada"));
        columns.put("a", lit(1L));

        assertThat(people().withColumns(columns).filter(col("id").equalTo(1L)))
                .hasColumns("id", "name", "age", "city", "b", "a")
                .containsExactly(row(1L, true, 36, "London", 2L, 1L));
    }

    @Test
    void withColumns_expressionsReadTheInputNotEachOther() {
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("age", col("age").plus(1));
        columns.put("old_age", col("age"));

        assertThat(people().filter(col("id").equalTo(1L)).withColumns(columns).select("age", "old_age"))
                .containsExactly(row(37, 36));
    }

    @Test
    void withColumns_sameNameTwiceIgnoringCase_failsWithDuplicateColumn() {
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("x", lit(1L));
        columns.put("X", lit(2L));

        assertQuarryError(ErrorCode.DUPLICATE_COLUMN, () -> people().withColumns(columns))
                .hasMessageContaining("X");
    }

    @Test
    void withColumnRenamed_existing_renamesInPlace() {
        assertThat(people().withColumnRenamed("name", "full_name")
                        .filter(col("id").equalTo(3L)))
                .hasColumns("id", "full_name", "age", "city")
                .containsExactly(row(3L, "Linus", 28, null));
    }

    @Test
    void withColumnRenamed_unknownColumn_failsWithColumnNotFound() {
        assertQuarryError(ErrorCode.COLUMN_NOT_FOUND, () -> people().withColumnRenamed("nmae", "x"))
                .hasMessageContaining("nmae");
    }

    @Test
    void withColumnRenamed_toAnExistingName_failsWithDuplicateColumn() {
        assertQuarryError(ErrorCode.DUPLICATE_COLUMN, () -> people().withColumnRenamed("name", "city"))
                .hasMessageContaining("city");
    }

    @Test
    void drop_columns_keepsTheOthersInOrder() {
        assertThat(people().drop("age", "name"))
                .hasColumns("id", "city")
                .containsExactlyInAnyOrder(row(1L, "London"), row(2L, "New York"), row(3L, null), row(4L, "Rotterdam"));
    }

    @Test
    void drop_unknownColumn_failsWithColumnNotFound() {
        assertQuarryError(ErrorCode.COLUMN_NOT_FOUND, () -> people().drop("nmae"))
                .hasMessageContaining("nmae");
    }

    @Test
    void drop_everyColumn_failsWithInvalidArgument() {
        assertQuarryError(ErrorCode.INVALID_ARGUMENT, () -> people().drop("id", "name", "age", "city"));
    }

    @Test
    void columns_listsTheNamesInOrder() {
        assertThat(people().columns()).containsExactly("id", "name", "age", "city");
    }

    @Test
    void schema_ofRecordFrame_hasTypesAndNullability() {
        assertThat(people().schema().fields())
                .extracting(f -> f.name() + ":" + f.type().simpleString() + (f.nullable() ? "" : " not null"))
                .containsExactly("id:bigint not null", "name:string", "age:int", "city:string");
    }

    @Test
    void withColumn_nameLookingLikeSqlInjection_isJustAColumnName() {
        String name = "x\"; DROP TABLE t; --";

        assertThat(people().select(col("id"))
                        .withColumn(name, lit(1L))
                        .filter(col("id").equalTo(1L)))
                .hasColumns("id", name)
                .containsExactly(row(1L, 1L));
    }
}
