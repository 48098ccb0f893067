package dev.quarry.types;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record of named fields; values are {@link dev.quarry.Row}s.
 *
 * <pre>{@code
 * StructType info = new StructType(List.of(
 *         new StructField("product", DataTypes.STRING),
 *         new StructField("wantsRefund", DataTypes.BOOLEAN)));
 * }</pre>
 *
 * @param fields the fields, in order; names are unique
 */
public record StructType(List<StructField> fields) implements DataType {
    /** Validates the fields and copies the list. */
    public StructType {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        Schema.checkUnique(fields);
    }

    @Override
    public String simpleString() {
        return fields.stream()
                .map(f -> f.name() + ": " + f.type().simpleString())
                .collect(Collectors.joining(", ", "struct<", ">"));
    }

    @Override
    public String toString() {
        return simpleString();
    }

    /**
     * The fields as a {@link Schema}.
     *
     * <pre>{@code Schema s = structType.toSchema();}</pre>
     *
     * @return a schema with the same fields
     */
    public Schema toSchema() {
        return new Schema(fields);
    }
}
