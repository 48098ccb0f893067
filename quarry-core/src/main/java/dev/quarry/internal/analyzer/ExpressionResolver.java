package dev.quarry.internal.analyzer;

import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.BinaryOp;
import dev.quarry.internal.expr.CaseWhen;
import dev.quarry.internal.expr.Cast;
import dev.quarry.internal.expr.Coalesce;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.ExpressionVisitor;
import dev.quarry.internal.expr.GetField;
import dev.quarry.internal.expr.GetItem;
import dev.quarry.internal.expr.In;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.expr.ScalarFunction;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.expr.StringMatch;
import dev.quarry.internal.expr.UnaryOp;
import dev.quarry.internal.expr.UnresolvedColumn;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an unresolved expression tree into a resolved, type-checked one: columns become
 * {@link ColumnRef}s (or struct field accesses), operands get implicit widening casts, scalar
 * functions are typed by the {@link FunctionRegistry}, and anything ill-typed fails with a
 * TYPE_MISMATCH that names the expression and the types involved. Aliases below the top of the
 * tree are dropped (they name nothing there).
 */
final class ExpressionResolver implements ExpressionVisitor<Expression> {
    private final Scope scope;
    private final FunctionRegistry functions;
    private final Models models;
    private final boolean insideAggregate;

    ExpressionResolver(Scope scope, FunctionRegistry functions, Models models) {
        this(scope, functions, models, false);
    }

    private ExpressionResolver(Scope scope, FunctionRegistry functions, Models models, boolean insideAggregate) {
        this.scope = scope;
        this.functions = functions;
        this.models = models;
        this.insideAggregate = insideAggregate;
    }

    Expression resolve(Expression e) {
        return e.accept(this);
    }

    /** Resolves an operand: aliases inside expressions are dropped. */
    private Expression operand(Expression e) {
        Expression r = e.accept(this);
        while (r instanceof Alias a) {
            r = a.child();
        }
        return r;
    }

    private List<Expression> operands(List<Expression> es) {
        List<Expression> out = new ArrayList<>(es.size());
        for (Expression e : es) {
            out.add(operand(e));
        }
        return out;
    }

    @Override
    public Expression visitColumnRef(ColumnRef e) {
        return e;
    }

    @Override
    public Expression visitUnresolvedColumn(UnresolvedColumn e) {
        if (e.name().equals("*")) {
            throw Errors.invalidArgument("'*' stands for every column and can only be used alone in select(...)"
                    + " or in count(col(\"*\")); name the columns you mean. Available: "
                    + Errors.list(scope.available()));
        }
        return scope.resolve(e);
    }

    @Override
    public Expression visitLiteral(Literal e) {
        return e;
    }

    @Override
    public Expression visitAlias(Alias e) {
        return new Alias(operand(e.child()), e.name());
    }

    @Override
    public Expression visitBinaryOp(BinaryOp e) {
        Expression l = operand(e.left());
        Expression r = operand(e.right());
        BinaryOp.Operator op = e.op();
        String shown = "(" + e.left() + " " + op.symbol() + " " + e.right() + ")";
        if (op.isLogical()) {
            l = requireBoolean(l, op.symbol(), shown);
            r = requireBoolean(r, op.symbol(), shown);
            return new BinaryOp(op, l, r);
        }
        if (op.isComparison()) {
            Expression fl = l;
            Expression fr = r;
            List<Expression> both = Coercion.unify(
                    List.of(l, r),
                    () -> Errors.typeMismatch("Cannot compare "
                            + Errors.typed(fl) + " with " + Errors.typed(fr) + " in " + shown
                            + ". Cast one side with .cast(...) so both have the same type"));
            checkComparable(both.get(0), shown);
            return new BinaryOp(op, both.get(0), both.get(1));
        }
        // arithmetic
        if (Literals.isNullLiteral(l) && r.type().isNumeric()) {
            l = Literals.nullOf(r.type());
        }
        if (Literals.isNullLiteral(r) && l.type().isNumeric()) {
            r = Literals.nullOf(l.type());
        }
        if (!l.type().isNumeric() || !r.type().isNumeric()) {
            throw Errors.typeMismatch("Operator '" + op.symbol() + "' needs numbers, but in " + shown + " "
                    + e.left() + " is " + l.type().simpleString() + " and " + e.right() + " is "
                    + r.type().simpleString() + ". Cast the non-numeric side with .cast(DataTypes.DOUBLE) or use a"
                    + " numeric column");
        }
        Expression fl = l;
        Expression fr = r;
        List<Expression> both = Coercion.unify(
                List.of(l, r),
                () -> Errors.typeMismatch("Operator '" + op.symbol() + "' cannot combine " + Errors.typed(fl) + " and "
                        + Errors.typed(fr)));
        return new BinaryOp(op, both.get(0), both.get(1));
    }

