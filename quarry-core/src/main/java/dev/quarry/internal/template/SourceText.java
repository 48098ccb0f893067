package dev.quarry.internal.template;

import java.util.Arrays;

/**
 * A template's text with its line index: turns an offset into a line and column and quotes the line
 * under an error message with a caret below the offending column.
 */
final class SourceText {
    private static final int MAX_EXCERPT = 100;

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    String text() {
        return text;
    }

    /** The 1-based line of an offset. */
    int line(int pos) {
        int i = Arrays.binarySearch(lineStarts, pos);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based column of an offset. */
    int column(int pos) {
        return pos - lineStarts[line(pos) - 1] + 1;
    }

    /** {@code "line 2, column 5"}. */
    String where(int pos) {
        return "line " + line(pos) + ", column " + column(pos);
    }

    /**
     * The line holding {@code pos}, with a caret under its column:
     *
     * <pre>
     *   2 | {% for c in comments %}
     *     | ^
     * </pre>
     */
    String excerpt(int pos) {
        int line = line(pos);
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        int column = pos - start;
        // long lines: show a window around the column
        if (end - start > MAX_EXCERPT) {
            int from = Math.max(start, pos - MAX_EXCERPT / 2);
            int to = Math.min(end, from + MAX_EXCERPT);
            column = pos - from;
            start = from;
            end = to;
        }
        String number = Integer.toString(line);
        StringBuilder sb = new StringBuilder();
        sb.append("  ").append(number).append(" | ");
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            sb.append(c == '\t' ? ' ' : c);
        }
        sb.append('\n').append("  ").append(" ".repeat(number.length())).append(" | ");
        sb.append(" ".repeat(Math.max(0, column))).append('^');
        return sb.toString();
    }
}
