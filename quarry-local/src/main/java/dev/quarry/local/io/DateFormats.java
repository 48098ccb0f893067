package dev.quarry.local.io;

/** Java date patterns as DuckDB strftime formats. */
final class DateFormats {
    private DateFormats() {}

    /**
     * A strftime format for a Java {@code DateTimeFormatter} pattern; a text containing {@code %} is
     * taken to be strftime already.
     *
     * <pre>{@code DateFormats.toStrftime("dd/MM/yyyy HH:mm") // %d/%m/%Y %H:%M}</pre>
     */
    static String toStrftime(String pattern) {
        if (pattern.indexOf('%') >= 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                end = end < 0 ? pattern.length() : end;
                out.append(pattern, i + 1, end);
                i = end + 1;
                continue;
            }
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            out.append(token(c, run));
            i += run;
        }
        return out.toString();
    }

    private static String token(char c, int run) {
        switch (c) {
            case 'y':
            case 'u':
                return run == 2 ? "%y" : "%Y";
            case 'M':
                return run >= 4 ? "%B" : run == 3 ? "%b" : run == 2 ? "%m" : "%-m";
            case 'd':
                return run == 2 ? "%d" : "%-d";
            case 'H':
                return run == 2 ? "%H" : "%-H";
            case 'h':
                return run == 2 ? "%I" : "%-I";
            case 'm':
                return run == 2 ? "%M" : "%-M";
            case 's':
                return run == 2 ? "%S" : "%-S";
            case 'S':
                return run <= 3 ? "%g" : run <= 6 ? "%f" : "%n";
            case 'a':
                return "%p";
            case 'E':
                return run >= 4 ? "%A" : "%a";
            case 'X':
            case 'x':
            case 'Z':
                return "%z";
            default:
                return String.valueOf(c).repeat(run);
        }
    }
}
