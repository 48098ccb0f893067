package dev.quarry.types;

import java.util.Arrays;
import java.util.List;

/**
 * Constants and factories for every {@link DataType}, for use with {@code cast} and schemas.
 *
 * <pre>{@code
 * import static dev.quarry.types.DataTypes.*;
 * col("amount").cast(DOUBLE);
 * DataType tags = arrayOf(STRING);
 * }</pre>
 */
public final class DataTypes {
    /** Text. */
    public static final ScalarType STRING = ScalarType.STRING;
    /** 32-bit integer. */
    public static final ScalarType INTEGER = ScalarType.INTEGER;
    /** 64-bit integer. */
    public static final ScalarType LONG = ScalarType.LONG;
    /** 32-bit float. */
    public static final ScalarType FLOAT = ScalarType.FLOAT;
    /** 64-bit float. */
    public static final ScalarType DOUBLE = ScalarType.DOUBLE;
    /** Boolean. */
    public static final ScalarType BOOLEAN = ScalarType.BOOLEAN;
    /** Calendar date. */
    public static final ScalarType DATE = ScalarType.DATE;
    /** Date and time without zone. */
    public static final ScalarType TIMESTAMP = ScalarType.TIMESTAMP;
    /** Markdown text. */
    public static final ScalarType MARKDOWN = ScalarType.MARKDOWN;
    /** JSON text. */
    public static final ScalarType JSON = ScalarType.JSON;
    /** HTML text. */
    public static final ScalarType HTML = ScalarType.HTML;
    /** Path or URI of a document. */
    public static final ScalarType DOCUMENT_PATH = ScalarType.DOCUMENT_PATH;

    private DataTypes() {}

    /**
     * An array type.
     *
     * <pre>{@code DataTypes.arrayOf(DataTypes.STRING) // array<string>}</pre>
     *
     * @param elementType the element type
     * @return the array type
     */
    public static ArrayType arrayOf(DataType elementType) {
        return new ArrayType(elementType);
    }

    /**
     * A struct type from fields.
     *
     * <pre>{@code DataTypes.structOf(DataTypes.field("a", DataTypes.LONG), DataTypes.field("b", DataTypes.STRING))}</pre>
     *
     * @param fields the fields, in order
     * @return the struct type
     */
    public static StructType structOf(StructField... fields) {
        return new StructType(Arrays.asList(fields));
    }

    /**
     * A struct type from a list of fields.
     *
     * <pre>{@code DataTypes.structOf(List.of(DataTypes.field("a", DataTypes.LONG)))}</pre>
     *
     * @param fields the fields, in order
     * @return the struct type
     */
    public static StructType structOf(List<StructField> fields) {
        return new StructType(fields);
    }

    /**
     * A nullable field.
     *
     * <pre>{@code DataTypes.field("id", DataTypes.LONG)}</pre>
     *
     * @param name the field name
     * @param type the field type
     * @return the field
     */
    public static StructField field(String name, DataType type) {
        return new StructField(name, type, true);
    }

    /**
     * An embedding type.
     *
     * <pre>{@code DataTypes.embedding(384, "mini") // embedding<384, mini>}</pre>
     *
     * @param dimensions the vector length
     * @param model the alias of the embedding model
     * @return the embedding type
     */
    public static EmbeddingType embedding(int dimensions, String model) {
        return new EmbeddingType(dimensions, model);
    }

    /**
     * A transcript type.
     *
     * <pre>{@code DataTypes.transcript("srt") // transcript<srt>}</pre>
     *
     * @param format the transcript format
     * @return the transcript type
     */
    public static TranscriptType transcript(String format) {
        return new TranscriptType(format);
    }
}
