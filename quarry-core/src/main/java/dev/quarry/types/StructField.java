package dev.quarry.types;

import static java.util.Objects.requireNonNull;

/**
 * A named, typed field of a {@link StructType} or a {@link Schema}.
 *
 * <pre>{@code StructField f = new StructField("id", DataTypes.LONG, false);}</pre>
 *
 * @param name the field name, never empty
 * @param type the field type
 * @param nullable whether the field may hold null
 */
public record StructField(String name, DataType type, boolean nullable) {
    /** Validates the field. */
    public StructField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("field name is empty");
        }
    }

    /**
     * A nullable field.
     *
     * <pre>{@code StructField f = new StructField("body", DataTypes.STRING);}</pre>
     *
     * @param name the field name
     * @param type the field type
     */
    public StructField(String name, DataType type) {
        this(name, type, true);
    }

    @Override
    public String toString() {
        return name + ": " + type.simpleString() + (nullable ? "" : " not null");
    }
}
