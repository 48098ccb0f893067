package dev.quarry.types;

/**
 * The type of a column. Scalar types are the constants of {@link ScalarType} (also reachable as
 * {@link DataTypes#STRING} and friends); composite types are {@link ArrayType}, {@link StructType},
 * {@link EmbeddingType} and {@link TranscriptType}.
 *
 * <pre>{@code
 * DataType t = DataTypes.arrayOf(DataTypes.STRING);
 * t.simpleString(); // "array<string>"
 * }</pre>
 */
public sealed interface DataType permits ScalarType, ArrayType, StructType, EmbeddingType, TranscriptType {

    /**
     * A short, readable name of the type, as printed in schemas and error messages.
     *
     * <pre>{@code DataTypes.structOf(DataTypes.field("a", DataTypes.LONG)).simpleString(); // "struct<a: bigint>"}</pre>
     *
     * @return the readable type name
     */
    String simpleString();

    /**
     * Whether values of this type are numbers (integer, bigint, float, double).
     *
     * <pre>{@code DataTypes.LONG.isNumeric(); // true}</pre>
     *
     * @return true for the numeric scalar types
     */
    default boolean isNumeric() {
        return this == ScalarType.INTEGER
                || this == ScalarType.LONG
                || this == ScalarType.FLOAT
                || this == ScalarType.DOUBLE;
    }

    /**
     * Whether values of this type are stored as strings: {@code string} and the logical text types
     * (markdown, json, html, transcript, document path).
     *
     * <pre>{@code DataTypes.MARKDOWN.isTextual(); // true}</pre>
     *
     * @return true for string-backed types
     */
    default boolean isTextual() {
        return this == ScalarType.STRING
                || this == ScalarType.MARKDOWN
                || this == ScalarType.JSON
                || this == ScalarType.HTML
                || this == ScalarType.DOCUMENT_PATH
                || this instanceof TranscriptType;
    }
}
