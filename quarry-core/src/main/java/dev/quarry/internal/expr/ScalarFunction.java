package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * A call of a named scalar function ({@code upper}, {@code length}, {@code count_tokens}, ...).
 * The name identifies a function known to the analyzer's function registry, which checks the
 * arguments and fixes the return type; each backend maps the name to its own implementation (a
 * built-in SQL function or a Java function registered in the engine).
 *
 * @param name the registry name, lower case
 * @param args the arguments
 * @param returnType the result type, fixed by the registry
 * @param nullable whether the result may be null
 */
public record ScalarFunction(String name, List<Expression> args, DataType returnType, boolean nullable)
        implements Expression {
    /** Validates and copies. */
    public ScalarFunction {
        requireNonNull(name, "name is null");
        args = List.copyOf(requireNonNull(args, "args is null"));
        requireNonNull(returnType, "returnType is null");
    }

    @Override
    public DataType type() {
        return returnType;
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, args.size(), "ScalarFunction " + name);
        return new ScalarFunction(name, children, returnType, nullable);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitScalarFunction(this);
    }

    @Override
    public String toString() {
        return name + args.toString().replace('[', '(').replace(']', ')');
    }
}
