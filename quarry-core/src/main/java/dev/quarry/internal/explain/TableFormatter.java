package dev.quarry.internal.explain;

import dev.quarry.Row;
import dev.quarry.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Formats rows as the ASCII table of {@code DataFrame.show()}, like Spark's. */
public final class TableFormatter {
    private TableFormatter() {}

    /**
     * The table text.
     *
     * <pre>{@code TableFormatter.format(schema, rows, 20, false)}</pre>
     *
     * @param schema the columns
     * @param rows the rows to print
     * @param truncate the longest cell in characters (longer ones end with "..."), or 0 for no limit
     * @param more whether rows were left out, which adds "only showing top n rows"
     * @return the table, ending with a newline
     */
    public static String format(Schema schema, List<Row> rows, int truncate, boolean more) {
        List<String> names = schema.names();
        int n = names.size();
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = cut(names.get(i), truncate);
        }
        cells.add(header);
        for (Row r : rows) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                line[i] = cut(cell(r.get(i)), truncate);
            }
            cells.add(line);
        }
        int[] widths = new int[n];
        for (String[] line : cells) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(Math.max(widths[i], line[i].length()), 3);
            }
        }
        StringBuilder sep = new StringBuilder("+");
        for (int w : widths) {
            sep.append("-".repeat(w)).append('+');
        }
        StringBuilder sb = new StringBuilder();
        sb.append(sep).append('\n');
        for (int li = 0; li < cells.size(); li++) {
            sb.append('|');
            String[] line = cells.get(li);
            for (int i = 0; i < n; i++) {
                String pad = " ".repeat(widths[i] - line[i].length());
                sb.append(truncate > 0 ? pad + line[i] : line[i] + pad).append('|');
            }
            sb.append('\n');
            if (li == 0) {
                sb.append(sep).append('\n');
            }
        }
        sb.append(sep).append('\n');
        if (more) {
            sb.append("only showing top ").append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
        }
        return sb.toString();
    }

    private static String cut(String s, int truncate) {
        if (truncate > 0 && s.length() > truncate) {
            return truncate < 4 ? s.substring(0, truncate) : s.substring(0, truncate - 3) + "...";
        }
        return s;
    }

    static String cell(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof float[] f) {
            return Arrays.toString(f);
        }
        if (v instanceof Row r) {
            List<String> parts = new ArrayList<>();
            for (Object x : r.values()) {
                parts.add(cell(x));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) {
                parts.add(cell(x));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v).replace("\n", "\\n");
    }
}
