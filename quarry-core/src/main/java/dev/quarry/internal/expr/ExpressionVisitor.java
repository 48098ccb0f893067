package dev.quarry.internal.expr;

/**
 * Exhaustive dispatch over every {@link Expression} node. Adding a node adds a method here, so every
 * visitor (SQL generation, type checking, printing) is forced to handle it.
 *
 * @param <R> the result of a visit
 */
public interface ExpressionVisitor<R> {
    R visitColumnRef(ColumnRef e);

    R visitUnresolvedColumn(UnresolvedColumn e);

    R visitLiteral(Literal e);

    R visitAlias(Alias e);

    R visitBinaryOp(BinaryOp e);

    R visitUnaryOp(UnaryOp e);

    R visitIn(In e);

    R visitStringMatch(StringMatch e);

    R visitCast(Cast e);

    R visitCaseWhen(CaseWhen e);

    R visitCoalesce(Coalesce e);

    R visitGetField(GetField e);

    R visitGetItem(GetItem e);

    R visitScalarFunction(ScalarFunction e);

    R visitAggregateCall(AggregateCall e);

    R visitSortKey(SortKey e);

    R visitSemanticFunction(SemanticFunction e);
}
