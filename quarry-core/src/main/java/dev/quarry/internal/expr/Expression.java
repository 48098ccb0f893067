package dev.quarry.internal.expr;

import dev.quarry.types.DataType;
import java.util.List;

/**
 * A node of an expression tree. Expressions are immutable records. A {@link dev.quarry.Column} holds
 * an <em>unresolved</em> tree (it may contain {@link UnresolvedColumn}); the analyzer turns it into a
 * <em>resolved</em> tree, in which every column is a {@link ColumnRef} and {@link #type()} is
 * defined. Plan nodes hold resolved expressions only.
 *
 * <p>Dispatch over the closed set of nodes goes through {@link ExpressionVisitor}.
 */
public sealed interface Expression
        permits ColumnRef,
                UnresolvedColumn,
                Literal,
                Alias,
                BinaryOp,
                UnaryOp,
                In,
                StringMatch,
                Cast,
                CaseWhen,
                Coalesce,
                GetField,
                GetItem,
                ScalarFunction,
                AggregateCall,
                SortKey,
                SemanticFunction {

    /** The result type; only defined on resolved trees. */
    DataType type();

    /** Whether the result may be null. */
    boolean nullable();

    /** The direct children, in order. */
    List<Expression> children();

    /** A copy with new children (same count and order as {@link #children()}). */
    Expression withChildren(List<Expression> children);

    /** Double dispatch. */
    <R> R accept(ExpressionVisitor<R> visitor);

    /** Whether this tree has no unresolved part. */
    default boolean resolved() {
        for (Expression child : children()) {
            if (!child.resolved()) {
                return false;
            }
        }
        return true;
    }

    /** Whether this tree contains an aggregate call. */
    default boolean containsAggregate() {
        for (Expression child : children()) {
            if (child.containsAggregate()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name a column computed by this expression gets when the user gives none, as in Spark:
     * a column reference keeps its name, an alias its alias, anything else its readable rendering.
     */
    default String outputName() {
        return toString();
    }
}
