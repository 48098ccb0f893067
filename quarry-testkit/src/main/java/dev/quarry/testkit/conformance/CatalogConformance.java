package dev.quarry.testkit.conformance;

import static dev.quarry.functions.Functions.col;
import static dev.quarry.testkit.assertions.QuarryAssertions.assertThat;
import static dev.quarry.testkit.assertions.QuarryAssertions.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.SaveMode;
import dev.quarry.TableInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session catalog: {@code saveAsTable} with every save mode, {@code session.table}, list,
 * describe and drop, and {@code saveAsView}, which stores the query rather than its rows. The
 * catalog lives in the session's data directory and outlives the session.
 */
public abstract class CatalogConformance extends ConformanceSuite {

    private DataFrame person(long id) {
        return people().filter(col("id").equalTo(id));
    }

    private List<String> tableIds(String table) {
        return session.table(table).select("id").collectAsList().stream()
                .map(r -> String.valueOf(r.getLong("id")))
                .sorted()
                .toList();
    }

    @Test
    void saveAsTable_newName_storesRowsWithTheirTypes() {
        people().write().saveAsTable("people");

        assertThat(session.table("people"))
                .hasColumns("id", "name", "age", "city")
                .containsExactlyInAnyOrder(
                        row(1L, "Ada", 36, "London"),
                        row(2L, "Grace", null, "New York"),
                        row(3L, "Linus", 28, null),
                        row(4L, "Edsger", 72, "Rotterdam"));
    }

    @Test
    void saveAsTable_existingNameInDefaultMode_failsAndKeepsTheRows() {
        person(1).write().saveAsTable("t");

        assertQuarryError(
                        ErrorCode.TABLE_ALREADY_EXISTS, () -> person(2).write().saveAsTable("t"))
                .hasMessageContaining("t");
        assertThat(tableIds("t")).containsExactly("1");
    }

    @Test
    void saveAsTable_existingNameInOverwriteMode_replacesTheRows() {
        person(1).write().saveAsTable("t");

        person(2).write().mode(SaveMode.OVERWRITE).saveAsTable("t");

        assertThat(tableIds("t")).containsExactly("2");
    }

    @Test
    void saveAsTable_overwriteWithOtherColumns_replacesTheSchema() {
        person(1).write().saveAsTable("t");

        orders().write().mode(SaveMode.OVERWRITE).saveAsTable("t");

        assertThat(session.table("t"))
                .hasColumns("orderId", "customerId", "amount")
                .hasRowCount(5);
    }

    @Test
    void saveAsTable_existingNameInAppendMode_addsTheRows() {
        person(1).write().saveAsTable("t");

        person(2).write().mode(SaveMode.APPEND).saveAsTable("t");

        assertThat(tableIds("t")).containsExactly("1", "2");
    }

    @Test
    void saveAsTable_appendWithOtherColumns_failsAndKeepsTheRows() {
        person(1).write().saveAsTable("t");

        assertThatThrownBy(() -> orders().write().mode(SaveMode.APPEND).saveAsTable("t"))
                .isInstanceOf(QuarryException.class);
        assertThat(tableIds("t")).containsExactly("1");
    }

    @Test
    void saveAsTable_existingNameInIgnoreMode_keepsTheRows() {
        person(1).write().saveAsTable("t");

        person(2).write().mode(SaveMode.IGNORE).saveAsTable("t");

        assertThat(tableIds("t")).containsExactly("1");
    }

    @Test
    void saveAsTable_nameWithSpacesAndQuotes_isJustAName() {
        String name = "odd \"name\"; DROP TABLE t; --";
        person(1).write().saveAsTable("t");

        person(2).write().saveAsTable(name);

        assertThat(tableIds(name)).containsExactly("2");
        assertThat(tableIds("t")).containsExactly("1");
    }

    @Test
    void table_frameCreatedBeforeAppend_readsTheRowsAtRunTime() {
        person(1).write().saveAsTable("t");
        DataFrame t = session.table("t");

        person(2).write().mode(SaveMode.APPEND).saveAsTable("t");

        assertThat(t.count()).isEqualTo(2);
    }

