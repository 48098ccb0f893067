package dev.quarry.local.sql;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
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
import dev.quarry.types.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Turns a resolved expression into DuckDB SQL with Spark's meaning where the two differ:
 * {@code /} is double division and a zero divisor gives null (as does {@code %}); {@code getItem}
 * is 0-based and out-of-range (also negative) positions give null; {@code rlike} matches anywhere
 * in the value; {@code like} escapes with a backslash; a cast of a fractional number to an integral
 * type truncates; a lenient cast gives null where the value does not convert.
 *
 * <p>Column references are quoted names; in a join condition they are qualified with the alias of
 * their side.
 */
public final class ExpressionCompiler implements ExpressionVisitor<String> {
    private final FunctionMapper functions;
    private final String leftAlias;
    private final String rightAlias;

    /**
     * A compiler for expressions over one input.
     *
     * <pre>{@code new ExpressionCompiler(mapper).compile(condition)}</pre>
     *
     * @param functions maps scalar function names
     */
    public ExpressionCompiler(FunctionMapper functions) {
        this(functions, null, null);
    }

    /**
     * A compiler for join conditions, qualifying each column with its side's alias.
     *
     * <pre>{@code new ExpressionCompiler(mapper, "l1", "r1").compile(condition)}</pre>
     *
     * @param functions maps scalar function names
     * @param leftAlias the left input's alias, or null outside joins
     * @param rightAlias the right input's alias, or null outside joins
     */
    public ExpressionCompiler(FunctionMapper functions, String leftAlias, String rightAlias) {
        this.functions = requireNonNull(functions, "functions is null");
        this.leftAlias = leftAlias;
        this.rightAlias = rightAlias;
    }

    /**
     * The SQL of an expression (an alias is not rendered; see {@link #named(Expression)}).
     *
     * <pre>{@code compiler.compile(new BinaryOp(Operator.GT, col, lit)) // ("a" > CAST(1 AS INTEGER))}</pre>
     *
     * @param e a resolved expression
     * @return SQL text
     */
    public String compile(Expression e) {
        return e.accept(this);
    }

    /**
     * The SQL of a select-list item: the expression and {@code AS "outputName"}.
     *
     * <pre>{@code compiler.named(alias) // upper("name") AS "shout"}</pre>
     *
     * @param e a resolved expression
     * @return SQL text
     */
    public String named(Expression e) {
        return compile(e) + " AS " + Sql.identifier(e.outputName());
    }

    @Override
    public String visitColumnRef(ColumnRef e) {
        String name = Sql.identifier(e.name());
        return switch (e.side()) {
            case NONE -> name;
            case LEFT -> qualify(leftAlias, name, e);
            case RIGHT -> qualify(rightAlias, name, e);
        };
    }

    private static String qualify(String alias, String name, ColumnRef e) {
        if (alias == null) {
            throw internal("column " + e + " names a join side outside a join condition");
        }
        return Sql.identifier(alias) + "." + name;
    }

    @Override
    public String visitUnresolvedColumn(UnresolvedColumn e) {
        throw internal("the plan holds an unresolved column '" + e.name() + "'; plans must be analyzed first");
    }

