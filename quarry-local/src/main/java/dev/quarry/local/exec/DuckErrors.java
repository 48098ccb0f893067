package dev.quarry.local.exec;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB's {@link SQLException}s into {@link QuarryException}s whose message says what went
 * wrong, with which file, line or value, and what to do. No raw {@code SQLException} leaves the
 * backend; the original is kept as the cause.
 *
 * <ul>
 *   <li>no file matches a path → {@code FILE_NOT_FOUND} naming the path;
 *   <li>a CSV line DuckDB cannot parse → {@code MALFORMED_INPUT} naming the file and line;
 *   <li>malformed JSON or a file that is not Parquet → {@code MALFORMED_INPUT} naming the file;
 *   <li>a value a cast cannot convert → {@code CAST_FAILED} quoting the value;
 *   <li>an unknown table → {@code TABLE_NOT_FOUND}; a column a file or table no longer has →
 *       {@code COLUMN_NOT_FOUND};
 *   <li>a syntax, binder or catalog error → {@code SQL_ERROR} when the user wrote SQL, else
 *       {@code INTERNAL_ERROR};
 *   <li>a failing Java function → {@code EXECUTION_FAILED} with its exception;
 *   <li>other I/O → {@code IO_ERROR}; anything else → {@code EXECUTION_FAILED}.
 * </ul>
 */
public final class DuckErrors {
    private static final Pattern NO_FILES = Pattern.compile("No files found that match the pattern \"([^\"]*)\"");
    private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern CSV_FILE = Pattern.compile("(?m)^\\s*file = (.*)$");
    private static final Pattern SNIFF = Pattern.compile("Error when sniffing file \"([^\"]*)\"");
    private static final Pattern JSON = Pattern.compile(
            "Malformed JSON in file \"([^\"]*)\", at byte (\\d+) in (?:line|record\\/value) (\\d+): ([^\\n]*)");
    private static final Pattern PARQUET = Pattern.compile("(?:File|file) '([^']*)' (too small to be a Parquet file)");
    private static final Pattern PARQUET_MAGIC = Pattern.compile("(No magic bytes found at end of file) '([^']*)'");
    private static final Pattern MISSING_TABLE = Pattern.compile("Table with name (\\S+) does not exist");
    private static final Pattern MISSING_COLUMN = Pattern.compile(
            "(?:Referenced column|Column) \"([^\"]*)\" (?:not found|referenced that exists in the SELECT clause)");
    private static final Pattern UDF =
            Pattern.compile("(?s)Invalid Input Error: (java\\.[\\w.$]+|[\\w.$]+Exception)(: )?(.*?)\\n\\s*at ");

    private DuckErrors() {}

