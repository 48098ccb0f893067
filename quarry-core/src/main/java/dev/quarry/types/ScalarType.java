package dev.quarry.types;

/**
 * The scalar column types. The logical text types ({@link #MARKDOWN}, {@link #JSON}, {@link #HTML},
 * {@link #DOCUMENT_PATH}) are stored as strings but decide which functions apply to a column.
 *
 * <pre>{@code col("price").cast(ScalarType.DOUBLE)}</pre>
 */
public enum ScalarType implements DataType {
    /** UTF-8 text; Java {@code String}. */
    STRING("string"),
    /** 32-bit signed integer; Java {@code Integer}. */
    INTEGER("int"),
    /** 64-bit signed integer; Java {@code Long}. */
    LONG("bigint"),
    /** 32-bit IEEE float; Java {@code Float}. */
    FLOAT("float"),
    /** 64-bit IEEE float; Java {@code Double}. */
    DOUBLE("double"),
    /** True or false; Java {@code Boolean}. */
    BOOLEAN("boolean"),
    /** A calendar date; Java {@code LocalDate}. */
    DATE("date"),
    /** A date and time without time zone, microsecond precision; Java {@code LocalDateTime}. */
    TIMESTAMP("timestamp"),
    /** Markdown text, stored as a string. */
    MARKDOWN("markdown"),
    /** JSON text, stored as a string. */
    JSON("json"),
    /** HTML text, stored as a string. */
    HTML("html"),
    /** A path or URI of a document (PDF, markdown, ...), stored as a string. */
    DOCUMENT_PATH("document_path");

    private final String simpleString;

    ScalarType(String simpleString) {
        this.simpleString = simpleString;
    }

    @Override
    public String simpleString() {
        return simpleString;
    }

    @Override
    public String toString() {
        return simpleString;
    }
}
