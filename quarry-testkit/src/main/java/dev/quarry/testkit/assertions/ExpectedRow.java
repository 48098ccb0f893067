package dev.quarry.testkit.assertions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The values a test expects in one row, by position; written with {@link QuarryAssertions#row}.
 * Values use the Java representations of {@link dev.quarry.Row}: {@code Long} for {@code bigint},
 * {@code Integer} for {@code int}, {@code List} for arrays, a nested {@code ExpectedRow} (or a
 * {@link dev.quarry.Row}) for structs, {@code float[]} for embeddings; nulls are allowed.
 *
 * <pre>{@code
 * assertThat(df).containsExactlyInAnyOrder(row(1L, "a"), row(2L, null));
 * }</pre>
 *
 * @param values the expected values in column order; may hold nulls
 */
public record ExpectedRow(List<Object> values) {
    /** Copies the values (nulls kept) into an unmodifiable list. */
    public ExpectedRow {
        if (values == null) {
            throw new IllegalArgumentException("values is null; write row((Object) null) for a single null value");
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
        for (Object v : values) {
            if (v != null && v.getClass().isArray() && !(v instanceof float[])) {
                throw new IllegalArgumentException("unsupported expected value of type "
                        + v.getClass().getSimpleName()
                        + ": arrays are compared as List (use QuarryAssertions.array(...)); only float[] "
                        + "(embeddings) is compared as an array");
            }
        }
    }

    /**
     * An expected row from values.
     *
     * <pre>{@code ExpectedRow r = ExpectedRow.of(1L, "a");}</pre>
     *
     * @param values the values in column order; a null array is read as one null value
     * @return the expected row
     */
    public static ExpectedRow of(Object... values) {
        if (values == null) {
            return new ExpectedRow(Collections.singletonList(null));
        }
        return new ExpectedRow(Arrays.asList(values));
    }

    /**
     * The number of values.
     *
     * <pre>{@code int n = row(1L, "a").size(); // 2}</pre>
     *
     * @return the number of values
     */
    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpectedRow other && Arrays.deepEquals(values.toArray(), other.values.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values.toArray());
    }

    @Override
    public String toString() {
        return "row" + ValueFormatter.formatValues(values);
    }
}
