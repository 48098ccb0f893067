package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.util.List;
import java.util.Locale;

/**
 * An aggregate function over the rows of a group. {@code COUNT} with no argument counts rows
 * ({@code count(*)}); with an argument it counts non-null values.
 *
 * @param function the aggregate
 * @param args the arguments (none for count(*), one otherwise)
 * @param distinct aggregate over distinct values only
 */
public record AggregateCall(Function function, List<Expression> args, boolean distinct) implements Expression {
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
        if (args.size() > 1 || (args.isEmpty() && function != Function.COUNT)) {
            throw new IllegalArgumentException(function + " takes one argument, got " + args.size());
        }
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

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, args.size(), "AggregateCall");
        return new AggregateCall(function, children, distinct);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitAggregateCall(this);
    }

    @Override
    public String toString() {
        String name = function.name().toLowerCase(Locale.ROOT);
        String inner = args.isEmpty() ? "*" : args.get(0).toString();
        return name + "(" + (distinct ? "DISTINCT " : "") + inner + ")";
    }
}
