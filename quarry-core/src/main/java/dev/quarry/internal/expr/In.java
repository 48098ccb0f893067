package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code value IN (list...)}.
 *
 * @param value the tested value
 * @param list the candidates, at least one
 */
public record In(Expression value, List<Expression> list) implements Expression {
    /** Validates and copies. */
    public In {
        requireNonNull(value, "value is null");
        list = List.copyOf(requireNonNull(list, "list is null"));
        if (list.isEmpty()) {
            throw new IllegalArgumentException("IN needs at least one candidate");
        }
    }

    @Override
    public DataType type() {
        return ScalarType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return value.nullable() || Exprs.anyNullable(list);
    }

    @Override
    public List<Expression> children() {
        List<Expression> all = new ArrayList<>(list.size() + 1);
        all.add(value);
        all.addAll(list);
        return all;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, list.size() + 1, "In");
        return new In(children.get(0), children.subList(1, children.size()));
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitIn(this);
    }

    @Override
    public String toString() {
        return "(" + value + " IN " + list.toString().replace('[', '(').replace(']', ')') + ")";
    }
}
