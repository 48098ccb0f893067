package dev.quarry.cli;

import dev.quarry.Row;
import dev.quarry.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders rows as an ASCII table, numbers right-aligned, long cells cut. */
final class TablePrinter {
    private TablePrinter() {}

    static String render(List<Row> rows, Schema schema, int maxCellWidth) {
        List<String> names = schema.names();
        int columns = names.size();
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<String> line = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                line.add(format(row.get(c)));
            }
            cells.add(line);
        }
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = schema.fields().get(c).type().isNumeric();
        }
        return render(names, cells, numeric, maxCellWidth);
    }

    /** Renders already formatted cells under {@code headers}; {@code numeric} columns are right-aligned. */
    static String render(List<String> headers, List<List<String>> rows, boolean[] numeric, int maxCellWidth) {
        int columns = headers.size();
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = headers.get(c).length();
        }
        for (List<String> row : rows) {
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) {
                line[c] = cut(row.get(c), maxCellWidth);
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        String rule = rule(widths);
        sb.append(rule);
        appendLine(sb, headers.toArray(new String[0]), widths, new boolean[columns]);
        sb.append(rule);
        for (String[] line : cells) {
            appendLine(sb, line, widths, numeric);
        }
        sb.append(rule);
        sb.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
        return sb.toString();
    }

    static String format(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(format(v)));
            return String.join(", ", items);
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        if (value instanceof Float f) {
            return String.format(Locale.ROOT, "%.2f", f);
        }
        return value.toString();
    }

    private static String cut(String s, int max) {
        String flat = s.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static String rule(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.append('\n').toString();
    }

    private static void appendLine(StringBuilder sb, String[] line, int[] widths, boolean[] rightAlign) {
        sb.append('|');
        for (int c = 0; c < line.length; c++) {
            String pad = " ".repeat(widths[c] - line[c].length());
            sb.append(' ').append(rightAlign[c] ? pad + line[c] : line[c] + pad).append(" |");
        }
        sb.append('\n');
    }
}
