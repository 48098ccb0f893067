package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.analyzer.Literals;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.BinaryOp;
import dev.quarry.internal.expr.CaseWhen;
import dev.quarry.internal.expr.Cast;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.GetField;
import dev.quarry.internal.expr.GetItem;
import dev.quarry.internal.expr.In;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.expr.StringMatch;
import dev.quarry.internal.expr.UnaryOp;
import dev.quarry.types.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A column expression, built with {@link dev.quarry.functions.Functions} ({@code col}, {@code lit},
 * ...) and the methods of this class, and evaluated per row once used in a DataFrame operation.
 * Columns are immutable and not tied to a schema until used: {@code col("nmae")} is only reported
 * as unknown when a DataFrame operation resolves it.
 *
 * <p>Methods taking an {@code Object} accept a {@code Column} or a Java value (a literal), as in
 * Spark: {@code col("age").gt(18)}.
 *
 * <pre>{@code
 * Column adult = col("age").geq(18).and(col("country").equalTo("FR"));
 * df.filter(adult).select(col("name"), col("age").plus(1).as("next_age"));
 * }</pre>
 */
public final class Column {
    private final Expression expression;

    private Column(Expression expression) {
        this.expression = requireNonNull(expression, "expression is null");
    }

    /**
     * A column wrapping an expression tree (for function libraries and backends).
     *
     * <pre>{@code Column c = Column.of(new UnresolvedColumn("id"));}</pre>
     *
     * @param expression the (usually unresolved) expression
     * @return the column
     */
    public static Column of(Expression expression) {
        return new Column(expression);
    }

    /**
     * The expression tree of this column (for function libraries and backends).
     *
     * <pre>{@code Expression e = col("a").plus(1).expression();}</pre>
     *
     * @return the expression
     */
    public Expression expression() {
        return expression;
    }

    /**
     * The expression of a column or a Java value.
     *
     * @param value a Column or a literal value
     * @return its expression
     */
    static Expression toExpression(Object value) {
        return value instanceof Column c ? c.expression : Literals.of(value);
    }

    private Column binary(BinaryOp.Operator op, Object other) {
        return new Column(new BinaryOp(op, expression, toExpression(other)));
    }

    // ------------------------------------------------------------------ comparison

    /**
     * Evaluates to true where this column equals the other value (null when either is null).
     *
     * <pre>{@code col("status").equalTo("open")}</pre>
     *
     * @param other a Column or a Java value
     * @return the boolean column
     */
    public Column equalTo(Object other) {
        return binary(BinaryOp.Operator.EQ, other);
    }

    /**
     * Evaluates to true where this column differs from the other value (null when either is null).
     *
     * <pre>{@code col("status").notEqual("closed")}</pre>
     *
     * @param other a Column or a Java value
     * @return the boolean column
     */
    public Column notEqual(Object other) {
        return binary(BinaryOp.Operator.NEQ, other);
    }

    /**
     * Evaluates to true where this column is greater than the other value.
     *
     * <pre>{@code col("age").gt(18)}</pre>
     *
     * @param other a Column or a Java value
     * @return the boolean column
     */
    public Column gt(Object other) {
        return binary(BinaryOp.Operator.GT, other);
    }

    /**
     * Evaluates to true where this column is greater than or equal to the other value.
     *
     * <pre>{@code col("age").geq(18)}</pre>
     *
     * @param other a Column or a Java value
     * @return the boolean column
     */
    public Column geq(Object other) {
        return binary(BinaryOp.Operator.GEQ, other);
    }

    /**
     * Evaluates to true where this column is less than the other value.
     *
     * <pre>{@code col("price").lt(col("budget"))}</pre>
     *
     * @param other a Column or a Java value
     * @return the boolean column
     */
    public Column lt(Object other) {
        return binary(BinaryOp.Operator.LT, other);
    }

    /**
     * Evaluates to true where this column is less than or equal to the other value.
     *
     * <pre>{@code col("price").leq(100.0)}</pre>
     *
     * @param other a Column or a Java value
     * @return the boolean column
     */
    public Column leq(Object other) {
        return binary(BinaryOp.Operator.LEQ, other);
    }

