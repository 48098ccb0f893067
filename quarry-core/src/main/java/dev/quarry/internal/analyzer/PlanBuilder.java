package dev.quarry.internal.analyzer;

import dev.quarry.ErrorCode;
import dev.quarry.JoinType;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.Cast;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.expr.TypeRules;
import dev.quarry.internal.expr.UnresolvedColumn;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.Distinct;
import dev.quarry.internal.plan.DropDuplicates;
import dev.quarry.internal.plan.Explode;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.Join;
import dev.quarry.internal.plan.Limit;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.internal.plan.Sort;
import dev.quarry.internal.plan.Union;
import dev.quarry.internal.plan.Unnest;
import dev.quarry.internal.template.Template;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Builds plan nodes for the DataFrame operations, resolving and checking every expression against
 * the input's schema when the operation is called, so a bad program fails at the line that wrote it.
 */
public final class PlanBuilder {
    private final FunctionRegistry functions;
    private final Models models;
    private final AtomicLong internalNames = new AtomicLong();

    /**
     * A builder using a function registry, without models (semantic operators fail to resolve).
     *
     * <pre>{@code new PlanBuilder(FunctionRegistry.standard())}</pre>
     *
     * @param functions the scalar functions known to the analyzer
     */
    public PlanBuilder(FunctionRegistry functions) {
        this(functions, Models.none());
    }

    /**
     * A builder using a function registry and a session's models.
     *
     * <pre>{@code new PlanBuilder(FunctionRegistry.standard(), Models.of(config))}</pre>
     *
     * @param functions the scalar functions known to the analyzer
     * @param models the models semantic operators may call
     */
    public PlanBuilder(FunctionRegistry functions, Models models) {
        this.functions = functions;
        this.models = models;
    }

    /**
     * Resolves and type-checks an expression against a scope.
     *
     * <pre>{@code Expression e = builder.resolve(col("a").expression(), Scope.of(schema));}</pre>
     *
     * @param e an unresolved expression
     * @param scope the columns it may read
     * @return the resolved expression
     */
    public Expression resolve(Expression e, Scope scope) {
        return new ExpressionResolver(scope, functions, models).resolve(e);
    }

    // ------------------------------------------------------------------ projections

    /**
     * {@code select}: one output column per expression; {@code col("*")} stands for every input column.
     *
     * @param child the input
     * @param columns unresolved expressions
     * @return the projection
     */
    public LogicalPlan select(LogicalPlan child, List<Expression> columns) {
        if (columns.isEmpty()) {
            throw Errors.invalidArgument("select needs at least one column. Available: "
                    + Errors.list(child.schema().names()));
        }
        Scope scope = Scope.of(child.schema());
        List<Expression> projections = new ArrayList<>();
        List<SemanticPlanner.Target> targets = new ArrayList<>();
        for (Expression c : columns) {
            if (c instanceof UnresolvedColumn u && u.name().equals("*")) {
                for (StructField f : child.schema().fields()) {
                    projections.add(new ColumnRef(f.name(), f.type(), f.nullable()));
                    targets.add(SemanticPlanner.Target.column(f.name()));
                }
                continue;
            }
            Expression r = resolve(c, scope);
            rejectAggregate(r, "select");
            Expression named = named(c, r);
            projections.add(named);
            targets.add(target(c, named));
        }
        checkUnique(projections, "select");
        return project(child, projections, targets);
    }

    /** Where the value of an output column goes: the user's name when they gave one. */
    private static SemanticPlanner.Target target(Expression written, Expression named) {
        return written instanceof Alias
                ? SemanticPlanner.Target.column(named.outputName())
                : SemanticPlanner.Target.unnamed();
    }

    /** A projection, with the model calls of its expressions pulled into SemanticProjects below it. */
    private LogicalPlan project(LogicalPlan child, List<Expression> projections, List<SemanticPlanner.Target> targets) {
        if (projections.stream().noneMatch(SemanticResolver::containsSemantic)) {
            return new Project(child, projections);
        }
        SemanticPlanner.Lowered lowered = SemanticPlanner.lower(child, projections, targets, internalNames);
        return new Project(lowered.child(), lowered.expressions());
    }

