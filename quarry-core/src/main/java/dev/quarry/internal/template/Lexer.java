package dev.quarry.internal.template;

import dev.quarry.internal.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into tokens: text, the delimiters {@code {{ }}} and {@code {% %}}, and the
 * expression tokens between them. Comments ({@code {# #}}) are dropped here, and whitespace control
 * (<code>&#123;%-</code>, <code>-%&#125;</code>, <code>&#123;&#123;-</code>, <code>-&#125;&#125;</code>,
 * <code>&#123;#-</code>, <code>-#&#125;</code>) is applied to the
 * neighbouring text, as Jinja's lexer does.
 */
final class Lexer {
    private final SourceText source;
    private final String s;
    private final int n;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    /** Set by a closing <code>-%&#125;</code> etc.: strip the whitespace that starts the next text. */
    private boolean stripNextText;

    private Lexer(SourceText source) {
        this.source = source;
        this.s = source.text();
        this.n = s.length();
    }

    static List<Token> tokenize(SourceText source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < n) {
            int tag = nextTagStart(pos);
            int textEnd = tag < 0 ? n : tag;
            int from = pos;
            int to = textEnd;
            if (stripNextText) {
                while (from < to && isSpace(s.charAt(from))) {
                    from++;
                }
                stripNextText = false;
            }
            if (tag >= 0 && tag + 2 < n && s.charAt(tag + 2) == '-') {
                while (to > from && isSpace(s.charAt(to - 1))) {
                    to--;
                }
            }
            if (to > from) {
                String text = s.substring(from, to);
                tokens.add(new Token(Kind.TEXT, text, text, from));
            }
            if (tag < 0) {
                break;
            }
            char kind = s.charAt(tag + 1);
            if (kind == '#') {
                comment(tag);
            } else {
                tag(tag, kind == '{');
            }
        }
        tokens.add(new Token(Kind.EOF, "", null, n));
    }

    /** The offset of the next <code>&#123;&#123;</code>, <code>&#123;%</code> or <code>&#123;#</code> at or after {@code from}, or -1. */
    private int nextTagStart(int from) {
        for (int i = s.indexOf('{', from); i >= 0 && i + 1 < n; i = s.indexOf('{', i + 1)) {
            char c = s.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
        }
        return -1;
    }

    private void comment(int start) {
        int end = s.indexOf("#}", start + 2);
        if (end < 0) {
            throw TemplateErrors.syntax(
                    source, start, "Unclosed comment '{#' at " + source.where(start) + "; add '#}' to end it");
        }
        stripNextText = end - 1 > start + 2 && s.charAt(end - 1) == '-';
        pos = end + 2;
    }

    private void tag(int start, boolean variable) {
        String open = variable ? "{{" : "{%";
        String close = variable ? "}}" : "%}";
        String wrongClose = variable ? "%}" : "}}";
        tokens.add(new Token(variable ? Kind.VARIABLE_BEGIN : Kind.BLOCK_BEGIN, open, null, start));
        int p = start + 2;
        if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
            p++;
        }
        while (true) {
            while (p < n && isSpace(s.charAt(p))) {
                p++;
            }
            if (p >= n) {
                throw TemplateErrors.syntax(
                        source,
                        start,
                        "Unclosed '" + open + "' at " + source.where(start) + "; add '" + close + "' to close it");
            }
            if (s.startsWith(close, p)) {
                tokens.add(new Token(variable ? Kind.VARIABLE_END : Kind.BLOCK_END, close, null, p));
                pos = p + 2;
                return;
            }
            if (s.startsWith("-" + close, p) || (!variable && s.startsWith("+" + close, p))) {
                tokens.add(new Token(variable ? Kind.VARIABLE_END : Kind.BLOCK_END, close, null, p));
                stripNextText = s.charAt(p) == '-';
                pos = p + 3;
                return;
            }
            if (s.startsWith(wrongClose, p) || s.startsWith("-" + wrongClose, p)) {
                int at = s.charAt(p) == '-' ? p + 1 : p;
                throw TemplateErrors.syntax(
                        source,
                        at,
                        "'" + open + "' opened at " + source.where(start) + " is closed by '" + wrongClose + "' at "
                                + source.where(at) + "; close it with '" + close + "'");
            }
            if (s.startsWith("{{", p) || s.startsWith("{%", p) || s.startsWith("{#", p)) {
                throw TemplateErrors.syntax(
                        source,
                        start,
                        "Unclosed '" + open + "' at " + source.where(start) + ": another tag starts at "
                                + source.where(p) + " before it ends; add '" + close + "'");
            }
            p = token(p);
        }
    }

    /** Lexes one expression token at {@code p}; returns the offset after it. */
    private int token(int p) {
        char c = s.charAt(p);
        if (Character.isLetter(c) || c == '_') {
            int e = p + 1;
            while (e < n && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) {
                e++;
            }
            tokens.add(new Token(Kind.NAME, s.substring(p, e), null, p));
            return e;
        }
        if (c >= '0' && c <= '9') {
            return number(p);
        }
        if (c == '\'' || c == '"') {
            return string(p, c);
        }
        for (String op : OPERATORS) {
            if (s.startsWith(op, p)) {
                tokens.add(new Token(Kind.OPERATOR, op, null, p));
                return p + op.length();
            }
        }
        String hint = c == '}' ? " Did you mean '}}'?" : c == '!' ? " Did you mean '!=' or 'not'?" : "";
        throw TemplateErrors.syntax(
                source, p, "Unexpected character '" + c + "' at " + source.where(p) + " in an expression." + hint);
    }

    private static final String[] OPERATORS = {
        "==", "!=", "<=", ">=", "//", "**", "<", ">", "(", ")", "[", "]", ",", ".", "|", "~", "=", ":", "-", "+", "*",
        "/", "%"
    };

    private int number(int p) {
        int e = digits(p);
        boolean isFloat = false;
        if (e + 1 < n && s.charAt(e) == '.' && isDigit(s.charAt(e + 1))) {
            e = digits(e + 1);
            isFloat = true;
        }
        if (e < n && (s.charAt(e) == 'e' || s.charAt(e) == 'E')) {
            int x = e + 1;
            if (x < n && (s.charAt(x) == '+' || s.charAt(x) == '-')) {
                x++;
            }
            if (x < n && isDigit(s.charAt(x))) {
                e = digits(x);
                isFloat = true;
            }
        }
        String text = s.substring(p, e);
        String plain = text.replace("_", "");
        if (isFloat) {
            tokens.add(new Token(Kind.FLOAT, text, Double.parseDouble(plain), p));
        } else {
            try {
                tokens.add(new Token(Kind.INTEGER, text, Long.parseLong(plain), p));
            } catch (NumberFormatException ex) {
                throw TemplateErrors.syntax(
                        source,
                        p,
                        "Integer literal " + text + " at " + source.where(p) + " is too large; the largest is "
                                + Long.MAX_VALUE);
            }
        }
        return e;
    }

    /** Digits with single underscores between them, as in {@code 1_000}. */
    private int digits(int p) {
        int e = p;
        while (e < n && (isDigit(s.charAt(e)) || (s.charAt(e) == '_' && e + 1 < n && isDigit(s.charAt(e + 1))))) {
            e++;
        }
        return e;
    }

    private int string(int p, char quote) {
        StringBuilder value = new StringBuilder();
        int i = p + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, s.substring(p, i + 1), value.toString(), p));
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                i = escape(i, value);
            } else {
                value.append(c);
                i++;
            }
        }
        throw TemplateErrors.syntax(
                source, p, "Unclosed string literal starting at " + source.where(p) + "; add the closing " + quote);
    }

    /** Decodes the escape at {@code i} (a backslash) as Python does; returns the offset after it. */
    private int escape(int i, StringBuilder out) {
        char e = s.charAt(i + 1);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case 'a' -> out.append('\u0007');
            case '0' -> out.append('\0');
            case '\\', '\'', '"' -> out.append(e);
            case '\n' -> {
                // a backslash before a newline continues the line
            }
            case 'x', 'u', 'U' -> {
                int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                int from = i + 2;
                if (from + len > n || !isHex(from, len)) {
                    throw TemplateErrors.syntax(
                            source,
                            i,
                            "Invalid escape '\\" + e + "' at " + source.where(i) + ": expected " + len
                                    + " hexadecimal digits");
                }
                int cp = Integer.parseUnsignedInt(s.substring(from, from + len), 16);
                if (!Character.isValidCodePoint(cp)) {
                    throw TemplateErrors.syntax(
                            source,
                            i,
                            "Invalid escape at " + source.where(i) + ": U+" + Integer.toHexString(cp)
                                    + " is not a Unicode code point");
                }
                out.appendCodePoint(cp);
                return from + len;
            }
            default -> out.append('\\').append(e);
        }
        return i + 2;
    }

    private boolean isHex(int from, int len) {
        for (int k = from; k < from + len; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whitespace as Python's {@code \s} sees it (includes no-break spaces). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