    /**
     * Translates a DuckDB failure.
     *
     * <pre>{@code
     * try { ... } catch (SQLException e) { throw DuckErrors.translate(e, "reading 'a.csv'", false); }
     * }</pre>
     *
     * @param e the failure
     * @param doing what the backend was doing, e.g. {@code running the query}
     * @param userSql whether the statement holds SQL the user wrote (syntax errors are then theirs)
     * @return the exception to throw
     */
    public static QuarryException translate(SQLException e, String doing, boolean userSql) {
        String raw = e.getMessage() == null ? e.toString() : e.getMessage();
        String kind = kind(raw);
        String detail = withoutCaret(stripKind(raw)).trim();

        Matcher m = NO_FILES.matcher(raw);
        if (m.find()) {
            String path = m.group(1);
            return new QuarryException(
                    ErrorCode.FILE_NOT_FOUND,
                    "File not found: '" + path + "'. No file matches this path or glob; check the path (relative"
                            + " paths resolve against " + Path.of("").toAbsolutePath() + ").",
                    e);
        }
        m = CSV_LINE.matcher(raw);
        if (m.find()) {
            return csvLine(e, raw, m.group(1));
        }
        m = SNIFF.matcher(raw);
        if (m.find()) {
            return new QuarryException(
                    ErrorCode.MALFORMED_INPUT,
                    "Malformed CSV in '" + m.group(1) + "': its rows do not share one layout with the given"
                            + " delimiter, quote and escape, so no columns could be detected. Check the file and the"
                            + " options 'delimiter', 'quote', 'escape' and 'header', or read with option"
                            + " mode=PERMISSIVE to null the bad fields.",
                    e);
        }
        m = JSON.matcher(raw);
        if (m.find()) {
            return new QuarryException(
                    ErrorCode.MALFORMED_INPUT,
                    "Malformed JSON in '" + m.group(1) + "' at line " + m.group(3) + " (byte " + m.group(2) + "): "
                            + m.group(4).trim() + ". Each line must hold one JSON object; fix the file or read with"
                            + " option mode=PERMISSIVE to skip bad lines.",
                    e);
        }
        m = PARQUET.matcher(raw);
        if (m.find()) {
            return new QuarryException(
                    ErrorCode.MALFORMED_INPUT,
                    "'" + m.group(1) + "' is not a valid Parquet file ("
                            + m.group(2).trim()
                            + "). Check that the path points at a Parquet file and that it was written completely.",
                    e);
        }
        m = PARQUET_MAGIC.matcher(raw);
        if (m.find()) {
            return new QuarryException(
                    ErrorCode.MALFORMED_INPUT,
                    "'" + m.group(2) + "' is not a valid Parquet file ("
                            + m.group(1).toLowerCase(java.util.Locale.ROOT)
                            + "). Check that the path points at a Parquet file and that it was written completely.",
                    e);
        }
        m = UDF.matcher(raw);
        if (m.find()) {
            String exception = m.group(1);
            String message = m.group(3) == null ? "" : m.group(3).trim();
            return new QuarryException(
                    ErrorCode.EXECUTION_FAILED,
                    "A Java function failed while " + doing + ": " + exception
                            + (message.isEmpty() ? "" : ": " + message),
                    e);
        }
        m = MISSING_TABLE.matcher(raw);
        if (m.find() && kind.equals("Catalog")) {
            return new QuarryException(
                    ErrorCode.TABLE_NOT_FOUND,
                    "Table or view " + m.group(1) + " does not exist. List the catalog with session.catalog() to see"
                            + " what exists.",
                    e);
        }
        m = MISSING_COLUMN.matcher(raw);
        if (m.find() && kind.equals("Binder") && !userSql) {
            return new QuarryException(
                    ErrorCode.COLUMN_NOT_FOUND,
                    "Column '" + m.group(1) + "' is not in the data any more while " + doing + ": the files or the"
                            + " table read changed since the DataFrame was created, or the schema given to the"
                            + " reader names a column the files do not have. Create the DataFrame again. DuckDB: "
                            + firstLine(detail),
                    e);
        }
        switch (kind) {
            case "Conversion":
                return new QuarryException(
                        ErrorCode.CAST_FAILED,
                        "A value could not be converted while " + doing + ": " + firstLine(detail)
                                + ". Fix the data, or use a lenient cast (null instead of an error).",
                        e);
            case "Parser":
            case "Binder":
            case "Catalog":
                if (userSql) {
                    return new QuarryException(
                            ErrorCode.SQL_ERROR,
                            "The SQL query is invalid: " + kind + " Error: "
                                    + stripKind(raw).trim(),
                            e);
                }
                return new QuarryException(
                        ErrorCode.INTERNAL_ERROR,
                        "DuckDB rejected the SQL generated while " + doing + ": " + kind + " Error: " + detail
                                + ". Please report this with the program that caused it.",
                        e);
            case "IO":
                return new QuarryException(ErrorCode.IO_ERROR, "I/O failed while " + doing + ": " + detail, e);
            case "Out of Memory":
                return new QuarryException(
                        ErrorCode.EXECUTION_FAILED,
                        "DuckDB ran out of memory while " + doing + ": " + detail + ". Raise the setting"
                                + " duckdb.memory_limit, lower duckdb.threads, or make sure the data directory has"
                                + " room to spill.",
                        e);
            default:
                if (userSql && kind.equals("Invalid Input")) {
                    return new QuarryException(ErrorCode.SQL_ERROR, "The SQL query failed: " + detail, e);
                }
                return new QuarryException(
                        ErrorCode.EXECUTION_FAILED,
                        "DuckDB failed while " + doing + ": " + (kind.isEmpty() ? "" : kind + " Error: ") + detail,
                        e);
        }
    }

    private static QuarryException csvLine(SQLException e, String raw, String line) {
        Matcher f = CSV_FILE.matcher(raw);
        String file = f.find() ? f.group(1).trim() : "the CSV input";
        String original = null;
        String problem = null;
        int at = raw.indexOf("Original Line:");
        if (at >= 0) {
            String rest = raw.substring(at + "Original Line:".length());
            int blank = rest.indexOf("\n\n");
            int firstBreak = rest.indexOf('\n');
            int end = blank >= 0 ? blank : firstBreak >= 0 ? firstBreak : rest.length();
            original = rest.substring(0, end).trim();
            String after = rest.substring(end).trim();
            for (String candidate : after.split("\n")) {
                if (!candidate.isBlank()) {
                    problem = candidate.trim();
                    break;
                }
            }
            if (blank < 0 && firstBreak >= 0) {
                // the layout without a blank line: "Original Line: x\nproblem"
                problem = rest.substring(firstBreak).trim().split("\n")[0].trim();
            }
        }
        StringBuilder msg = new StringBuilder("Malformed CSV in '")
                .append(file)
                .append("' at line ")
                .append(line);
        if (problem != null && !problem.isEmpty()) {
            msg.append(": ").append(problem);
        }
        if (original != null) {
            msg.append(" (line: ").append(abbreviate(original, 200)).append(')');
        }
        msg.append(". Fix the file, or read it with option mode=PERMISSIVE to null the bad fields (or"
                + " mode=DROPMALFORMED to skip bad lines).");
        return new QuarryException(ErrorCode.MALFORMED_INPUT, msg.toString(), e);
    }

    private static String kind(String raw) {
        int colon = raw.indexOf(" Error:");
        if (colon < 0) {
            return "";
        }
        String k = raw.substring(0, colon);
        return k.contains("\n") ? "" : k.trim();
    }

    private static String stripKind(String raw) {
        int colon = raw.indexOf(" Error:");
        if (colon < 0 || raw.substring(0, colon).contains("\n")) {
            return raw;
        }
        return raw.substring(colon + " Error:".length());
    }

    /** Drops DuckDB's {@code LINE 1: ... ^^^} pointer into the statement. */
    private static String withoutCaret(String message) {
        int at = message.indexOf("\nLINE ");
        return at < 0 ? message : message.substring(0, at);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).trim();
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
