package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * Names the result of an expression: {@code col("a").plus(lit(1)).as("b")}.
 *
 * @param child the named expression
 * @param name the output column name
 */
public record Alias(Expression child, String name) implements Expression {
    /** Validates the alias. */
    public Alias {
        requireNonNull(child, "child is null");
        requireNonNull(name, "name is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("alias is empty");
        }
    }

    @Override
    public DataType type() {
        return child.type();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 1, "Alias");
        return new Alias(children.get(0), name);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitAlias(this);
    }

    @Override
    public String outputName() {
        return name;
    }

    @Override
    public String toString() {
        return child + " AS " + name;
    }
}
