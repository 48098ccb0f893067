package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * A column named by the user and not yet resolved against a schema. {@code frameId}, when not
 * {@code null}, is the id of the DataFrame the column was taken from with {@code df.col(name)}; it
 * lets a join condition tell the two inputs apart when both have a column of the same name.
 * {@code name} may use a dotted path ({@code info.product}) to reach into a struct.
 *
 * @param name the column name as written
 * @param frameId the owning DataFrame's id, or null
 */
public record UnresolvedColumn(String name, Long frameId) implements Expression {
    /** Validates the name. */
    public UnresolvedColumn {
        requireNonNull(name, "name is null");
    }

    /** A column not tied to a DataFrame. */
    public UnresolvedColumn(String name) {
        this(name, null);
    }

    @Override
    public DataType type() {
        throw new IllegalStateException("column '" + name + "' is not resolved");
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean resolved() {
        return false;
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 0, "UnresolvedColumn");
        return this;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitUnresolvedColumn(this);
    }

    @Override
    public String outputName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    @Override
    public String toString() {
        return name;
    }
}
