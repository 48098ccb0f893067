package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * The first non-null argument. Arguments share one type (the analyzer inserts casts).
 *
 * @param args the candidates, at least one
 */
public record Coalesce(List<Expression> args) implements Expression {
    /** Validates and copies. */
    public Coalesce {
        args = List.copyOf(requireNonNull(args, "args is null"));
        if (args.isEmpty()) {
            throw new IllegalArgumentException("coalesce needs at least one argument");
        }
    }

    @Override
    public DataType type() {
        return args.get(0).type();
    }

    @Override
    public boolean nullable() {
        for (Expression a : args) {
            if (!a.nullable()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, args.size(), "Coalesce");
        return new Coalesce(children);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitCoalesce(this);
    }

    @Override
    public String toString() {
        return "coalesce" + args.toString().replace('[', '(').replace(']', ')');
    }
}