    @Override
    public String visitLiteral(Literal e) {
        try {
            return Literals.render(e.value(), e.type());
        } catch (IllegalArgumentException ex) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "Invalid constant " + e + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public String visitAlias(Alias e) {
        return compile(e.child());
    }

    @Override
    public String visitBinaryOp(BinaryOp e) {
        String l = compile(e.left());
        String r = compile(e.right());
        return switch (e.op()) {
            case EQ -> "(" + l + " = " + r + ")";
            case NEQ -> "(" + l + " <> " + r + ")";
            case LT, LEQ, GT, GEQ, PLUS, MINUS, MULTIPLY -> "(" + l + " " + e.op().symbol() + " " + r + ")";
            case AND -> "(" + l + " AND " + r + ")";
            case OR -> "(" + l + " OR " + r + ")";
            case DIVIDE -> "(CAST(" + l + " AS DOUBLE) / CAST(NULLIF(" + r + ", 0) AS DOUBLE))";
            case MODULO -> "CAST((" + l + " % NULLIF(" + r + ", 0)) AS " + DuckTypes.toSql(e.type()) + ")";
        };
    }

    @Override
    public String visitUnaryOp(UnaryOp e) {
        String c = compile(e.child());
        return switch (e.op()) {
            case NOT -> "(NOT " + c + ")";
            case NEGATE -> "(-" + c + ")";
            case IS_NULL -> "(" + c + " IS NULL)";
            case IS_NOT_NULL -> "(" + c + " IS NOT NULL)";
        };
    }

    @Override
    public String visitIn(In e) {
        StringJoiner j = new StringJoiner(", ", "(" + compile(e.value()) + " IN (", "))");
        for (Expression candidate : e.list()) {
            j.add(compile(candidate));
        }
        return j.toString();
    }

    @Override
    public String visitStringMatch(StringMatch e) {
        String v = compile(e.value());
        String p = compile(e.pattern());
        return switch (e.kind()) {
            case CONTAINS -> "contains(" + v + ", " + p + ")";
            case STARTS_WITH -> "starts_with(" + v + ", " + p + ")";
            case ENDS_WITH -> "ends_with(" + v + ", " + p + ")";
            case LIKE -> "(" + v + " LIKE " + p + " ESCAPE '\\')";
            case RLIKE -> "regexp_matches(" + v + ", " + p + ")";
        };
    }

    @Override
    public String visitCast(Cast e) {
        String c = compile(e.child());
        DataType from = e.child().type();
        DataType to = e.target();
        if ((from == ScalarType.DOUBLE || from == ScalarType.FLOAT)
                && (to == ScalarType.INTEGER || to == ScalarType.LONG)) {
            c = "trunc(" + c + ")";
        }
        String cast = "CAST(" + c + " AS " + DuckTypes.toSql(to) + ")";
        // TRY(CAST(...)) rather than TRY_CAST: DuckDB 2.0 pushes a TRY_CAST of a CSV column into the
        // reader, where it becomes a strict conversion that fails the query
        return e.lenient() ? "TRY(" + cast + ")" : cast;
    }

    @Override
    public String visitCaseWhen(CaseWhen e) {
        StringBuilder sb = new StringBuilder("(CASE");
        for (CaseWhen.Branch b : e.branches()) {
            sb.append(" WHEN ").append(compile(b.condition())).append(" THEN ").append(compile(b.value()));
        }
        if (e.otherwise() != null) {
            sb.append(" ELSE ").append(compile(e.otherwise()));
        }
        return sb.append(" END)").toString();
    }

    @Override
    public String visitCoalesce(Coalesce e) {
        return "COALESCE(" + joined(e.args()) + ")";
    }

    @Override
    public String visitGetField(GetField e) {
        return "struct_extract(" + compile(e.child()) + ", " + Sql.string(e.field()) + ")";
    }

    @Override
    public String visitGetItem(GetItem e) {
        String child = compile(e.child());
        if (e.index() instanceof Literal lit && lit.value() instanceof Number n) {
            long i = n.longValue();
            return i < 0 ? "CAST(NULL AS " + DuckTypes.toSql(e.type()) + ")" : "(" + child + ")[" + (i + 1) + "]";
        }
        String index = compile(e.index());
        return "(CASE WHEN " + index + " >= 0 THEN (" + child + ")[" + index + " + 1] END)";
    }

    @Override
    public String visitScalarFunction(ScalarFunction e) {
        List<String> args = new ArrayList<>(e.args().size());
        for (Expression a : e.args()) {
            args.add(compile(a));
        }
        return functions.sql(e, args);
    }

    @Override
    public String visitAggregateCall(AggregateCall e) {
        String distinct = e.distinct() ? "DISTINCT " : "";
        if (e.args().isEmpty()) {
            return "count(*)";
        }
        String arg = compile(e.args().get(0));
        String type = DuckTypes.toSql(e.type());
        return switch (e.function()) {
            case COUNT -> "count(" + distinct + arg + ")";
            case SUM -> "CAST(sum(" + distinct + arg + ") AS " + type + ")";
            case AVG -> "avg(" + distinct + arg + ")";
            case MIN -> "min(" + arg + ")";
            case MAX -> "max(" + arg + ")";
            case FIRST -> "first(" + arg + ")";
            case STDDEV -> "stddev_samp(" + distinct + arg + ")";
            case COLLECT_LIST ->
                "COALESCE(list(" + distinct + arg + orderByClause(e.orderBy()) + ") FILTER (WHERE " + arg
                        + " IS NOT NULL), CAST([] AS "
                        + DuckTypes.toSql(new ArrayType(e.args().get(0).type()))
                        + "))";
        };
    }

    /** {@code ORDER BY k1 ASC NULLS FIRST, ...} inside an ordered aggregate, or nothing. */
    private String orderByClause(List<SortKey> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner(", ", " ORDER BY ", "");
        for (SortKey k : keys) {
            j.add(visitSortKey(k));
        }
        return j.toString();
    }

    @Override
    public String visitSortKey(SortKey e) {
        return compile(e.child())
                + (e.ascending() ? " ASC" : " DESC")
                + (e.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }

    @Override
    public String visitSemanticFunction(SemanticFunction e) {
        throw internal(
                "a semantic function reached SQL generation; semantic operators run in their own plan nodes: " + e);
    }

    private String joined(List<Expression> args) {
        StringJoiner j = new StringJoiner(", ");
        for (Expression a : args) {
            j.add(compile(a));
        }
        return j.toString();
    }

    static QuarryException internal(String message) {
        return new QuarryException(ErrorCode.INTERNAL_ERROR, "Cannot compile the plan to SQL: " + message);
    }
}