    // ------------------------------------------------------------------ logic

    /**
     * Evaluates to true where both boolean columns are true (SQL AND, three-valued).
     *
     * <pre>{@code col("a").gt(1).and(col("b").lt(2))}</pre>
     *
     * @param other a boolean Column or a Boolean
     * @return the boolean column
     */
    public Column and(Object other) {
        return binary(BinaryOp.Operator.AND, other);
    }

    /**
     * Evaluates to true where either boolean column is true (SQL OR, three-valued).
     *
     * <pre>{@code col("team").equalTo("billing").or(col("urgent"))}</pre>
     *
     * @param other a boolean Column or a Boolean
     * @return the boolean column
     */
    public Column or(Object other) {
        return binary(BinaryOp.Operator.OR, other);
    }

    /**
     * Evaluates to the negation of this boolean column (null stays null).
     *
     * <pre>{@code col("archived").not()}</pre>
     *
     * @return the boolean column
     */
    public Column not() {
        return new Column(new UnaryOp(UnaryOp.Operator.NOT, expression));
    }

    // ------------------------------------------------------------------ arithmetic

    /**
     * Evaluates to this number plus the other (the wider numeric type of the two).
     *
     * <pre>{@code col("price").plus(col("tax"))}</pre>
     *
     * @param other a Column or a number
     * @return the numeric column
     */
    public Column plus(Object other) {
        return binary(BinaryOp.Operator.PLUS, other);
    }

    /**
     * Evaluates to this number minus the other.
     *
     * <pre>{@code col("end").minus(col("start"))}</pre>
     *
     * @param other a Column or a number
     * @return the numeric column
     */
    public Column minus(Object other) {
        return binary(BinaryOp.Operator.MINUS, other);
    }

    /**
     * Evaluates to this number times the other.
     *
     * <pre>{@code col("quantity").multiply(col("unit_price"))}</pre>
     *
     * @param other a Column or a number
     * @return the numeric column
     */
    public Column multiply(Object other) {
        return binary(BinaryOp.Operator.MULTIPLY, other);
    }

    /**
     * Evaluates to this number divided by the other, as a double (null when dividing by zero).
     *
     * <pre>{@code col("total").divide(col("count"))}</pre>
     *
     * @param other a Column or a number
     * @return the double column
     */
    public Column divide(Object other) {
        return binary(BinaryOp.Operator.DIVIDE, other);
    }

    /**
     * Evaluates to the remainder of dividing this number by the other.
     *
     * <pre>{@code col("id").mod(10)}</pre>
     *
     * @param other a Column or a number
     * @return the numeric column
     */
    public Column mod(Object other) {
        return binary(BinaryOp.Operator.MODULO, other);
    }

    /**
     * Evaluates to the negated number.
     *
     * <pre>{@code col("delta").negate()}</pre>
     *
     * @return the numeric column
     */
    public Column negate() {
        return new Column(new UnaryOp(UnaryOp.Operator.NEGATE, expression));
    }

    // ------------------------------------------------------------------ nulls and sets

    /**
     * Evaluates to true where this column is null.
     *
     * <pre>{@code col("email").isNull()}</pre>
     *
     * @return the boolean column, never null
     */
    public Column isNull() {
        return new Column(new UnaryOp(UnaryOp.Operator.IS_NULL, expression));
    }

    /**
     * Evaluates to true where this column is not null.
     *
     * <pre>{@code col("email").isNotNull()}</pre>
     *
     * @return the boolean column, never null
     */
    public Column isNotNull() {
        return new Column(new UnaryOp(UnaryOp.Operator.IS_NOT_NULL, expression));
    }

