package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An aggregate function over the rows of a group. {@code COUNT} with no argument counts rows
 * ({@code count(*)}); with an argument it counts non-null values.
 *
 * <p>A {@code COLLECT_LIST} may carry {@code orderBy} keys: the list holds the values in that order
 * (SQL {@code list(x ORDER BY k)}); without keys the order of the list is unspecified.
 *
 * @param function the aggregate
 * @param args the arguments (none for count(*), one otherwise)
 * @param distinct aggregate over distinct values only
 * @param orderBy the order of the collected values (COLLECT_LIST only); empty for none
 */
public record AggregateCall(Function function, List<Expression> args, boolean distinct, List<SortKey> orderBy)
        implements Expression {
    /** The aggregate functions. */
    public enum Function {
        COUNT,
        SUM,
        AVG,
        MIN,
        MAX,
        FIRST,
        COLLECT_LIST,
        STDDEV
    }

    /** Validates and copies. */
    public AggregateCall {
        requireNonNull(function, "function is null");
        args = List.copyOf(requireNonNull(args, "args is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        if (args.size() > 1 || (args.isEmpty() && function != Function.COUNT)) {
            throw new IllegalArgumentException(function + " takes one argument, got " + args.size());
        }
        if (!orderBy.isEmpty() && function != Function.COLLECT_LIST) {
            throw new IllegalArgumentException("only COLLECT_LIST takes an order, not " + function);
        }
    }

    /**
     * An aggregate without an order.
     *
     * @param function the aggregate
     * @param args the arguments (none for count(*), one otherwise)
     * @param distinct aggregate over distinct values only
     */
    public AggregateCall(Function function, List<Expression> args, boolean distinct) {
        this(function, args, distinct, List.of());
    }

    @Override
    public DataType type() {
        return switch (function) {
            case COUNT -> ScalarType.LONG;
            case SUM -> {
                DataType t = args.get(0).type();
                yield (t == ScalarType.INTEGER || t == ScalarType.LONG) ? ScalarType.LONG : ScalarType.DOUBLE;
            }
            case AVG, STDDEV -> ScalarType.DOUBLE;
            case MIN, MAX, FIRST -> args.get(0).type();
            case COLLECT_LIST -> new ArrayType(args.get(0).type());
        };
    }

    @Override
    public boolean nullable() {
        return function != Function.COUNT && function != Function.COLLECT_LIST;
    }

    @Override
    public boolean containsAggregate() {
        return true;
    }

    /** The arguments, then the order keys. */
    @Override
    public List<Expression> children() {
        if (orderBy.isEmpty()) {
            return args;
        }
        List<Expression> all = new ArrayList<>(args);
        all.addAll(orderBy);
        return all;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, args.size() + orderBy.size(), "AggregateCall");
        List<SortKey> keys = new ArrayList<>(orderBy.size());
        for (Expression k : children.subList(args.size(), children.size())) {
            if (!(k instanceof SortKey s)) {
                throw new IllegalArgumentException("an order key of " + function + " must be a SortKey, got " + k);
            }
            keys.add(s);
        }
        return new AggregateCall(function, children.subList(0, args.size()), distinct, keys);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitAggregateCall(this);
    }

    @Override
    public String toString() {
        String name = function.name().toLowerCase(Locale.ROOT);
        String inner = args.isEmpty() ? "*" : args.get(0).toString();
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < orderBy.size(); i++) {
            order.append(i == 0 ? " ORDER BY " : ", ").append(orderBy.get(i));
        }
        return name + "(" + (distinct ? "DISTINCT " : "") + inner + order + ")";
    }
}