    /**
     * {@code withColumns}: each name replaces the column of that name in place, or is appended.
     * Every expression reads the input, not the other new columns.
     *
     * @param child the input
     * @param columns new columns by name, in order
     * @return the projection
     */
    public LogicalPlan withColumns(LogicalPlan child, Map<String, Expression> columns) {
        Scope scope = Scope.of(child.schema());
        Schema in = child.schema();
        List<Expression> projections = new ArrayList<>();
        List<SemanticPlanner.Target> targets = new ArrayList<>();
        for (StructField f : in.fields()) {
            projections.add(new ColumnRef(f.name(), f.type(), f.nullable()));
            targets.add(SemanticPlanner.Target.column(f.name()));
        }
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, Expression> entry : columns.entrySet()) {
            String name = checkName(entry.getKey(), "withColumn");
            if (!seen.add(name)) {
                throw Errors.duplicateColumn("withColumns got the column name '" + name
                        + "' twice (names are compared ignoring case); give each new column its own name");
            }
            Expression r = strip(resolve(entry.getValue(), scope));
            rejectAggregate(r, "withColumn");
            Expression named = r instanceof ColumnRef ref && ref.name().equals(name) ? r : new Alias(r, name);
            int i = in.indexOf(name);
            if (i >= 0) {
                projections.set(i, named);
                targets.set(i, SemanticPlanner.Target.column(name));
            } else {
                projections.add(named);
                targets.add(SemanticPlanner.Target.column(name));
            }
        }
        return project(child, projections, targets);
    }

    /**
     * {@code withColumnRenamed}.
     *
     * @param child the input
     * @param existing the current name
     * @param newName the new name
     * @return the projection, or the input when nothing changes
     */
    public LogicalPlan withColumnRenamed(LogicalPlan child, String existing, String newName) {
        checkName(newName, "withColumnRenamed");
        Schema in = child.schema();
        int i = in.indexOf(existing);
        if (i < 0) {
            throw Errors.columnNotFound(existing, in.names());
        }
        int clash = in.indexOf(newName);
        if (clash >= 0 && clash != i) {
            throw Errors.duplicateColumn("Cannot rename '" + existing + "' to '" + newName + "': the DataFrame already"
                    + " has a column '" + in.fields().get(clash).name() + "'. Drop or rename that one first");
        }
        StructField f = in.fields().get(i);
        if (f.name().equals(newName)) {
            return child;
        }
        List<Expression> projections = refs(in);
        projections.set(i, new Alias(projections.get(i), newName));
        return new Project(child, projections);
    }

    /**
     * {@code drop}: every other column, in order.
     *
     * @param child the input
     * @param names the columns to drop; each must exist
     * @return the projection
     */
    public LogicalPlan drop(LogicalPlan child, List<String> names) {
        Schema in = child.schema();
        Set<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String n : names) {
            int i = in.indexOf(n);
            if (i < 0) {
                throw Errors.columnNotFound(n, in.names());
            }
            dropped.add(in.fields().get(i).name());
        }
        if (dropped.isEmpty()) {
            return child;
        }
        List<Expression> projections = new ArrayList<>();
        for (StructField f : in.fields()) {
            if (!dropped.contains(f.name())) {
                projections.add(new ColumnRef(f.name(), f.type(), f.nullable()));
            }
        }
        if (projections.isEmpty()) {
            throw Errors.invalidArgument("drop(" + String.join(", ", names) + ") would leave no columns;"
                    + " a DataFrame needs at least one");
        }
        return new Project(child, projections);
    }

    // ------------------------------------------------------------------ filters and ordering

    /**
     * {@code filter}: keeps rows where the boolean condition is true.
     *
     * @param child the input
     * @param condition an unresolved boolean expression
     * @return the filter
     */
    public LogicalPlan filter(LogicalPlan child, Expression condition) {
        Expression r = strip(resolve(condition, Scope.of(child.schema())));
        rejectAggregate(r, "filter");
        if (Literals.isNullLiteral(r)) {
            r = Literals.nullOf(ScalarType.BOOLEAN);
        }
        if (r.type() != ScalarType.BOOLEAN) {
            throw Errors.typeMismatch("filter needs a boolean condition, but " + Errors.typed(r)
                    + " is not boolean. Compare it to something, e.g. col(\"" + r.outputName() + "\").equalTo(...)");
        }
        if (!SemanticResolver.containsSemantic(r)) {
            return new Filter(child, r);
        }
        SemanticPlanner.Lowered lowered =
                SemanticPlanner.lower(child, List.of(r), List.of(SemanticPlanner.Target.filter()), internalNames);
        return new Project(new Filter(lowered.child(), lowered.expressions().get(0)), refs(child.schema()));
    }

    /**
     * {@code orderBy}: plain expressions sort ascending with nulls first.
     *
     * @param child the input
     * @param keys unresolved expressions or sort keys
     * @return the sort
     */
    public LogicalPlan orderBy(LogicalPlan child, List<Expression> keys) {
        if (keys.isEmpty()) {
            throw Errors.invalidArgument("orderBy needs at least one column");
        }
        Scope scope = Scope.of(child.schema());
        List<SortKey> resolved = new ArrayList<>();
        for (Expression k : keys) {
            rejectSemantic(k, "orderBy");
            SortKey key = k instanceof SortKey s ? s : SortKey.of(k, true);
            SortKey r = (SortKey) resolve(key, scope);
            rejectAggregate(r, "orderBy");
            if (r.child().type() instanceof dev.quarry.types.EmbeddingType) {
                throw Errors.typeMismatch("Cannot order by " + Errors.typed(r.child()) + ": embeddings have no order");
            }
            resolved.add(r);
        }
        return new Sort(child, resolved);
    }

    /**
     * {@code limit}.
     *
     * @param child the input
     * @param n the row count, at least 0
     * @return the limit
     */
    public LogicalPlan limit(LogicalPlan child, long n) {
        if (n < 0) {
            throw Errors.invalidArgument("limit must be 0 or more, was " + n);
        }
        return new Limit(child, n);
    }

    /**
     * {@code distinct}.
     *
     * @param child the input
     * @return the distinct node
     */
    public LogicalPlan distinct(LogicalPlan child) {
        return new Distinct(child);
    }

    /**
     * {@code dropDuplicates}: one row per key; without keys, like {@link #distinct}.
     *
     * @param child the input
     * @param columns the key columns
     * @return the node
     */
    public LogicalPlan dropDuplicates(LogicalPlan child, List<String> columns) {
        if (columns.isEmpty()) {
            return new Distinct(child);
        }
        Schema in = child.schema();
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (String c : columns) {
            int i = in.indexOf(c);
            if (i < 0) {
                throw Errors.columnNotFound(c, in.names());
            }
            keys.add(in.fields().get(i).name());
        }
        return new DropDuplicates(child, new ArrayList<>(keys));
    }

    // ------------------------------------------------------------------ nested data

    /**
     * {@code explode} / {@code explodeOuter}.
     *
     * @param child the input
     * @param column an array column
     * @param outer keep rows whose array is null or empty
     * @return the node
     */
    public LogicalPlan explode(LogicalPlan child, String column, boolean outer) {
        StructField f = topLevel(child.schema(), column);
        if (!(f.type() instanceof ArrayType)) {
            throw Errors.typeMismatch((outer ? "explodeOuter" : "explode") + " needs an array column, but '"
                    + f.name() + "' is " + f.type().simpleString()
                    + (f.type() instanceof StructType
                            ? ". To spread a struct's fields into columns use unnest(\"" + f.name() + "\")"
                            : ""));
        }
        return new Explode(child, f.name(), outer);
    }

    /**
     * {@code unnest}: a struct column replaced by its fields.
     *
     * @param child the input
     * @param column a struct column
     * @return the node
     */
    public LogicalPlan unnest(LogicalPlan child, String column) {
        Schema in = child.schema();
        StructField f = topLevel(in, column);
        if (!(f.type() instanceof StructType struct)) {
            throw Errors.typeMismatch("unnest needs a struct column, but '" + f.name() + "' is "
                    + f.type().simpleString()
                    + (f.type() instanceof ArrayType
                            ? ". To get one row per element use explode(\"" + f.name() + "\")"
                            : ""));
        }
        for (StructField inner : struct.fields()) {
            int clash = in.indexOf(inner.name());
            if (clash >= 0 && !in.fields().get(clash).name().equals(f.name())) {
                throw Errors.duplicateColumn("unnest(\"" + f.name() + "\") would add field '" + inner.name()
                        + "', but the DataFrame already has a column '"
                        + in.fields().get(clash).name()
                        + "'. Rename that column first with withColumnRenamed(...)");
            }
        }
        return new Unnest(child, f.name());
    }

    private static StructField topLevel(Schema schema, String column) {
        return schema.find(column).orElseThrow(() -> Errors.columnNotFound(column, schema.names()));
    }

    // ------------------------------------------------------------------ joins

    /**
     * {@code join} on a condition.
     *
     * @param left the left input
     * @param right the right input
     * @param condition an unresolved boolean expression over both inputs
     * @param type the join type (not CROSS)
     * @param fromLeft whether a DataFrame id feeds the left input
     * @param fromRight whether a DataFrame id feeds the right input
     * @return the join
     */
    public LogicalPlan join(
            LogicalPlan left,
            LogicalPlan right,
            Expression condition,
            JoinType type,
            LongPredicate fromLeft,
            LongPredicate fromRight) {
        if (type == JoinType.CROSS) {
            throw Errors.invalidArgument("A CROSS join pairs every row with every row and takes no condition;"
                    + " use crossJoin(other), or an INNER join with this condition");
        }
        if (SemanticResolver.containsSemantic(condition)) {
            throw Errors.invalidPlan(
                    "A join condition cannot call a model (" + SemanticResolver.firstSemantic(condition)
                            + "). To keep the pairs a model judges true use left.semantic().join(right, \"... {{ left.x }} ..."
                            + " {{ right.y }} ...\")");
        }
        Scope scope = Scope.ofJoin(left.schema(), right.schema(), fromLeft, fromRight);
        Expression r = strip(resolve(condition, scope));
        rejectAggregate(r, "join");
        if (r.type() != ScalarType.BOOLEAN) {
            throw Errors.typeMismatch("A join condition must be boolean, but " + Errors.typed(r) + " is not."
                    + " Compare the keys, e.g. left.col(\"id\").equalTo(right.col(\"id\"))");
        }
        checkJoinOutput(left.schema(), right.schema(), type, List.of());
        return new Join(left, right, type, r, List.of());
    }

    /**
     * {@code join} on equally named key columns, which appear once in the output.
     *
     * @param left the left input
     * @param right the right input
     * @param usingColumns the key names
     * @param type the join type (not CROSS)
     * @return the join
     */
    public LogicalPlan joinUsing(LogicalPlan left, LogicalPlan right, List<String> usingColumns, JoinType type) {
        if (usingColumns.isEmpty()) {
            throw Errors.invalidArgument(
                    "join needs at least one key column; for every pair of rows use" + " crossJoin(other)");
        }
        if (type == JoinType.CROSS) {
            throw Errors.invalidArgument("A CROSS join takes no key columns; use crossJoin(other), or an INNER join");
        }
        List<String> keys = new ArrayList<>();
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String key : usingColumns) {
            StructField l = left.schema().find(key).orElseThrow(() -> keyMissing(key, "left", left.schema()));
            StructField r = right.schema().find(key).orElseThrow(() -> keyMissing(key, "right", right.schema()));
            if (TypeRules.commonType(l.type(), r.type()) == null) {
                throw Errors.typeMismatch(
                        "Join key '" + key + "' is " + l.type().simpleString() + " on the left and "
                                + r.type().simpleString() + " on the right; cast one side with withColumn(\"" + key
                                + "\", col(\"" + key + "\").cast(...)) first");
            }
            if (seen.add(l.name())) {
                keys.add(l.name());
            }
        }
        checkJoinOutput(left.schema(), right.schema(), type, keys);
        return new Join(left, right, type, null, keys);
    }

    /**
     * {@code crossJoin}: every pair of rows.
     *
     * @param left the left input
     * @param right the right input
     * @return the join
     */
    public LogicalPlan crossJoin(LogicalPlan left, LogicalPlan right) {
        checkJoinOutput(left.schema(), right.schema(), JoinType.CROSS, List.of());
        return new Join(left, right, JoinType.CROSS, null, List.of());
    }

    private static QuarryException keyMissing(String key, String side, Schema schema) {
        return new QuarryException(
                ErrorCode.COLUMN_NOT_FOUND,
                "Join key '" + key + "' not found on the " + side + " side. Available: " + Errors.list(schema.names())
                        + "." + Suggestions.didYouMean(key, schema.names()));
    }

    private static void checkJoinOutput(Schema left, Schema right, JoinType type, List<String> using) {
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            return;
        }
        Set<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        keys.addAll(using);
        List<String> duplicates = new ArrayList<>();
        for (StructField f : left.fields()) {
            if (!keys.contains(f.name()) && right.indexOf(f.name()) >= 0) {
                duplicates.add(f.name());
            }
        }
        if (duplicates.isEmpty()) {
            return;
        }
        String first = duplicates.get(0);
        throw Errors.duplicateColumn("The join would produce "
                + (duplicates.size() == 1 ? "column '" + first + "'" : "columns " + duplicates)
                + " twice, once from each side. If they are the join keys, join on them by name with join(other, \""
                + first + "\") so each appears once; otherwise rename one side first, e.g."
                + " other.withColumnRenamed(\"" + first + "\", \"other_" + first + "\")");
    }

    // ------------------------------------------------------------------ unions

    /**
     * {@code union}: by position, types widened to a common type.
     *
     * @param left the first input
     * @param right the second input
     * @return the union
     */
    public LogicalPlan union(LogicalPlan left, LogicalPlan right) {
        Schema l = left.schema();
        Schema r = right.schema();
        if (l.size() != r.size()) {
            throw Errors.invalidArgument("union matches columns by position and needs the same number of columns,"
                    + " but the left has " + l.size() + " (" + Errors.list(l.names()) + ") and the right has "
                    + r.size() + " (" + Errors.list(r.names()) + "). Select matching columns first, or use"
                    + " unionByName(other, true)");
        }
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            StructField a = l.fields().get(i);
            StructField b = r.fields().get(i);
            DataType common = TypeRules.commonType(a.type(), b.type());
            if (common == null) {
                throw Errors.typeMismatch("union column " + (i + 1) + " is '" + a.name() + "' ("
                        + a.type().simpleString() + ") on the left and '" + b.name() + "' ("
                        + b.type().simpleString()
                        + ") on the right, which have no common type. Cast one of them first");
            }
            types.add(common);
        }
        LogicalPlan castLeft = castTo(left, types);
        LogicalPlan castRight = castTo(right, types);
        List<LogicalPlan> inputs = new ArrayList<>();
        if (castLeft == left && left instanceof Union u) {
            inputs.addAll(u.inputs());
        } else {
            inputs.add(castLeft);
        }
        inputs.add(castRight);
        return new Union(inputs);
    }

    /**
     * {@code unionByName}: columns matched by name.
     *
     * @param left the first input
     * @param right the second input
     * @param allowMissingColumns fill columns missing on one side with nulls instead of failing
     * @return the union
     */
    public LogicalPlan unionByName(LogicalPlan left, LogicalPlan right, boolean allowMissingColumns) {
        Schema l = left.schema();
        Schema r = right.schema();
        List<String> missingRight = new ArrayList<>();
        for (String n : l.names()) {
            if (r.indexOf(n) < 0) {
                missingRight.add(n);
            }
        }
        List<String> missingLeft = new ArrayList<>();
        for (String n : r.names()) {
            if (l.indexOf(n) < 0) {
                missingLeft.add(n);
            }
        }
        if (!allowMissingColumns && (!missingRight.isEmpty() || !missingLeft.isEmpty())) {
            StringBuilder sb = new StringBuilder("unionByName needs the same column names on both sides: ");
            if (!missingRight.isEmpty()) {
                sb.append("the right lacks ").append(missingRight);
                sb.append(missingLeft.isEmpty() ? "" : " and ");
            }
            if (!missingLeft.isEmpty()) {
                sb.append("the left lacks ").append(missingLeft);
            }
            sb.append(". Pass allowMissingColumns = true to fill missing columns with nulls");
            throw Errors.invalidArgument(sb.toString());
        }
        List<Expression> leftProjection = refs(l);
        for (String n : missingLeft) {
            leftProjection.add(new Alias(Literals.nullOf(r.field(n).type()), n));
        }
        List<Expression> rightProjection = new ArrayList<>();
        for (StructField f : l.fields()) {
            rightProjection.add(r.find(f.name())
                    .<Expression>map(g -> new ColumnRef(g.name(), g.type(), g.nullable()))
                    .orElseGet(() -> new Alias(Literals.nullOf(f.type()), f.name())));
        }
        for (String n : missingLeft) {
            StructField g = r.field(n);
            rightProjection.add(new ColumnRef(g.name(), g.type(), g.nullable()));
        }
        LogicalPlan newLeft = missingLeft.isEmpty() ? left : new Project(left, leftProjection);
        LogicalPlan newRight = isIdentity(rightProjection, r) ? right : new Project(right, rightProjection);
        return union(newLeft, newRight);
    }

    private static LogicalPlan castTo(LogicalPlan plan, List<DataType> types) {
        Schema s = plan.schema();
        boolean needed = false;
        List<Expression> projections = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            StructField f = s.fields().get(i);
            Expression ref = new ColumnRef(f.name(), f.type(), f.nullable());
            if (f.type().equals(types.get(i))) {
                projections.add(ref);
            } else {
                needed = true;
                projections.add(new Cast(ref, types.get(i), false));
            }
        }
        return needed ? new Project(plan, projections) : plan;
    }

    private static boolean isIdentity(List<Expression> projections, Schema s) {
        if (projections.size() != s.size()) {
            return false;
        }
        for (int i = 0; i < projections.size(); i++) {
            if (!(projections.get(i) instanceof ColumnRef ref)
                    || !ref.name().equals(s.fields().get(i).name())) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ aggregation

    /**
     * {@code groupBy(...).agg(...)} and {@code agg(...)}: the grouping keys, then the aggregates.
     *
     * @param child the input
     * @param groupBy unresolved grouping expressions (none for a global aggregate)
     * @param aggregates unresolved output expressions, each built from aggregates and grouping keys
     * @return the aggregate
     */
    public LogicalPlan aggregate(LogicalPlan child, List<Expression> groupBy, List<Expression> aggregates) {
        Scope scope = Scope.of(child.schema());
        List<Expression> keys = new ArrayList<>();
        List<Expression> outputs = new ArrayList<>();
        List<SemanticPlanner.Target> targets = new ArrayList<>();
        for (Expression g : groupBy) {
            rejectSemantic(g, "groupBy");
            Expression r = resolve(g, scope);
            if (r.containsAggregate()) {
                throw Errors.invalidPlan("groupBy cannot take an aggregate (" + g + "); group by columns and put"
                        + " aggregates in agg(...)");
            }
            outputs.add(named(g, r));
            targets.add(target(g, outputs.get(outputs.size() - 1)));
            keys.add(strip(r));
        }
        if (aggregates.isEmpty() && keys.isEmpty()) {
            throw Errors.invalidArgument("agg needs at least one aggregate, e.g. agg(count(col(\"*\")))");
        }
        for (Expression a : aggregates) {
            Expression r = resolve(a, scope);
            SemanticFunction perRow = SemanticPlanner.firstPerRow(r);
            if (perRow != null) {
                String op = SemanticResolver.operation(perRow.kind());
                throw Errors.invalidPlan(op + " computes one value per row and cannot be an output of agg(...);"
                        + " only Semantic.reduce combines a group's texts. Compute it per row with withColumn(...)"
                        + " before groupBy, or on the aggregated DataFrame after agg(...)");
            }
            checkGrouped(strip(r), keys, a);
            outputs.add(named(a, r));
            targets.add(target(a, outputs.get(outputs.size() - 1)));
        }
        checkUnique(outputs, "agg");
        if (outputs.stream().anyMatch(SemanticPlanner::containsReduce)) {
            return SemanticPlanner.aggregateWithReduce(child, keys, outputs, targets, internalNames);
        }
        return new Aggregate(child, keys, outputs);
    }

    private static void checkGrouped(Expression e, List<Expression> keys, Expression written) {
        if (keys.contains(e) || e instanceof AggregateCall || e instanceof Literal) {
            return;
        }
        if (e instanceof SemanticFunction f && f.kind() == SemanticFunction.Kind.REDUCE) {
            return;
        }
        if (e instanceof ColumnRef ref) {
            List<String> keyNames = new ArrayList<>();
            for (Expression k : keys) {
                keyNames.add(k.toString());
            }
            throw Errors.invalidPlan("Column '" + ref.name() + "' in agg(" + written + ") is neither grouped nor"
                    + " aggregated. Add it to groupBy(...) or aggregate it, e.g. first(col(\"" + ref.name()
                    + "\")). "
                    + (keys.isEmpty() ? "There are no grouping keys." : "Grouped by: " + String.join(", ", keyNames)));
        }
        for (Expression c : e.children()) {
            checkGrouped(c, keys, written);
        }
    }

    // ------------------------------------------------------------------ semantic operators on frames

    /**
     * {@code semantic().join}: the pairs a model judges true. The template may read
     * {@code left.<column>} and {@code right.<column>} (exact column names) or a whole side.
     *
     * @param left the left input
     * @param right the right input
     * @param spec the unresolved spec from {@link SemanticCalls#joinSpec}
     * @param maxPairs the most pairs the join may judge
     * @return the semantic join
     */
    public LogicalPlan semanticJoin(LogicalPlan left, LogicalPlan right, SemanticSpec spec, long maxPairs) {
        String operation = "semantic().join";
        if (maxPairs < 1) {
            throw Errors.invalidArgument(operation + " needs maxPairs of at least 1, got " + maxPairs);
        }
        List<String> leftColumns = new ArrayList<>();
        List<String> rightColumns = new ArrayList<>();
        for (String path : Template.parse(spec.template()).paths()) {
            boolean isLeft = path.equals("left") || path.startsWith("left.");
            Schema side = isLeft ? left.schema() : right.schema();
            List<String> columns = isLeft ? leftColumns : rightColumns;
            String sideName = isLeft ? "left" : "right";
            int dot = path.indexOf('.');
            if (dot < 0) {
                for (String n : side.names()) {
                    if (!columns.contains(n)) {
                        columns.add(n);
                    }
                }
                continue;
            }
            String[] parts = path.substring(dot + 1).split("\\.", -1);
            String column = parts[0];
            StructField f = side.fields().stream()
                    .filter(x -> x.name().equals(column))
                    .findFirst()
                    .orElseThrow(() -> new QuarryException(
                            ErrorCode.COLUMN_NOT_FOUND,
                            operation + "'s template reads {{ " + path + " }}, but the " + sideName
                                    + " side has no column '" + column + "' (names are exact in templates)."
                                    + " Available: " + Errors.list(side.names()) + "."
                                    + Suggestions.didYouMean(column, side.names())));
            Expression current = new ColumnRef(f.name(), f.type(), f.nullable());
            String at = sideName + "." + f.name();
            for (int i = 1; i < parts.length && current.type() instanceof StructType; i++) {
                current = Scope.getField(current, parts[i], at);
                at = at + "." + parts[i];
            }
            if (!columns.contains(f.name())) {
                columns.add(f.name());
            }
        }
        checkJoinOutput(left.schema(), right.schema(), JoinType.INNER, List.of());
        String alias = models.languageModel(spec.modelAlias(), operation);
        SemanticSpec resolved = spec.withModelAlias(alias);
        return new SemanticJoin(left, right, resolved, leftColumns, rightColumns, maxPairs);
    }

    /**
     * {@code semantic().simJoin}: the top-k most similar right rows of every left row.
     *
     * @param left the left input
     * @param right the right input
     * @param leftEmbedding an unresolved column of the left input
     * @param rightEmbedding an unresolved column of the right input
     * @param k matches per left row, at least 1
     * @param metric the similarity measure
     * @param similarityColumn the name of the similarity column
     * @return the similarity join
     */
    public LogicalPlan similarityJoin(
            LogicalPlan left,
            LogicalPlan right,
            Expression leftEmbedding,
            Expression rightEmbedding,
            int k,
            SimilarityJoin.Metric metric,
            String similarityColumn) {
        String operation = "semantic().simJoin";
        if (k < 1) {
            throw Errors.invalidArgument(operation + " needs k of at least 1 (matches per left row), got " + k);
        }
        checkName(similarityColumn, operation);
        ColumnRef l = embeddingColumn(left.schema(), leftEmbedding, operation, "left");
        ColumnRef r = embeddingColumn(right.schema(), rightEmbedding, operation, "right");
        EmbeddingType lt = (EmbeddingType) l.type();
        EmbeddingType rt = (EmbeddingType) r.type();
        if (lt.dimensions() != rt.dimensions()) {
            throw Errors.typeMismatch(operation + " compares embeddings of the same length, but the left column '"
                    + l.name() + "' is " + lt.simpleString() + " (" + lt.dimensions() + " dimensions) and the right"
                    + " column '" + r.name() + "' is " + rt.simpleString() + " (" + rt.dimensions() + " dimensions)."
                    + " Embed both sides with the same model");
        }
        checkJoinOutput(left.schema(), right.schema(), JoinType.INNER, List.of());
        if (left.schema().indexOf(similarityColumn) >= 0 || right.schema().indexOf(similarityColumn) >= 0) {
            throw Errors.duplicateColumn(operation + " adds the column '" + similarityColumn + "', but one side"
                    + " already has a column of that name. Pass another name, e.g. simJoin(right, leftEmbedding,"
                    + " rightEmbedding, " + k + ", SimilarityMetric.COSINE, \"" + similarityColumn + "_score\")");
        }
        return new SimilarityJoin(left, right, l.name(), r.name(), k, metric, similarityColumn);
    }

    /**
     * {@code semantic().withClusterLabels}.
     *
     * @param child the input
     * @param embedding an unresolved embedding column
     * @param k the number of clusters, at least 1
     * @param seed the random seed
     * @param labelColumn the label column name
     * @param centroidColumn the centroid column name, or null for none
     * @return the clustering
     */
    public LogicalPlan clusterLabels(
            LogicalPlan child, Expression embedding, int k, long seed, String labelColumn, String centroidColumn) {
        String operation = "semantic().withClusterLabels";
        if (k < 1) {
            throw Errors.invalidArgument(operation + " needs k of at least 1 cluster, got " + k);
        }
        ColumnRef e = embeddingColumn(child.schema(), embedding, operation, null);
        for (String name : centroidColumn == null ? List.of(labelColumn) : List.of(labelColumn, centroidColumn)) {
            checkName(name, operation);
            if (child.schema().indexOf(name) >= 0) {
                throw Errors.duplicateColumn(operation + " adds the column '" + name + "', but the DataFrame already"
                        + " has a column '" + child.schema().field(name).name() + "'. Rename or drop it first with"
                        + " withColumnRenamed(...) or drop(...)");
            }
        }
        if (centroidColumn != null && centroidColumn.equalsIgnoreCase(labelColumn)) {
            throw Errors.duplicateColumn(operation + ": the centroid column cannot also be named '" + labelColumn
                    + "'; give it another name, e.g. \"centroid\"");
        }
        return new ClusterLabels(child, e.name(), k, seed, CLUSTER_ITERATIONS, labelColumn, centroidColumn);
    }

    /** The most Lloyd iterations of {@code withClusterLabels}. */
    public static final int CLUSTER_ITERATIONS = 100;

    private ColumnRef embeddingColumn(Schema schema, Expression column, String operation, String side) {
        String where = side == null ? "" : " on the " + side + " side";
        if (SemanticResolver.containsSemantic(column)) {
            throw Errors.invalidPlan(operation + " reads stored embeddings, not "
                    + SemanticResolver.firstSemantic(column)
                    + ". Add the embedding as a column first, e.g. withColumn(\"embedding\","
                    + " Semantic.embed(col(\"text\")))" + (side == null ? "" : ", on the " + side + " DataFrame"));
        }
        Expression r = strip(resolve(column, Scope.of(schema)));
        if (!(r instanceof ColumnRef ref)) {
            throw Errors.invalidArgument(operation + " needs an embedding column" + where + ", got the expression " + r
                    + ". Add it as a column first with withColumn(...)");
        }
        if (!(ref.type() instanceof EmbeddingType)) {
            throw Errors.typeMismatch(operation + " needs an embedding column" + where + ", but '" + ref.name()
                    + "' is " + ref.type().simpleString() + ". Compute one with withColumn(\"" + ref.name()
                    + "_embedding\", Semantic.embed(col(\"" + ref.name() + "\")))");
        }
        return ref;
    }

    /**
     * {@code cache}.
     *
     * @param child the plan to compute once
     * @return the cache marker
     */
    public LogicalPlan cache(LogicalPlan child) {
        return child instanceof Cache ? child : new Cache(child);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The named form of a resolved expression: aliases and column references keep their name, any
     * other expression is named after how the user wrote it ({@code (amount * 2)}).
     */
    static Expression named(Expression written, Expression resolved) {
        if (resolved instanceof Alias || resolved instanceof ColumnRef) {
            return resolved;
        }
        String name = written.outputName();
        return resolved.outputName().equals(name) ? resolved : new Alias(resolved, name);
    }

    private static Expression strip(Expression e) {
        while (e instanceof Alias a) {
            e = a.child();
        }
        return e;
    }

    private static void rejectSemantic(Expression unresolved, String operation) {
        SemanticFunction f = SemanticResolver.firstSemantic(unresolved);
        if (f != null) {
            String op = SemanticResolver.operation(f.kind());
            throw Errors.invalidPlan(op + " cannot be used directly in " + operation + "(...). Compute it first as a"
                    + " column with withColumn(\"name\", " + op + "(...)), then " + operation + " by that column");
        }
    }

    private static void rejectAggregate(Expression e, String operation) {
        if (e.containsAggregate()) {
            throw Errors.invalidPlan("Aggregates such as " + firstAggregate(e) + " cannot be used in " + operation
                    + "(...). Use them in agg(...): df.groupBy(...).agg(...) per group, or df.agg(...) over all rows");
        }
    }

    private static Expression firstAggregate(Expression e) {
        if (e instanceof AggregateCall) {
            return e;
        }
        for (Expression c : e.children()) {
            if (c.containsAggregate()) {
                return firstAggregate(c);
            }
        }
        return e;
    }

    private static void checkUnique(List<Expression> named, String operation) {
        Map<String, String> seen = new TreeMap<>();
        for (Expression e : named) {
            String name = e.outputName();
            String previous = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (previous != null) {
                throw Errors.duplicateColumn(operation + " would produce the column name '" + name + "' twice"
                        + (previous.equals(name) ? "" : " ('" + previous + "' and '" + name + "')")
                        + " (names are compared ignoring case). Give one of them another name with .as(\"...\")");
            }
        }
    }

    private static String checkName(String name, String operation) {
        if (name == null || name.isBlank()) {
            throw Errors.invalidArgument(
                    operation + " needs a non-blank column name, got " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    private static List<Expression> refs(Schema s) {
        List<Expression> out = new ArrayList<>();
        for (StructField f : s.fields()) {
            out.add(new ColumnRef(f.name(), f.type(), f.nullable()));
        }
        return out;
    }
}
