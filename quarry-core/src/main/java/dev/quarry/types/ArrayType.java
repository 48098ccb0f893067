package dev.quarry.types;

import static java.util.Objects.requireNonNull;

/**
 * A variable-length list of values of one element type; Java {@code List}.
 *
 * <pre>{@code DataType tags = new ArrayType(DataTypes.STRING); // array<string>}</pre>
 *
 * @param elementType the type of every element
 */
public record ArrayType(DataType elementType) implements DataType {
    /** Validates the element type. */
    public ArrayType {
        requireNonNull(elementType, "elementType is null");
    }

    @Override
    public String simpleString() {
        return "array<" + elementType.simpleString() + ">";
    }

    @Override
    public String toString() {
        return simpleString();
    }
}
