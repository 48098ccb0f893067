package dev.quarry.testkit.assertions;

import java.util.List;

/** Renders rows as an aligned text table, with an optional marker column for differing rows. */
final class TableRenderer {
    /** Rows shown before the table is cut, so a large result does not drown the message. */
    static final int MAX_ROWS = 50;

    private TableRenderer() {}

    /**
     * @param header column names
     * @param rows rendered cells, one list per row
     * @param marked per row, whether to mark it with {@code >}; null for no marker column
     */
    static String render(List<String> header, List<List<String>> rows, List<Boolean> marked) {
        int columns = header.size();
        for (List<String> row : rows) {
            columns = Math.max(columns, row.size());
        }
        int[] widths = new int[columns];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
        }
        int shown = Math.min(rows.size(), MAX_ROWS);
        for (int r = 0; r < shown; r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendLine(sb, marked == null ? null : " ", header, widths);
        appendRule(sb, marked == null ? null : " ", widths);
        for (int r = 0; r < shown; r++) {
            String marker = marked == null ? null : (marked.get(r) ? ">" : " ");
            appendLine(sb, marker, rows.get(r), widths);
        }
        if (rows.size() > shown) {
            sb.append("  ... ").append(rows.size() - shown).append(" more rows\n");
        }
        if (rows.isEmpty()) {
            sb.append("  (no rows)\n");
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, String marker, List<String> cells, int[] widths) {
        sb.append(marker == null ? "  " : marker + " ");
        sb.append('|');
        for (int c = 0; c < widths.length; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            sb.append(' ')
                    .append(cell)
                    .append(" ".repeat(widths[c] - cell.length()))
                    .append(" |");
        }
        sb.append('\n');
    }

    private static void appendRule(StringBuilder sb, String marker, int[] widths) {
        sb.append(marker == null ? "  " : marker + " ");
        sb.append('|');
        for (int width : widths) {
            sb.append('-').append("-".repeat(width)).append("-|");
        }
        sb.append('\n');
    }
}