    @Test
    void listTables_showsTablesAndViewsByNameWithTheirKind() {
        people().write().saveAsTable("b_table");
        people().filter(col("age").gt(30)).write().saveAsView("a_view");

        assertThat(session.catalog().listTables())
                .extracting(TableInfo::name, TableInfo::isView)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a_view", true),
                        org.assertj.core.groups.Tuple.tuple("b_table", false));
    }

    @Test
    void listTables_emptyCatalog_isEmpty() {
        assertThat(session.catalog().listTables()).isEmpty();
    }

    @Test
    void describe_table_givesItsColumnsAndTypes() {
        people().write().saveAsTable("people");

        assertThat(session.catalog().describe("people").fields())
                .extracting(f -> f.name() + ":" + f.type().simpleString())
                .containsExactly("id:bigint", "name:string", "age:int", "city:string");
    }

    @Test
    void describe_unknownName_failsWithTableNotFound() {
        assertQuarryError(ErrorCode.TABLE_NOT_FOUND, () -> session.catalog().describe("nope"))
                .hasMessageContaining("nope");
    }

    @Test
    void tableExists_isTrueOnlyForExistingNames() {
        people().write().saveAsTable("people");

        assertThat(session.catalog().tableExists("people")).isTrue();
        assertThat(session.catalog().tableExists("PEOPLE")).isTrue();
        assertThat(session.catalog().tableExists("nope")).isFalse();
    }

    @Test
    void dropTable_existing_removesIt() {
        people().write().saveAsTable("people");

        assertThat(session.catalog().dropTable("people")).isTrue();

        assertQuarryError(ErrorCode.TABLE_NOT_FOUND, () -> session.table("people"));
    }

    @Test
    void dropTable_unknownName_returnsFalse() {
        assertThat(session.catalog().dropTable("nope")).isFalse();
    }

    @Test
    void dropTable_onAView_failsWithInvalidArgument() {
        people().write().saveAsView("v");

        assertQuarryError(ErrorCode.INVALID_ARGUMENT, () -> session.catalog().dropTable("v"))
                .hasMessageContaining("dropView");
    }

    @Test
    void saveAsView_readsTheCurrentRowsOfItsSourceAtEachRead() {
        people().write().saveAsTable("people");
        session.table("people").filter(col("age").gt(30)).write().saveAsView("seniors");
        assertThat(session.table("seniors").select("name")).containsExactlyInAnyOrder(row("Ada"), row("Edsger"));

        person(4).write().mode(SaveMode.OVERWRITE).saveAsTable("people");

        assertThat(session.table("seniors").select("name")).containsExactly(row("Edsger"));
    }

    @Test
    void saveAsView_overInMemoryRows_isReadable() {
        people().filter(col("city").isNull()).select("name").write().saveAsView("no_city");

        assertThat(session.table("no_city")).containsExactly(row("Linus"));
    }

    @Test
    void saveAsView_existingNameInDefaultMode_failsWithTableAlreadyExists() {
        people().write().saveAsView("v");

        assertQuarryError(ErrorCode.TABLE_ALREADY_EXISTS, () -> orders().write().saveAsView("v"));
    }

    @Test
    void saveAsView_existingNameInOverwriteMode_replacesTheQuery() {
        people().write().saveAsView("v");

        orders().write().mode(SaveMode.OVERWRITE).saveAsView("v");

        assertThat(session.table("v"))
                .hasColumns("orderId", "customerId", "amount")
                .hasRowCount(5);
    }

    @Test
    void dropView_existing_removesIt() {
        people().write().saveAsView("v");

        assertThat(session.catalog().dropView("v")).isTrue();

        assertThat(session.catalog().tableExists("v")).isFalse();
    }

    @Test
    void catalog_reopenedOnTheSameDataDirectory_keepsTablesAndViews() {
        people().write().saveAsTable("people");
        session.table("people").filter(col("age").gt(30)).write().saveAsView("seniors");
        session.close();

        session = newSession(dataDir());

        assertThat(session.table("people")).hasRowCount(4);
        assertThat(session.table("seniors").select("name")).containsExactlyInAnyOrder(row("Ada"), row("Edsger"));
    }
}
