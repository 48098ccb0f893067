package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.util.List;

/**
 * A string test: contains, starts with, ends with, SQL LIKE, or regular-expression match (RLIKE,
 * true when the pattern is found anywhere in the value, as in Spark).
 *
 * @param kind the test
 * @param value the tested text
 * @param pattern the substring, prefix, suffix, LIKE pattern or regex
 */
public record StringMatch(Kind kind, Expression value, Expression pattern) implements Expression {
    /** The string tests. */
    public enum Kind {
        CONTAINS,
        STARTS_WITH,
        ENDS_WITH,
        LIKE,
        RLIKE
    }

    /** Validates the operands. */
    public StringMatch {
        requireNonNull(kind, "kind is null");
        requireNonNull(value, "value is null");
        requireNonNull(pattern, "pattern is null");
    }

    @Override
    public DataType type() {
        return ScalarType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return value.nullable() || pattern.nullable();
    }

    @Override
    public List<Expression> children() {
        return List.of(value, pattern);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 2, "StringMatch");
        return new StringMatch(kind, children.get(0), children.get(1));
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitStringMatch(this);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + value + ", " + pattern + ")";
    }
}
