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
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = names.get(c).length();
        }
        for (Row row : rows) {
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) {
                line[c] = cut(format(row.get(c)), maxCellWidth);
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        String rule = rule(widths);
        sb.append(rule);
        appendLine(sb, names.toArray(new String[0]), widths, new boolean[columns]);
        sb.append(rule);
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = schema.fields().get(c).type().isNumeric();
        }
        for (String[] line : cells) {
            appendLine(sb, line, widths, numeric);
        }
        sb.append(rule);
        sb.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
        return sb.toString();
    }

    private static String format(Object value) {
        if (value == null) {
            return "NULL";
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
