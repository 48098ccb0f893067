package dev.quarry.local.io;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.local.sql.Sql;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The CSV reader's options, parsed and checked. Keys ignore case.
 *
 * <ul>
 *   <li>{@code header} (default {@code true}): the first line names the columns;
 *   <li>{@code delimiter} or {@code sep} (default {@code ,});
 *   <li>{@code quote} (default {@code "}), {@code escape} (default {@code "}: a doubled quote);
 *   <li>{@code nullValue}: the text that stands for null (default: an empty field);
 *   <li>{@code mode}: {@code FAILFAST} (default) fails on the first malformed line, naming file and
 *       line; {@code PERMISSIVE} nulls fields that do not parse as their column's type and pads
 *       short lines with nulls; {@code DROPMALFORMED} skips malformed lines;
 *   <li>{@code dateFormat}, {@code timestampFormat}: a Java pattern ({@code dd/MM/yyyy}) or a
 *       strftime one ({@code %d/%m/%Y}); detected from the data when absent;
 *   <li>{@code comment}: lines starting with this character are skipped;
 *   <li>{@code sampleSize} (or {@code sample_size}): rows sampled to detect the column types
 *       (default 20480; -1 reads the whole file).
 * </ul>
 *
 * @param header whether the first line holds the column names
 * @param delimiter the field separator
 * @param quote the quote character
 * @param escape the escape character
 * @param nullValue the null marker, or null for an empty field
 * @param mode what to do with malformed lines
 * @param dateFormat the strftime date format, or null to detect
 * @param timestampFormat the strftime timestamp format, or null to detect
 * @param comment the comment character, or null
 * @param sampleSize rows sampled for type detection, or null for DuckDB's default
 */
public record CsvOptions(
        boolean header,
        String delimiter,
        String quote,
        String escape,
        String nullValue,
        Mode mode,
        String dateFormat,
        String timestampFormat,
        String comment,
        Long sampleSize) {

    /** What to do with malformed lines. */
    public enum Mode {
        /** Fail on the first malformed line (the default). */
        FAILFAST,
        /** Null fields that do not parse and pad short lines. */
        PERMISSIVE,
        /** Skip malformed lines. */
        DROPMALFORMED
    }

    static final Set<String> KNOWN = Set.of(
            "header",
            "delimiter",
            "sep",
            "quote",
            "escape",
            "nullValue",
            "mode",
            "dateFormat",
            "timestampFormat",
            "comment",
            "sampleSize",
            "sample_size");

    /**
     * Parses reader options.
     *
     * <pre>{@code CsvOptions o = CsvOptions.parse(Map.of("header", "true", "sep", ";"));}</pre>
     *
     * @param raw the options
     * @return the parsed options
     * @throws QuarryException INVALID_ARGUMENT for an unknown option or a bad value
     */
    public static CsvOptions parse(Map<String, String> raw) {
        Options o = Options.of(raw, new java.util.TreeSet<>(KNOWN), "CSV reader");
        String delimiter = Options.character(o.get("delimiter", o.get("sep", ",")));
        if (delimiter.isEmpty()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "CSV option 'delimiter' must not be empty");
        }
        String modeText = o.get("mode", "FAILFAST").trim().toUpperCase(Locale.ROOT);
        Mode mode;
        try {
            mode = Mode.valueOf(modeText);
        } catch (IllegalArgumentException e) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "CSV option 'mode' must be FAILFAST, PERMISSIVE or DROPMALFORMED, was '" + o.get("mode") + "'");
        }
        String dateFormat = o.get("dateFormat");
        String timestampFormat = o.get("timestampFormat");
        return new CsvOptions(
                o.flag("header", true, "CSV"),
                delimiter,
                Options.character(o.get("quote", "\"")),
                Options.character(o.get("escape", "\"")),
                o.get("nullValue"),
                mode,
                dateFormat == null ? null : DateFormats.toStrftime(dateFormat),
                timestampFormat == null ? null : DateFormats.toStrftime(timestampFormat),
                o.get("comment"),
                sampleSize(o.first("sampleSize", "sample_size")));
    }

    private static Long sampleSize(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "CSV option 'sampleSize' must be a whole number, was '" + text + "'");
        }
    }

    /**
     * The sampling argument for type detection, starting with a comma, or empty.
     *
     * <pre>{@code options.samplingSql() // , sample_size=1000}</pre>
     *
     * @return SQL text
     */
    public String samplingSql() {
        return sampleSize == null ? "" : ", sample_size=" + sampleSize;
    }

    /**
     * The dialect arguments of {@code read_csv} and {@code sniff_csv}, starting with a comma.
     *
     * <pre>{@code options.dialectSql() // , header=true, delim=',', quote='"', escape='"'}</pre>
     *
     * @return SQL text
     */
    public String dialectSql() {
        StringJoiner j = new StringJoiner(", ", ", ", "");
        j.add("header=" + header);
        j.add("delim=" + Sql.string(delimiter));
        j.add("quote=" + Sql.string(quote));
        j.add("escape=" + Sql.string(escape));
        if (nullValue != null) {
            j.add("nullstr=" + Sql.string(nullValue));
        }
        if (comment != null) {
            j.add("comment=" + Sql.string(comment));
        }
        return j.toString();
    }
}
