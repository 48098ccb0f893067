package dev.quarry.internal.template;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One lexical token of a template.
 *
 * @param kind what the token is
 * @param text the token as written (<code>"&#123;&#123;"</code>, {@code "=="}, a name, a literal's source text)
 * @param value the literal's value ({@link String} for strings and text, {@link Long} or
 *     {@link Double} for numbers), else null
 * @param pos the offset of the token's first character in the template
 */
record Token(Kind kind, String text, @Nullable Object value, int pos) {
    enum Kind {
        TEXT,
        VARIABLE_BEGIN,
        VARIABLE_END,
        BLOCK_BEGIN,
        BLOCK_END,
        NAME,
        STRING,
        INTEGER,
        FLOAT,
        OPERATOR,
        EOF
    }

    Token {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    boolean isOperator(String op) {
        return kind == Kind.OPERATOR && text.equals(op);
    }

    /** How the token reads in an error message: {@code '}}'}, {@code 'and'}, {@code end of template}. */
    String describe() {
        if (kind == Kind.EOF) {
            return "the end of the template";
        }
        if (kind == Kind.TEXT) {
            return "text";
        }
        return "'" + text + "'";
    }
}
