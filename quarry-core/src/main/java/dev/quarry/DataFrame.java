package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.analyzer.Errors;
import dev.quarry.internal.analyzer.Scope;
import dev.quarry.internal.explain.Estimate;
import dev.quarry.internal.explain.ExplainRenderer;
import dev.quarry.internal.explain.TableFormatter;
import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.UnresolvedColumn;
import dev.quarry.internal.optimizer.OptimizerResult;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.Limit;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.types.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lazy, immutable table: a logical plan plus its schema. Transformations return new DataFrames
 * and check their columns and types at once, so a mistake fails at the line that wrote it; actions
 * ({@link #collect()}, {@link #count()}, {@link #show()}, {@link #write()}) optimize the plan and
 * run it on the session's backend.
 *
 * <pre>{@code
 * DataFrame open = tickets.filter(col("status").equalTo("open"))
 *         .withColumn("chars", length(col("body")))
 *         .select(col("id"), col("team"), col("chars"));
 * open.orderBy(col("chars").desc()).show(5);
 * }</pre>
 */
public final class DataFrame {
    private final Session session;
    private final LogicalPlan plan;
    private final long id;
    private final List<DataFrame> parents;

    DataFrame(Session session, LogicalPlan plan, long id, List<DataFrame> parents) {
        this.session = session;
        this.plan = plan;
        this.id = id;
        this.parents = parents;
    }

    private DataFrame derive(LogicalPlan newPlan) {
        return session.newFrame(newPlan, this);
    }

    private List<Expression> exprs(Column... columns) {
        requireNonNull(columns, "columns is null");
        List<Expression> out = new ArrayList<>(columns.length);
        for (Column c : columns) {
            out.add(own(requireNonNull(c, "a column is null").expression()));
        }
        return out;
    }

    /**
     * The expression, checked not to hold a column taken from an unrelated DataFrame
     * ({@code other.col("x")} used on this one), which would otherwise resolve by name to a column
     * that merely shares it.
     */
    Expression own(Expression e) {
        if (e instanceof UnresolvedColumn u && u.frameId() != null && !derivesFrom(u.frameId())) {
            throw Errors.invalidArgument("Column '" + u.name() + "' was taken from another DataFrame with"
                    + " other.col(\"" + u.name() + "\") and cannot be used on this one, which it does not feed."
                    + " Use col(\"" + u.name() + "\") or this DataFrame's own col(\"" + u.name() + "\")");
        }
        for (Expression c : e.children()) {
            own(c);
        }
        return e;
    }

    private static List<Expression> names(String... columns) {
        requireNonNull(columns, "columns is null");
        List<Expression> out = new ArrayList<>(columns.length);
        for (String c : columns) {
            out.add(new UnresolvedColumn(requireNonNull(c, "a column name is null")));
        }
        return out;
    }

    // ------------------------------------------------------------------ schema

    /**
     * The columns of this DataFrame, with their types.
     *
     * <pre>{@code DataType t = df.schema().field("body").type();}</pre>
     *
     * @return the schema
     */
    public Schema schema() {
        return plan.schema();
    }

    /**
     * The column names, in order.
     *
     * <pre>{@code List<String> names = df.columns(); // [id, name, body]}</pre>
     *
     * @return the names
     */
    public List<String> columns() {
        return plan.schema().names();
    }

    /**
     * Prints the schema as a tree to standard output.
     *
     * <pre>{@code df.printSchema(); // root
     *                    //  |-- id: bigint}</pre>
     */
    public void printSchema() {
        System.out.print(plan.schema().treeString());
    }

    /**
     * A column of this DataFrame, checked now; in a join condition it says which side it comes from
     * ({@code a.col("id").equalTo(b.col("id"))}).
     *
     * <pre>{@code orders.join(customers, orders.col("customer_id").equalTo(customers.col("id")), JoinType.LEFT)}</pre>
     *
     * @param name the column name (a dotted name reaches into a struct)
     * @return the column
     * @throws QuarryException COLUMN_NOT_FOUND listing the columns
     */
    public Column col(String name) {
        requireNonNull(name, "name is null");
        UnresolvedColumn c = new UnresolvedColumn(name, id);
        session.planBuilder().resolve(c, Scope.of(plan.schema()));
        return Column.of(c);
    }

    // ------------------------------------------------------------------ projections

    /**
     * Keeps the given columns or expressions; {@code col("*")} stands for every column.
     *
     * <pre>{@code df.select(col("id"), upper(col("name")).as("name"), col("price").multiply(1.2).as("gross"))}</pre>
     *
     * @param columns the output columns
     * @return the new DataFrame
     */
    public DataFrame select(Column... columns) {
        return derive(session.planBuilder().select(plan, exprs(columns)));
    }

    /**
     * Keeps the named columns; {@code "*"} stands for every column.
     *
     * <pre>{@code df.select("id", "name")}</pre>
     *
     * @param columns the column names
     * @return the new DataFrame
     */
    public DataFrame select(String... columns) {
        return derive(session.planBuilder().select(plan, names(columns)));
    }

    /**
     * Adds a column, or replaces the column of that name in place.
     *
     * <pre>{@code df.withColumn("total", col("price").multiply(col("quantity")))}</pre>
     *
     * @param name the column name
     * @param column its value
     * @return the new DataFrame
     */
    public DataFrame withColumn(String name, Column column) {
        requireNonNull(column, "column is null");
        Map<String, Expression> m = new LinkedHashMap<>();
        m.put(name, own(column.expression()));
        return derive(session.planBuilder().withColumns(plan, m));
    }

    /**
     * Adds or replaces several columns at once; every expression reads this DataFrame, not the
     * other new columns.
     *
     * <pre>{@code df.withColumns(Map.of("upper_name", upper(col("name")), "chars", length(col("body"))))}</pre>
     *
     * @param columns the new columns by name (use a LinkedHashMap to fix the order of added columns)
     * @return the new DataFrame
     */
    public DataFrame withColumns(Map<String, Column> columns) {
        requireNonNull(columns, "columns is null");
        Map<String, Expression> m = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            m.put(
                    e.getKey(),
                    own(requireNonNull(e.getValue(), "column '" + e.getKey() + "' is null")
                            .expression()));
        }
        return derive(session.planBuilder().withColumns(plan, m));
    }

    /**
     * Renames a column, keeping its position.
     *
     * <pre>{@code df.withColumnRenamed("nm", "name")}</pre>
     *
     * @param existing the current name
     * @param newName the new name
     * @return the new DataFrame
     */
    public DataFrame withColumnRenamed(String existing, String newName) {
        requireNonNull(existing, "existing is null");
        return derive(session.planBuilder().withColumnRenamed(plan, existing, newName));
    }

    /**
     * Removes columns; each must exist.
     *
     * <pre>{@code df.drop("body", "raw_json")}</pre>
     *
     * @param columns the column names
     * @return the new DataFrame
     */
    public DataFrame drop(String... columns) {
        requireNonNull(columns, "columns is null");
        return derive(session.planBuilder().drop(plan, List.of(columns)));
    }

    // ------------------------------------------------------------------ filtering and ordering

    /**
     * Keeps the rows where the condition is true (null counts as false).
     *
     * <pre>{@code df.filter(col("status").equalTo("open").and(col("priority").geq(2)))}</pre>
     *
     * @param condition a boolean column
     * @return the new DataFrame
     */
    public DataFrame filter(Column condition) {
        requireNonNull(condition, "condition is null");
        return derive(session.planBuilder().filter(plan, own(condition.expression())));
    }

    /**
     * Same as {@link #filter(Column)}.
     *
     * <pre>{@code df.where(col("age").gt(18))}</pre>
     *
     * @param condition a boolean column
     * @return the new DataFrame
     */
    public DataFrame where(Column condition) {
        return filter(condition);
    }

    /**
     * Sorts the rows; a plain column sorts ascending (nulls first), use {@code desc()} for descending.
     *
     * <pre>{@code df.orderBy(col("tickets").desc(), col("team"))}</pre>
     *
     * @param columns the sort keys, first key first
     * @return the new DataFrame
     */
    public DataFrame orderBy(Column... columns) {
        return derive(session.planBuilder().orderBy(plan, exprs(columns)));
    }

    /**
     * Sorts the rows by the named columns, ascending.
     *
     * <pre>{@code df.orderBy("team", "id")}</pre>
     *
     * @param columns the column names
     * @return the new DataFrame
     */
    public DataFrame orderBy(String... columns) {
        return derive(session.planBuilder().orderBy(plan, names(columns)));
    }

    /**
     * Same as {@link #orderBy(Column...)}.
     *
     * <pre>{@code df.sort(col("created_at").desc())}</pre>
     *
     * @param columns the sort keys
     * @return the new DataFrame
     */
    public DataFrame sort(Column... columns) {
        return orderBy(columns);
    }

    /**
     * Keeps the first {@code n} rows.
     *
     * <pre>{@code df.orderBy(col("score").desc()).limit(10)}</pre>
     *
     * @param n the row count, 0 or more
     * @return the new DataFrame
     */
    public DataFrame limit(int n) {
        return derive(session.planBuilder().limit(plan, n));
    }

    /**
     * Removes duplicate rows.
     *
     * <pre>{@code df.select("team").distinct()}</pre>
     *
     * @return the new DataFrame
     */
    public DataFrame distinct() {
        return derive(session.planBuilder().distinct(plan));
    }

    /**
     * Keeps one row per distinct combination of the columns (all columns kept); without columns,
     * same as {@link #distinct()}.
     *
     * <pre>{@code df.dropDuplicates("email")}</pre>
     *
     * @param columns the key columns
     * @return the new DataFrame
     */
    public DataFrame dropDuplicates(String... columns) {
        requireNonNull(columns, "columns is null");
        return derive(session.planBuilder().dropDuplicates(plan, List.of(columns)));
    }

    // ------------------------------------------------------------------ nested data

    /**
     * One row per element of an array column, the column replaced in place by the element; rows
     * whose array is null or empty are dropped.
     *
     * <pre>{@code df.explode("error_codes")}</pre>
     *
     * @param column an array column
     * @return the new DataFrame
     */
    public DataFrame explode(String column) {
        requireNonNull(column, "column is null");
        return derive(session.planBuilder().explode(plan, column, false));
    }

    /**
     * Like {@link #explode(String)}, but rows whose array is null or empty are kept once, with a null element.
     *
     * <pre>{@code df.explodeOuter("error_codes")}</pre>
     *
     * @param column an array column
     * @return the new DataFrame
     */
    public DataFrame explodeOuter(String column) {
        requireNonNull(column, "column is null");
        return derive(session.planBuilder().explode(plan, column, true));
    }

    /**
     * Replaces a struct column, in place, by one column per field.
     *
     * <pre>{@code df.withColumn("info", Semantic.extract(col("body"), TicketInfo.class)).unnest("info")}</pre>
     *
     * @param structColumn a struct column
     * @return the new DataFrame
     */
    public DataFrame unnest(String structColumn) {
        requireNonNull(structColumn, "structColumn is null");
        return derive(session.planBuilder().unnest(plan, structColumn));
    }

    // ------------------------------------------------------------------ joins and unions

    /**
     * Joins with another DataFrame on a condition. The output has this DataFrame's columns, then
     * the other's (only this one's for SEMI and ANTI); a name on both sides is an error, so join on
     * equally named keys with {@link #join(DataFrame, String...)} or rename first.
     *
     * <pre>{@code orders.join(customers, col("customer_id").equalTo(col("c_id")), JoinType.LEFT)}</pre>
     *
     * @param other the right side
     * @param condition a boolean column over both sides
     * @param type the join type (not CROSS: use {@link #crossJoin})
     * @return the joined DataFrame
     */
    public DataFrame join(DataFrame other, Column condition, JoinType type) {
        session.checkOwn(other, "join");
        requireNonNull(condition, "condition is null");
        requireNonNull(type, "type is null");
        LogicalPlan joined = session.planBuilder()
                .join(plan, other.plan, condition.expression(), type, this::derivesFrom, other::derivesFrom);
        return session.newFrame(joined, this, other);
    }

    /**
     * Inner join on a condition.
     *
     * <pre>{@code orders.join(customers, col("customer_id").equalTo(col("c_id")))}</pre>
     *
     * @param other the right side
     * @param condition a boolean column over both sides
     * @return the joined DataFrame
     */
    public DataFrame join(DataFrame other, Column condition) {
        return join(other, condition, JoinType.INNER);
    }

    /**
     * Inner join on equally named key columns, which appear once in the output.
     *
     * <pre>{@code orders.join(customers, "customer_id")}</pre>
     *
     * @param other the right side
     * @param usingColumns the key names, present on both sides
     * @return the joined DataFrame
     */
    public DataFrame join(DataFrame other, String... usingColumns) {
        requireNonNull(usingColumns, "usingColumns is null");
        return join(other, List.of(usingColumns), JoinType.INNER);
    }

    /**
     * Join of a type on one equally named key column, which appears once in the output.
     *
     * <pre>{@code orders.join(customers, "customer_id", JoinType.LEFT)}</pre>
     *
     * @param other the right side
     * @param usingColumn the key name, present on both sides
     * @param type the join type
     * @return the joined DataFrame
     */
    public DataFrame join(DataFrame other, String usingColumn, JoinType type) {
        requireNonNull(usingColumn, "usingColumn is null");
        return join(other, List.of(usingColumn), type);
    }

    /**
     * Join of a type on equally named key columns, which appear once in the output (for FULL, the
     * non-null one of the two sides' values).
     *
     * <pre>{@code orders.join(customers, List.of("region", "customer_id"), JoinType.FULL)}</pre>
     *
     * @param other the right side
     * @param usingColumns the key names, present on both sides
     * @param type the join type
     * @return the joined DataFrame
     */
    public DataFrame join(DataFrame other, List<String> usingColumns, JoinType type) {
        session.checkOwn(other, "join");
        requireNonNull(usingColumns, "usingColumns is null");
        requireNonNull(type, "type is null");
        return session.newFrame(session.planBuilder().joinUsing(plan, other.plan, usingColumns, type), this, other);
    }

    /**
     * Every row of this DataFrame paired with every row of the other.
     *
     * <pre>{@code sizes.crossJoin(colors)}</pre>
     *
     * @param other the right side
     * @return the joined DataFrame
     */
    public DataFrame crossJoin(DataFrame other) {
        session.checkOwn(other, "crossJoin");
        return session.newFrame(session.planBuilder().crossJoin(plan, other.plan), this, other);
    }

    /**
     * The rows of both DataFrames, duplicates kept (SQL UNION ALL), columns matched by position
     * and widened to a common type; names come from this DataFrame.
     *
     * <pre>{@code january.union(february)}</pre>
     *
     * @param other a DataFrame with as many columns, of compatible types
     * @return the new DataFrame
     */
    public DataFrame union(DataFrame other) {
        session.checkOwn(other, "union");
        return session.newFrame(session.planBuilder().union(plan, other.plan), this, other);
    }

    /**
     * The rows of both DataFrames, columns matched by name (in this DataFrame's order).
     *
     * <pre>{@code a.unionByName(b)}</pre>
     *
     * @param other a DataFrame with the same column names
     * @return the new DataFrame
     */
    public DataFrame unionByName(DataFrame other) {
        return unionByName(other, false);
    }

    /**
     * The rows of both DataFrames, columns matched by name; with {@code allowMissingColumns},
     * a column missing on one side is null there (the other side's extra columns come last).
     *
     * <pre>{@code a.unionByName(b, true)}</pre>
     *
     * @param other the other DataFrame
     * @param allowMissingColumns fill missing columns with nulls instead of failing
     * @return the new DataFrame
     */
    public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
        session.checkOwn(other, "unionByName");
        return session.newFrame(session.planBuilder().unionByName(plan, other.plan, allowMissingColumns), this, other);
    }

    // ------------------------------------------------------------------ aggregation

    /**
     * Groups rows by the columns, for {@link GroupedData#agg}.
     *
     * <pre>{@code df.groupBy(col("team")).agg(count(col("id")).as("tickets"))}</pre>
     *
     * @param columns the grouping columns or expressions
     * @return the grouped data
     */
    public GroupedData groupBy(Column... columns) {
        List<Expression> keys = exprs(columns);
        return new GroupedData(this, keys);
    }

    /**
     * Groups rows by the named columns.
     *
     * <pre>{@code df.groupBy("team", "status").count()}</pre>
     *
     * @param columns the column names
     * @return the grouped data
     */
    public GroupedData groupBy(String... columns) {
        return new GroupedData(this, names(columns));
    }

    /**
     * Aggregates over all rows: one output row.
     *
     * <pre>{@code df.agg(count(col("*")).as("rows"), avg(col("score")).as("avg_score"))}</pre>
     *
     * @param aggregates aggregate columns
     * @return a one-row DataFrame
     */
    public DataFrame agg(Column... aggregates) {
        return aggregate(List.of(), exprs(aggregates));
    }

    DataFrame aggregate(List<Expression> keys, List<Expression> aggregates) {
        keys.forEach(this::own);
        aggregates.forEach(this::own);
        return derive(session.planBuilder().aggregate(plan, keys, aggregates));
    }

    // ------------------------------------------------------------------ semantic operators

    /**
     * The semantic operators over this whole DataFrame: {@code join} judged by a model,
     * {@code simJoin} by embedding similarity, and {@code withClusterLabels}.
     *
     * <pre>{@code DataFrame clustered = feedback.semantic().withClusterLabels(col("embedding"), 8);}</pre>
     *
     * @return the semantic operators of this DataFrame
     */
    public SemanticFrame semantic() {
        return new SemanticFrame(this);
    }

    // ------------------------------------------------------------------ caching and writing

    /**
     * Marks this DataFrame to be computed once per session and reused by every query that reads it.
     *
     * <pre>{@code DataFrame enriched = tickets.withColumn(...).cache();}</pre>
     *
     * @return the cached DataFrame
     */
    public DataFrame cache() {
        return derive(session.planBuilder().cache(plan));
    }

    /**
     * A writer for this DataFrame's rows: files, catalog tables or views.
     *
     * <pre>{@code df.write().mode(SaveMode.OVERWRITE).parquet("out/enriched.parquet");}</pre>
     *
     * @return the writer
     */
    public DataFrameWriter write() {
        return new DataFrameWriter(this);
    }

    // ------------------------------------------------------------------ actions

    /**
     * Runs the query and returns its rows and metrics.
     *
     * <pre>{@code QueryResult r = df.collect(); System.out.println(r.metrics());}</pre>
     *
     * @return the result
     */
    public QueryResult collect() {
        return session.run(plan, false).result();
    }

    /**
     * Runs the query and returns its rows.
     *
     * <pre>{@code for (Row r : df.collectAsList()) { System.out.println(r.getString("name")); }}</pre>
     *
     * @return the rows
     */
    public List<Row> collectAsList() {
        return collect().rows();
    }

    /**
     * Runs a query counting the rows.
     *
     * <pre>{@code long open = df.filter(col("status").equalTo("open")).count();}</pre>
     *
     * @return the row count
     */
    public long count() {
        LogicalPlan counting = new Aggregate(
                plan,
                List.of(),
                List.of(new Alias(new AggregateCall(AggregateCall.Function.COUNT, List.of(), false), "count")));
        QueryResult r = session.run(counting, false).result();
        if (r.rows().size() != 1) {
            throw new QuarryException(
                    ErrorCode.INTERNAL_ERROR,
                    "count() expected one row from the backend, got " + r.rows().size());
        }
        Long n = r.rows().get(0).getLong("count");
        return n == null ? 0 : n;
    }

    /**
     * Runs the query for its first {@code n} rows.
     *
     * <pre>{@code List<Row> top = df.orderBy(col("score").desc()).take(3);}</pre>
     *
     * @param n the most rows to return, 0 or more
     * @return the rows
     */
    public List<Row> take(int n) {
        if (n < 0) {
            throw Errors.invalidArgument("take needs a row count of 0 or more, got " + n);
        }
        return session.run(new Limit(plan, n), false).result().rows();
    }

    /**
     * Runs a query to learn whether there is at least one row.
     *
     * <pre>{@code if (df.filter(col("status").equalTo("failed")).isEmpty()) { ... }}</pre>
     *
     * @return true when the DataFrame has no rows
     */
    public boolean isEmpty() {
        return take(1).isEmpty();
    }

    /**
     * Prints the first 20 rows as a table to standard output, long cells truncated.
     *
     * <pre>{@code df.show();}</pre>
     */
    public void show() {
        show(20);
    }

    /**
     * Prints the first {@code n} rows as a table to standard output, cells longer than 20
     * characters truncated.
     *
     * <pre>{@code df.show(5);}</pre>
     *
     * @param n the rows to show
     */
    public void show(int n) {
        show(n, true);
    }

    /**
     * Prints the first {@code n} rows as a table to standard output.
     *
     * <pre>{@code df.show(5, false); // full cell contents}</pre>
     *
     * @param n the rows to show
     * @param truncate whether to cut cells longer than 20 characters
     */
    public void show(int n, boolean truncate) {
        System.out.print(showString(n, truncate));
        System.out.flush();
    }

    /**
     * The table {@link #show(int, boolean)} prints.
     *
     * <pre>{@code String table = df.showString(5, true);}</pre>
     *
     * @param n the rows to show, 0 or more
     * @param truncate whether to cut cells longer than 20 characters
     * @return the table text, ending with a newline
     */
    public String showString(int n, boolean truncate) {
        if (n < 0) {
            throw Errors.invalidArgument("show needs a row count of 0 or more, got " + n);
        }
        List<Row> rows =
                session.run(new Limit(plan, (long) n + 1), false).result().rows();
        boolean more = rows.size() > n;
        return TableFormatter.format(plan.schema(), more ? rows.subList(0, n) : rows, truncate ? 20 : 0, more);
    }

    /**
     * Prints the logical plan, the optimized plan and the optimizer rules that fired, with their
     * times; when the plan calls models, also the backend's estimate of the requests, tokens and cost
     * of each semantic operator, computed without sending any request.
     *
     * <pre>{@code df.explain();}</pre>
     */
    public void explain() {
        explain(ExplainMode.EXTENDED);
    }

    /**
     * Prints the plans; {@link ExplainMode#ANALYZE} also runs the query and shows per-operator metrics.
     *
     * <pre>{@code df.explain(ExplainMode.ANALYZE);}</pre>
     *
     * @param mode how much to show
     */
    public void explain(ExplainMode mode) {
        System.out.print(explainString(mode));
        System.out.flush();
    }

    /**
     * The text {@link #explain()} prints.
     *
     * <pre>{@code assertThat(df.explainString()).contains("Filter");}</pre>
     *
     * @return the explanation
     */
    public String explainString() {
        return explainString(ExplainMode.EXTENDED);
    }

    /**
     * The text {@link #explain(ExplainMode)} prints.
     *
     * <pre>{@code String text = df.explainString(ExplainMode.SIMPLE);}</pre>
     *
     * @param mode how much to show
     * @return the explanation
     */
    public String explainString(ExplainMode mode) {
        requireNonNull(mode, "mode is null");
        OptimizerResult optimized = session.optimize(plan);
        Estimate estimate = Estimate.of(session.backend(), optimized.plan());
        if (mode == ExplainMode.ANALYZE) {
            Session.Run run = session.run(plan, true);
            return ExplainRenderer.render(
                    plan,
                    run.optimized(),
                    session.config().disabledRules(),
                    mode,
                    run.result().metrics(),
                    estimate);
        }
        return ExplainRenderer.render(plan, optimized, session.config().disabledRules(), mode, null, estimate);
    }

    // ------------------------------------------------------------------ internals and identity

    /**
     * The session this DataFrame belongs to.
     *
     * <pre>{@code Session s = df.session();}</pre>
     *
     * @return the session
     */
    public Session session() {
        return session;
    }

    /**
     * The analyzed logical plan (for backends and tools).
     *
     * <pre>{@code LogicalPlan p = df.logicalPlan();}</pre>
     *
     * @return the plan
     */
    public LogicalPlan logicalPlan() {
        return plan;
    }

    /** Whether this DataFrame is, or was built from, the DataFrame with that id. */
    boolean derivesFrom(long frameId) {
        Deque<DataFrame> todo = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        todo.add(this);
        while (!todo.isEmpty()) {
            DataFrame d = todo.poll();
            if (d.id == frameId) {
                return true;
            }
            if (seen.add(d.id)) {
                todo.addAll(d.parents);
            }
        }
        return false;
    }

    /**
     * The column names and types.
     *
     * <pre>{@code df.toString() // DataFrame[id: bigint, name: string]}</pre>
     *
     * @return a one-line description
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DataFrame[");
        List<dev.quarry.types.StructField> fields = plan.schema().fields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fields.get(i).name())
                    .append(": ")
                    .append(fields.get(i).type().simpleString());
        }
        return sb.append(']').toString();
    }
}