    /**
     * Evaluates to true where this column equals one of the values.
     *
     * <pre>{@code col("team").isin("billing", "sales")}</pre>
     *
     * @param values Columns or Java values, at least one
     * @return the boolean column
     */
    public Column isin(Object... values) {
        requireNonNull(values, "values is null");
        if (values.length == 1 && values[0] instanceof Collection<?> c) {
            return isin(c);
        }
        List<Expression> list = new ArrayList<>(values.length);
        for (Object v : values) {
            list.add(toExpression(v));
        }
        if (list.isEmpty()) {
            throw new QuarryException(ErrorCode.INVALID_ARGUMENT, "isin needs at least one value");
        }
        return new Column(new In(expression, list));
    }

    /**
     * Evaluates to true where this column equals one of the values in the collection.
     *
     * <pre>{@code col("team").isin(List.of("billing", "sales"))}</pre>
     *
     * @param values Java values or Columns, at least one
     * @return the boolean column
     */
    public Column isin(Collection<?> values) {
        return isin(values.toArray());
    }

    // ------------------------------------------------------------------ strings

    /**
     * Evaluates to true where this text contains the other text.
     *
     * <pre>{@code col("body").contains("refund")}</pre>
     *
     * @param other a Column or a String
     * @return the boolean column
     */
    public Column contains(Object other) {
        return new Column(new StringMatch(StringMatch.Kind.CONTAINS, expression, toExpression(other)));
    }

    /**
     * Evaluates to true where this text starts with the prefix.
     *
     * <pre>{@code col("code").startsWith("ERR-")}</pre>
     *
     * @param prefix a Column or a String
     * @return the boolean column
     */
    public Column startsWith(Object prefix) {
        return new Column(new StringMatch(StringMatch.Kind.STARTS_WITH, expression, toExpression(prefix)));
    }

    /**
     * Evaluates to true where this text ends with the suffix.
     *
     * <pre>{@code col("file").endsWith(".pdf")}</pre>
     *
     * @param suffix a Column or a String
     * @return the boolean column
     */
    public Column endsWith(Object suffix) {
        return new Column(new StringMatch(StringMatch.Kind.ENDS_WITH, expression, toExpression(suffix)));
    }

    /**
     * Evaluates to true where this text matches a SQL LIKE pattern ({@code %} any run, {@code _} one character).
     *
     * <pre>{@code col("email").like("%@example.com")}</pre>
     *
     * @param pattern the LIKE pattern
     * @return the boolean column
     */
    public Column like(String pattern) {
        return new Column(new StringMatch(StringMatch.Kind.LIKE, expression, Literals.of(pattern)));
    }

    /**
     * Evaluates to true where the regular expression is found anywhere in this text.
     *
     * <pre>{@code col("body").rlike("ERR-[0-9]{4}")}</pre>
     *
     * @param regex the regular expression
     * @return the boolean column
     */
    public Column rlike(String regex) {
        return new Column(new StringMatch(StringMatch.Kind.RLIKE, expression, Literals.of(regex)));
    }

    // ------------------------------------------------------------------ naming, types, nesting

