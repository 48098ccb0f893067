package dev.quarry.testkit.assertions;

import static java.util.Objects.requireNonNull;

import dev.quarry.Row;
import dev.quarry.types.DataType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on the rows and schema of a DataFrame (or of rows already collected), reading like
 * the API: {@code assertThat(df).hasColumns("id", "name").containsExactlyInAnyOrder(row(1L, "a"))}.
 *
 * <p>Schema assertions read the DataFrame's schema and run nothing. Row assertions run the query
 * once, on first use, and reuse the rows for every later assertion on the same object.
 *
 * <p>Values compare exactly: the Java types must match ({@code 1L} is a {@code Long}, {@code 1} an
 * {@code Integer}), floating-point values must be identical, strings are case-sensitive; structs,
 * arrays and embeddings ({@code float[]}) compare element by element. Two relaxations exist, each
 * asked for explicitly: {@link #ignoringIntegerWidth()} and {@link #usingTolerance(double)}.
 *
 * <p>A failure throws an {@link AssertionError} whose message shows the expected and the actual
 * rows as tables, the missing and unexpected rows, and a hint when values differ only in their
 * Java type; IDEs can show the two tables side by side.
 *
 * <pre>{@code
 * assertThat(people.filter(col("age").gt(lit(30))))
 *         .hasColumns("id", "name", "age")
 *         .containsExactlyInAnyOrder(row(1L, "Ada", 36L), row(3L, "Grace", null));
 * }</pre>
 */
public final class DataFrameAssert {
    private final Supplier<Schema> schemaSupplier;
    private final Supplier<List<Row>> rowsSupplier;
    private Schema schema;
    private List<Row> rows;
    private ValueComparator comparator = ValueComparator.EXACT;
    private String description;

    DataFrameAssert(Supplier<Schema> schema, Supplier<List<Row>> rows) {
        this.schemaSupplier = requireNonNull(schema, "schema is null");
        this.rowsSupplier = requireNonNull(rows, "rows is null");
    }

    /**
     * Names what is being checked; the text starts every failure message.
     *
     * <pre>{@code assertThat(df).as("orders after the left join").hasRowCount(4);}</pre>
     *
     * @param description what the checked frame is
     * @return this assertion
     */
    public DataFrameAssert as(String description) {
        this.description = requireNonNull(description, "description is null");
        return this;
    }

    /**
     * Lets {@code Integer} and {@code Long} values of the same number match. Use it only where the
     * integer width is engine-defined, e.g. columns whose type a backend infers from a CSV or JSON
     * file; everywhere else the width is part of the contract and is checked.
     *
     * <pre>{@code assertThat(session.read().csv(path)).ignoringIntegerWidth().containsExactly(row(1L, "a"));}</pre>
     *
     * @return this assertion
     */
    public DataFrameAssert ignoringIntegerWidth() {
        comparator = comparator.withIgnoredIntegerWidth();
        return this;
    }

    /**
     * Lets {@code Float} and {@code Double} values (embeddings included) match within an absolute
     * difference, for results such as {@code stddev} whose last bits depend on the order of
     * summation. The Java types must still match.
     *
     * <pre>{@code assertThat(df.agg(stddev(col("x")))).usingTolerance(1e-9).containsExactly(row(1.5811388300841898));}</pre>
     *
     * @param epsilon the largest absolute difference accepted, finite and {@code >= 0}
     * @return this assertion
     */
    public DataFrameAssert usingTolerance(double epsilon) {
        comparator = comparator.withTolerance(epsilon);
        return this;
    }

    /**
     * Checks the column names, in order and with their exact case. Runs nothing.
     *
     * <pre>{@code assertThat(df).hasColumns("id", "name");}</pre>
     *
     * @param names the expected column names in order
     * @return this assertion
     */
    public DataFrameAssert hasColumns(String... names) {
        List<String> expected = Arrays.asList(requireNonNull(names, "names is null"));
        List<String> actual = schema().names();
        if (!expected.equals(actual)) {
            throw failure(
                    "Expecting columns " + expected + " but found " + actual + "; schema:\n" + schema().treeString(),
                    String.join("\n", expected),
                    String.join("\n", actual));
        }
        return this;
    }

    /**
     * Checks the schema: names (exact case), types and nullability, in order. Runs nothing.
     *
     * <pre>{@code
     * assertThat(df).hasSchema(Schema.of(
     *         new StructField("id", DataTypes.LONG, false), DataTypes.field("name", DataTypes.STRING)));
     * }</pre>
     *
     * @param expected the expected schema
     * @return this assertion
     */
    public DataFrameAssert hasSchema(Schema expected) {
        requireNonNull(expected, "expected is null");
        Schema actual = schema();
        if (!sameFields(expected, actual)) {
            throw failure(
                    "Expecting schema\n" + expected.treeString() + "but found\n" + actual.treeString(),
                    expected.treeString(),
                    actual.treeString());
        }
        return this;
    }

    /**
     * Checks the type of one column. Runs nothing.
     *
     * <pre>{@code assertThat(df.agg(count(col("id")).as("n"))).hasColumnType("n", DataTypes.LONG);}</pre>
     *
     * @param column the column name (exact case)
     * @param type the expected type
     * @return this assertion
     */
    public DataFrameAssert hasColumnType(String column, DataType type) {
        requireNonNull(column, "column is null");
        requireNonNull(type, "type is null");
        Schema actual = schema();
        Optional<StructField> field =
                actual.fields().stream().filter(f -> f.name().equals(column)).findFirst();
        if (field.isEmpty()) {
            throw failure("Expecting a column '" + column + "' of type " + type.simpleString()
                    + " but there is no such column; schema:\n" + actual.treeString());
        }
        if (!field.get().type().equals(type)) {
            throw failure(
                    "Expecting column '" + column + "' to be of type " + type.simpleString() + " but it is "
                            + field.get().type().simpleString() + "; schema:\n" + actual.treeString(),
                    type.simpleString(),
                    field.get().type().simpleString());
        }
        return this;
    }

    /**
     * Checks that the frame has no rows.
     *
     * <pre>{@code assertThat(df.filter(lit(false))).isEmpty();}</pre>
     *
     * @return this assertion
     */
    public DataFrameAssert isEmpty() {
        List<Row> actual = rows();
        if (!actual.isEmpty()) {
            throw failure("Expecting no rows but found " + count(actual.size()) + ":\n" + table(actualCells(actual)));
        }
        return this;
    }

    /**
     * Checks that the frame has at least one row.
     *
     * <pre>{@code assertThat(df).isNotEmpty();}</pre>
     *
     * @return this assertion
     */
    public DataFrameAssert isNotEmpty() {
        if (rows().isEmpty()) {
            throw failure("Expecting at least one row but found none; columns: " + schema().names());
        }
        return this;
    }

    /**
     * Checks the number of rows.
     *
     * <pre>{@code assertThat(df).hasRowCount(3);}</pre>
     *
     * @param expected the expected number of rows
     * @return this assertion
     */
    public DataFrameAssert hasRowCount(long expected) {
        List<Row> actual = rows();
        if (actual.size() != expected) {
            throw failure(
                    "Expecting " + count(expected) + " but found " + actual.size() + ":\n" + table(actualCells(actual)),
                    String.valueOf(expected),
                    String.valueOf(actual.size()));
        }
        return this;
    }

    /**
     * Checks that the frame holds exactly these rows, each as often as listed, in any order.
     *
     * <pre>{@code assertThat(df).containsExactlyInAnyOrder(row(1L, "a"), row(2L, null));}</pre>
     *
     * @param expected the expected rows
     * @return this assertion
     */
    public DataFrameAssert containsExactlyInAnyOrder(ExpectedRow... expected) {
        return containsExactlyInAnyOrder(Arrays.asList(requireNonNull(expected, "expected is null")));
    }

    /**
     * Checks that the frame holds exactly these rows, each as often as listed, in any order.
     *
     * <pre>{@code assertThat(df).containsExactlyInAnyOrder(List.of(row(1L, "a"), row(2L, "b")));}</pre>
     *
     * @param expected the expected rows
     * @return this assertion
     */
    public DataFrameAssert containsExactlyInAnyOrder(List<ExpectedRow> expected) {
        checkArity(expected);
        List<Row> actual = rows();
        Matching m = match(expected, actual);
        if (!m.missing.isEmpty() || !m.unexpected.isEmpty()) {
            StringBuilder msg = new StringBuilder();
            msg.append("Expecting exactly these ")
                    .append(count(expected.size()))
                    .append(", in any order:\n")
                    .append(table(expectedCells(expected)))
                    .append("but found ")
                    .append(count(actual.size()))
                    .append(":\n")
                    .append(table(actualCells(actual)));
            appendDifferences(msg, m);
            throw failure(msg.toString(), sortedText(expectedCells(expected)), sortedText(actualCells(actual)));
        }
        return this;
    }

    /**
     * Checks that the frame holds exactly these rows in exactly this order (for sorted frames).
     *
     * <pre>{@code assertThat(df.orderBy(col("id").desc())).containsExactly(row(2L), row(1L));}</pre>
     *
     * @param expected the expected rows, in order
     * @return this assertion
     */
    public DataFrameAssert containsExactly(ExpectedRow... expected) {
        return containsExactly(Arrays.asList(requireNonNull(expected, "expected is null")));
    }

    /**
     * Checks that the frame holds exactly these rows in exactly this order (for sorted frames).
     *
     * <pre>{@code assertThat(df.orderBy(col("id"))).containsExactly(List.of(row(1L), row(2L)));}</pre>
     *
     * @param expected the expected rows, in order
     * @return this assertion
     */
    public DataFrameAssert containsExactly(List<ExpectedRow> expected) {
        checkArity(expected);
        List<Row> actual = rows();
        int n = Math.max(expected.size(), actual.size());
        List<Boolean> marked = new ArrayList<>();
        int firstDifference = -1;
        for (int i = 0; i < n; i++) {
            boolean same =
                    i < expected.size() && i < actual.size() && comparator.rowMatches(expected.get(i), actual.get(i));
            if (i < actual.size()) {
                marked.add(!same);
            }
            if (!same && firstDifference < 0) {
                firstDifference = i;
            }
        }
        if (firstDifference >= 0) {
            StringBuilder msg = new StringBuilder();
            msg.append("Expecting exactly these ")
                    .append(count(expected.size()))
                    .append(", in this order:\n")
                    .append(table(expectedCells(expected)))
                    .append("but found ")
                    .append(count(actual.size()))
                    .append(" (> marks rows that differ):\n")
                    .append(TableRenderer.render(header(), actualCells(actual), marked));
            msg.append("first difference at row ").append(firstDifference + 1).append(": ");
            if (firstDifference >= actual.size()) {
                msg.append("expected ")
                        .append(expected.get(firstDifference))
                        .append(" but there are only ")
                        .append(count(actual.size()));
            } else if (firstDifference >= expected.size()) {
                msg.append("unexpected extra row ")
                        .append(ValueFormatter.formatValues(
                                actual.get(firstDifference).values()));
            } else {
                msg.append(columnDifference(expected.get(firstDifference), actual.get(firstDifference)));
            }
            msg.append('\n');
            Matching m = match(expected, actual);
            if (m.missing.isEmpty() && m.unexpected.isEmpty()) {
                msg.append("the same rows are all there, in a different order\n");
            } else {
                appendDifferences(msg, m);
            }
            throw failure(msg.toString(), text(expectedCells(expected)), text(actualCells(actual)));
        }
        return this;
    }

    /**
     * Checks that the frame holds at least these rows (each as often as listed), maybe among others.
     *
     * <pre>{@code assertThat(df).contains(row(1L, "a"));}</pre>
     *
     * @param expected rows that must be present
     * @return this assertion
     */
    public DataFrameAssert contains(ExpectedRow... expected) {
        List<ExpectedRow> list = Arrays.asList(requireNonNull(expected, "expected is null"));
        checkArity(list);
        List<Row> actual = rows();
        Matching m = match(list, actual);
        if (!m.missing.isEmpty()) {
            StringBuilder msg = new StringBuilder();
            msg.append("Expecting to contain these ")
                    .append(count(list.size()))
                    .append(":\n")
                    .append(table(expectedCells(list)))
                    .append("but found ")
                    .append(count(actual.size()))
                    .append(":\n")
                    .append(table(actualCells(actual)))
                    .append("missing (")
                    .append(m.missing.size())
                    .append("):\n")
                    .append(table(expectedCells(m.missing)));
            appendHints(msg, m);
            throw failure(msg.toString());
        }
        return this;
    }

    /**
     * The collected rows, for checks these assertions do not cover (runs the query if it has not
     * run yet).
     *
     * <pre>{@code double sd = assertThat(df).hasRowCount(1).rows().get(0).getDouble("sd");}</pre>
     *
     * @return the rows, unmodifiable
     */
    public List<Row> rows() {
        if (rows == null) {
            List<Row> collected = requireNonNull(rowsSupplier.get(), "the frame returned null rows");
            List<String> names = schema().names();
            for (int i = 0; i < collected.size(); i++) {
                Row r = collected.get(i);
                if (!r.schema().names().equals(names)) {
                    throw failure("Row " + (i + 1) + " has columns "
                            + r.schema().names()
                            + " but the DataFrame's schema has " + names + "; the backend returned rows that do not "
                            + "match the plan's schema");
                }
            }
            rows = Collections.unmodifiableList(new ArrayList<>(collected));
        }
        return rows;
    }

    private Schema schema() {
        if (schema == null) {
            schema = requireNonNull(schemaSupplier.get(), "the frame returned a null schema");
        }
        return schema;
    }

    private static boolean sameFields(Schema expected, Schema actual) {
        return expected.fields().equals(actual.fields());
    }

    private void checkArity(List<ExpectedRow> expected) {
        requireNonNull(expected, "expected is null");
        int columns = schema().size();
        for (int i = 0; i < expected.size(); i++) {
            ExpectedRow e = requireNonNull(expected.get(i), "expected row " + (i + 1) + " is null");
            if (e.size() != columns) {
                throw failure("Expected row " + (i + 1) + " " + e + " has " + e.size()
                        + " values but the DataFrame has " + columns + " columns: " + schema().names());
            }
        }
    }

    private record Matching(List<ExpectedRow> missing, List<Row> unexpected) {}

    private Matching match(List<ExpectedRow> expected, List<Row> actual) {
        boolean[] used = new boolean[actual.size()];
        List<ExpectedRow> missing = new ArrayList<>();
        for (ExpectedRow e : expected) {
            boolean found = false;
            for (int i = 0; i < actual.size() && !found; i++) {
                if (!used[i] && comparator.rowMatches(e, actual.get(i))) {
                    used[i] = true;
                    found = true;
                }
            }
            if (!found) {
                missing.add(e);
            }
        }
        List<Row> unexpected = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            if (!used[i]) {
                unexpected.add(actual.get(i));
            }
        }
        return new Matching(missing, unexpected);
    }

    private void appendDifferences(StringBuilder msg, Matching m) {
        if (!m.missing.isEmpty()) {
            msg.append("missing (").append(m.missing.size()).append("):\n").append(table(expectedCells(m.missing)));
        }
        if (!m.unexpected.isEmpty()) {
            msg.append("unexpected (")
                    .append(m.unexpected.size())
                    .append("):\n")
                    .append(table(actualCells(m.unexpected)));
        }
        appendHints(msg, m);
    }

    private void appendHints(StringBuilder msg, Matching m) {
        for (ExpectedRow e : m.missing) {
            for (Row a : m.unexpected) {
                String hint = ValueComparator.numericTypeHint(e, a);
                if (hint != null) {
                    msg.append("hint: the values are equal but their Java types differ, ")
                            .append(hint);
                    if (!comparator.ignoresIntegerWidth()) {
                        msg.append(" (write the literal with the column's type; ignoringIntegerWidth() exists "
                                + "only for engine-defined integer widths)");
                    }
                    msg.append('\n');
                    return;
                }
            }
        }
    }

    private String columnDifference(ExpectedRow expected, Row actual) {
        List<String> names = actual.schema().names();
        List<String> diffs = new ArrayList<>();
        for (int c = 0; c < expected.size(); c++) {
            Object e = expected.values().get(c);
            Object a = actual.values().get(c);
            if (!comparator.valueMatches(e, a)) {
                diffs.add("column '" + names.get(c) + "' expected " + ValueFormatter.describe(e) + " but was "
                        + ValueFormatter.describe(a));
            }
        }
        return String.join("; ", diffs);
    }

    private List<String> header() {
        return schema().names();
    }

    private String table(List<List<String>> cells) {
        return TableRenderer.render(header(), cells, null);
    }

    private static List<List<String>> expectedCells(List<ExpectedRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (ExpectedRow r : rows) {
            cells.add(cellsOf(r.values()));
        }
        return cells;
    }

    private static List<List<String>> actualCells(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(cellsOf(r.values()));
        }
        return cells;
    }

    private static List<String> cellsOf(List<Object> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (Object v : values) {
            cells.add(ValueFormatter.format(v));
        }
        return cells;
    }

    /** One row per line, for an IDE's side-by-side comparison. */
    private static String text(List<List<String>> cells) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : cells) {
            lines.add(String.join(", ", row));
        }
        return String.join("\n", lines);
    }

    private static String sortedText(List<List<String>> cells) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : cells) {
            lines.add(String.join(", ", row));
        }
        Collections.sort(lines);
        return String.join("\n", lines);
    }

    private static String count(long n) {
        return n + (n == 1 ? " row" : " rows");
    }

    private AssertionError failure(String message) {
        return new AssertionError(prefix() + message);
    }

    private AssertionError failure(String message, String expected, String actual) {
        return new AssertionFailedError(prefix() + message, expected, actual);
    }

    private String prefix() {
        return description == null ? "" : "[" + description + "] ";
    }
}
