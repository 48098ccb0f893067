package dev.quarry.testkit.assertions;

import static java.util.Objects.requireNonNull;

import dev.quarry.DataFrame;
import dev.quarry.QueryResult;
import dev.quarry.Row;
import dev.quarry.types.Schema;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Entry points for assertions on DataFrames, in the style of Trino's {@code QueryAssertions}.
 *
 * <pre>{@code
 * import static dev.quarry.testkit.assertions.QuarryAssertions.*;
 *
 * assertThat(df).containsExactlyInAnyOrder(row(1L, "a"), row(2L, null));
 * assertThat(df.orderBy(col("id"))).containsExactly(row(1L, array("x", null)), row(2L, array()));
 * }</pre>
 */
public final class QuarryAssertions {
    private QuarryAssertions() {}

    /**
     * Assertions on a DataFrame. Schema checks read {@link DataFrame#schema()} and run nothing; row
     * checks run the query once, on first use.
     *
     * <pre>{@code assertThat(df.filter(col("age").gt(30))).hasColumns("id", "name").hasRowCount(2);}</pre>
     *
     * @param frame the DataFrame
     * @return the assertion
     */
    public static DataFrameAssert assertThat(DataFrame frame) {
        requireNonNull(frame, "frame is null");
        return new DataFrameAssert(frame::schema, frame::collectAsList);
    }

    /**
     * Assertions on a collected result: its schema and rows.
     *
     * <pre>{@code assertThat(df.collect()).hasRowCount(3);}</pre>
     *
     * @param result the result
     * @return the assertion
     */
    public static DataFrameAssert assertThat(QueryResult result) {
        requireNonNull(result, "result is null");
        return new DataFrameAssert(result::schema, result::rows);
    }

    /**
     * Assertions on rows already collected, with the schema that names their columns.
     *
     * <pre>{@code assertThatRows(result.schema(), result.rows()).hasRowCount(3);}</pre>
     *
     * @param schema the columns of the rows
     * @param rows the rows
     * @return the assertion
     */
    public static DataFrameAssert assertThatRows(Schema schema, List<Row> rows) {
        requireNonNull(schema, "schema is null");
        requireNonNull(rows, "rows is null");
        return new DataFrameAssert(() -> schema, () -> rows);
    }

    /**
     * The values expected in one row, in column order; nulls allowed. A nested {@code row(...)} is
     * an expected struct, {@link #array} an expected array.
     *
     * <pre>{@code row(1L, "a", row("nested", 2L), array("x", "y"))}</pre>
     *
     * @param values the values
     * @return the expected row
     */
    public static ExpectedRow row(Object... values) {
        return ExpectedRow.of(values);
    }

    /**
     * An expected array value; unlike {@code List.of} it accepts null elements.
     *
     * <pre>{@code row(1L, array("x", null))}</pre>
     *
     * @param elements the elements
     * @return an unmodifiable list
     */
    public static List<Object> array(Object... elements) {
        if (elements == null) {
            return Collections.singletonList(null);
        }
        return Collections.unmodifiableList(Arrays.asList(elements.clone()));
    }
}