    private static Expression requireBoolean(Expression e, String op, String shown) {
        if (Literals.isNullLiteral(e)) {
            return Literals.nullOf(ScalarType.BOOLEAN);
        }
        if (e.type() != ScalarType.BOOLEAN) {
            throw Errors.typeMismatch("Operator " + op + " needs boolean operands, but " + Errors.typed(e) + " in "
                    + shown + " is not boolean. Compare it to something first, e.g. .equalTo(...) or .isNotNull()");
        }
        return e;
    }

    private static void checkComparable(Expression e, String shown) {
        if (e.type() instanceof EmbeddingType) {
            throw Errors.typeMismatch(
                    "Embeddings cannot be compared with = or <, as in " + shown + "; compare their similarity instead");
        }
    }

    @Override
    public Expression visitUnaryOp(UnaryOp e) {
        Expression c = operand(e.child());
        String shown = new UnaryOp(e.op(), e.child()).toString();
        return switch (e.op()) {
            case NOT -> new UnaryOp(e.op(), requireBoolean(c, "NOT", shown));
            case NEGATE -> {
                if (!c.type().isNumeric()) {
                    throw Errors.typeMismatch("Cannot negate " + Errors.typed(c) + ": it is not a number");
                }
                yield new UnaryOp(e.op(), c);
            }
            case IS_NULL, IS_NOT_NULL -> new UnaryOp(e.op(), c);
        };
    }

    @Override
    public Expression visitIn(In e) {
        Expression value = operand(e.value());
        List<Expression> list = operands(e.list());
        List<Expression> all = new ArrayList<>();
        all.add(value);
        all.addAll(list);
        List<Expression> unified = Coercion.unify(all, () -> {
            List<String> types = new ArrayList<>();
            for (Expression x : list) {
                types.add(x + " (" + x.type().simpleString() + ")");
            }
            return Errors.typeMismatch("isin on " + Errors.typed(value) + " got candidates of other types: "
                    + String.join(", ", types) + ". Use candidates of the column's type");
        });
        checkComparable(unified.get(0), e.toString());
        return new In(unified.get(0), unified.subList(1, unified.size()));
    }

    @Override
    public Expression visitStringMatch(StringMatch e) {
        Expression v = operand(e.value());
        Expression p = operand(e.pattern());
        String what = e.kind().name().toLowerCase(Locale.ROOT);
        if (!v.type().isTextual() && !Literals.isNullLiteral(v)) {
            throw Errors.typeMismatch(what + " needs text, but " + Errors.typed(v)
                    + " is not text. Cast it with .cast(DataTypes.STRING) first");
        }
        if (!p.type().isTextual()) {
            throw Errors.typeMismatch("The pattern of " + what + " must be text, but " + Errors.typed(p) + " is not");
        }
        return new StringMatch(e.kind(), v, p);
    }

    @Override
    public Expression visitCast(Cast e) {
        Expression c = operand(e.child());
        if (Literals.isNullLiteral(c)) {
            return Literals.nullOf(e.target());
        }
        if (c.type().equals(e.target())) {
            return c;
        }
        if (!Coercion.canCast(c.type(), e.target())) {
            throw Errors.typeMismatch("Cannot cast " + Errors.typed(c) + " to "
                    + e.target().simpleString() + ": there is no conversion between these types");
        }
        return new Cast(c, e.target(), e.lenient());
    }