    /**
     * The same values under a new column name.
     *
     * <pre>{@code col("amount").multiply(2).as("double_amount")}</pre>
     *
     * @param name the output column name
     * @return the named column
     */
    public Column as(String name) {
        if (name == null || name.isBlank()) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "A column alias must not be blank, got " + quoted(name) + " for " + this);
        }
        Expression child = expression instanceof Alias a ? a.child() : expression;
        return new Column(new Alias(child, name));
    }

    /**
     * The same values under a new column name; same as {@link #as(String)}.
     *
     * <pre>{@code col("n").alias("count")}</pre>
     *
     * @param name the output column name
     * @return the named column
     */
    public Column alias(String name) {
        return as(name);
    }

    /**
     * Evaluates to this value converted to another type; a value that cannot be converted fails
     * the query (see {@link #tryCast(DataType)} for null instead).
     *
     * <pre>{@code col("price").cast(DataTypes.DOUBLE)}</pre>
     *
     * @param type the target type
     * @return the converted column
     */
    public Column cast(DataType type) {
        return new Column(new Cast(expression, requireNonNull(type, "type is null"), false));
    }

    /**
     * Evaluates to this value converted to another type, or null where it cannot be converted.
     *
     * <pre>{@code col("maybe_number").tryCast(DataTypes.LONG)}</pre>
     *
     * @param type the target type
     * @return the converted column
     */
    public Column tryCast(DataType type) {
        return new Column(new Cast(expression, requireNonNull(type, "type is null"), true));
    }

    /**
     * Evaluates to a field of this struct (null when the struct is null).
     *
     * <pre>{@code col("info").getField("product")}</pre>
     *
     * @param field the field name
     * @return the field's column
     */
    public Column getField(String field) {
        return new Column(new GetField(expression, requireNonNull(field, "field is null")));
    }

    /**
     * Evaluates to the element at a 0-based position of this array (null when out of range).
     *
     * <pre>{@code col("tags").getItem(0)}</pre>
     *
     * @param index the 0-based position
     * @return the element's column
     */
    public Column getItem(int index) {
        return new Column(new GetItem(expression, Literals.of(index)));
    }

    // ------------------------------------------------------------------ ordering

    /**
     * An ascending sort key for {@code orderBy} (nulls first).
     *
     * <pre>{@code df.orderBy(col("name").asc())}</pre>
     *
     * @return the sort key
     */
    public Column asc() {
        return new Column(SortKey.of(unsorted(), true));
    }

    /**
     * An ascending sort key with nulls last.
     *
     * <pre>{@code df.orderBy(col("name").ascNullsLast())}</pre>
     *
     * @return the sort key
     */
    public Column ascNullsLast() {
        return new Column(new SortKey(unsorted(), true, false));
    }

    /**
     * A descending sort key for {@code orderBy} (nulls last).
     *
     * <pre>{@code df.orderBy(col("tickets").desc())}</pre>
     *
     * @return the sort key
     */
    public Column desc() {
        return new Column(SortKey.of(unsorted(), false));
    }

    /**
     * A descending sort key with nulls first.
     *
     * <pre>{@code df.orderBy(col("tickets").descNullsFirst())}</pre>
     *
     * @return the sort key
     */
    public Column descNullsFirst() {
        return new Column(new SortKey(unsorted(), false, true));
    }

    private Expression unsorted() {
        return expression instanceof SortKey s ? s.child() : expression;
    }

    // ------------------------------------------------------------------ conditionals

    /**
     * Adds a branch to a {@code when(...)} column: evaluates to {@code value} where {@code condition}
     * holds and no earlier branch did.
     *
     * <pre>{@code when(col("n").gt(100), "big").when(col("n").gt(10), "medium").otherwise("small")}</pre>
     *
     * @param condition a boolean Column
     * @param value a Column or Java value
     * @return the conditional column
     * @throws QuarryException INVALID_ARGUMENT when this column is not a {@code when(...)} without otherwise
     */
    public Column when(Column condition, Object value) {
        CaseWhen c = openCase("when");
        List<CaseWhen.Branch> branches = new ArrayList<>(c.branches());
        branches.add(new CaseWhen.Branch(condition.expression, toExpression(value)));
        return new Column(new CaseWhen(branches, null));
    }

    /**
     * Completes a {@code when(...)} column: evaluates to {@code value} where no branch holds
     * (without it, such rows are null).
     *
     * <pre>{@code when(col("score").geq(0.5), "yes").otherwise("no")}</pre>
     *
     * @param value a Column or Java value
     * @return the conditional column
     */
    public Column otherwise(Object value) {
        CaseWhen c = openCase("otherwise");
        return new Column(new CaseWhen(c.branches(), toExpression(value)));
    }

    private CaseWhen openCase(String method) {
        if (!(expression instanceof CaseWhen c) || c.otherwise() != null) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    method + "(...) continues a when(...) column, but " + this
                            + (expression instanceof CaseWhen ? " already has otherwise(...)" : " is not one")
                            + ". Start with Functions.when(condition, value)");
        }
        return c;
    }

    private static String quoted(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    /**
     * The expression as it reads, e.g. {@code (age > 18)}.
     *
     * <pre>{@code col("age").gt(18).toString() // "(age > 18)"}</pre>
     *
     * @return the readable expression
     */
    @Override
    public String toString() {
        return expression.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && c.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }
}