    @Override
    public Expression visitCaseWhen(CaseWhen e) {
        List<Expression> conditions = new ArrayList<>();
        List<Expression> values = new ArrayList<>();
        for (CaseWhen.Branch b : e.branches()) {
            conditions.add(requireBoolean(operand(b.condition()), "WHEN", e.toString()));
            values.add(operand(b.value()));
        }
        if (e.otherwise() != null) {
            values.add(operand(e.otherwise()));
        }
        List<Expression> unified = Coercion.unify(values, () -> {
            List<String> types = new ArrayList<>();
            for (Expression v : values) {
                types.add(Errors.typed(v));
            }
            return Errors.typeMismatch("The values of when(...).otherwise(...) have no common type: "
                    + String.join(", ", types) + ". Cast them to one type");
        });
        List<CaseWhen.Branch> branches = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            branches.add(new CaseWhen.Branch(conditions.get(i), unified.get(i)));
        }
        return new CaseWhen(branches, e.otherwise() == null ? null : unified.get(unified.size() - 1));
    }

    @Override
    public Expression visitCoalesce(Coalesce e) {
        List<Expression> args = operands(e.args());
        return new Coalesce(Coercion.unify(args, () -> {
            List<String> types = new ArrayList<>();
            for (Expression a : args) {
                types.add(Errors.typed(a));
            }
            return Errors.typeMismatch("The arguments of coalesce have no common type: " + String.join(", ", types)
                    + ". Cast them to one type");
        }));
    }

    @Override
    public Expression visitGetField(GetField e) {
        Expression c = operand(e.child());
        return Scope.getField(c, e.field(), e.child().toString());
    }

    @Override
    public Expression visitGetItem(GetItem e) {
        Expression c = operand(e.child());
        Expression index = operand(e.index());
        if (!(c.type() instanceof ArrayType) && !(c.type() instanceof EmbeddingType)) {
            throw Errors.typeMismatch("getItem needs an array, but " + Errors.typed(c) + " is not one");
        }
        if (index.type() != ScalarType.INTEGER && index.type() != ScalarType.LONG) {
            throw Errors.typeMismatch("The index of getItem must be an int, but " + Errors.typed(index) + " is not");
        }
        return new GetItem(c, index);
    }

    @Override
    public Expression visitScalarFunction(ScalarFunction e) {
        return functions.resolve(e.name(), operands(e.args()));
    }

    @Override
    public Expression visitAggregateCall(AggregateCall e) {
        if (insideAggregate) {
            throw Errors.invalidPlan("Aggregate " + e + " is nested inside another aggregate; aggregates cannot be"
                    + " nested. Compute the inner one in a separate groupBy(...).agg(...) first");
        }
        ExpressionResolver inner = new ExpressionResolver(scope, functions, models, true);
        List<Expression> args = new ArrayList<>();
        for (Expression a : e.args()) {
            args.add(inner.operand(a));
        }
        List<SortKey> orderBy = new ArrayList<>();
        for (SortKey k : e.orderBy()) {
            orderBy.add((SortKey) inner.operand(k));
        }
        if (!args.isEmpty()) {
            Expression a = args.get(0);
            DataType t = a.type();
            String name = e.function().name().toLowerCase(Locale.ROOT);
            switch (e.function()) {
                case SUM, AVG, STDDEV -> {
                    if (Literals.isNullLiteral(a)) {
                        args.set(0, Literals.nullOf(ScalarType.DOUBLE));
                    } else if (!t.isNumeric()) {
                        throw Errors.typeMismatch(name + " needs a numeric column, but " + Errors.typed(a)
                                + " is not numeric. Cast it with .cast(DataTypes.DOUBLE) first");
                    }
                }
                case MIN, MAX -> {
                    if (t instanceof EmbeddingType || t instanceof dev.quarry.types.StructType) {
                        throw Errors.typeMismatch(
                                name + " needs values that can be ordered, but " + Errors.typed(a) + " cannot");
                    }
                }
                default -> {}
            }
        }
        return new AggregateCall(e.function(), args, e.distinct(), orderBy);
    }

    @Override
    public Expression visitSortKey(SortKey e) {
        return new SortKey(operand(e.child()), e.ascending(), e.nullsFirst());
    }

    @Override
    public Expression visitSemanticFunction(SemanticFunction e) {
        ExpressionResolver inner = new ExpressionResolver(scope, functions, models, true);
        return SemanticResolver.resolve(e, scope, models, insideAggregate, this::operand, inner::operand);
    }
}
