package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.JoinType;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.TypeRules;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joins two inputs. Either {@code condition} is given (its column references say their side,
 * {@link dev.quarry.internal.expr.ColumnRef.Side}), or {@code usingColumns} name equally named key
 * columns of both sides, which appear once in the output (for a FULL join, the non-null one of the
 * two). CROSS has neither.
 *
 * <p>Output: SEMI and ANTI give the left columns only; otherwise the using columns, then the other
 * left columns, then the other right columns. Output names must be unique; sides of an outer join
 * become nullable.
 *
 * @param left the left input
 * @param right the right input
 * @param type the join type
 * @param condition the join condition, or null
 * @param usingColumns the shared key columns, or empty
 * @param schema computed from the inputs
 */
public record Join(
        LogicalPlan left,
        LogicalPlan right,
        JoinType type,
        Expression condition,
        List<String> usingColumns,
        Schema schema)
        implements LogicalPlan {
    /** Validates, copies and computes the schema. */
    public Join {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
        usingColumns = List.copyOf(requireNonNull(usingColumns, "usingColumns is null"));
        if (condition != null) {
            Plans.checkResolved(condition, "Join");
            if (condition.type() != ScalarType.BOOLEAN) {
                throw new IllegalArgumentException("join condition is " + condition.type() + ", not boolean");
            }
            if (!usingColumns.isEmpty()) {
                throw new IllegalArgumentException("a join has a condition or using columns, not both");
            }
        }
        if (type == JoinType.CROSS && (condition != null || !usingColumns.isEmpty())) {
            throw new IllegalArgumentException("a CROSS join takes no condition");
        }
        if (type != JoinType.CROSS && condition == null && usingColumns.isEmpty()) {
            throw new IllegalArgumentException(type + " join needs a condition or using columns");
        }
        schema = outputSchema(left.schema(), right.schema(), type, usingColumns);
    }

    /** A join whose schema is computed. */
    public Join(LogicalPlan left, LogicalPlan right, JoinType type, Expression condition, List<String> usingColumns) {
        this(left, right, type, condition, usingColumns, null);
    }

    /**
     * The output schema of a join, or an {@link IllegalArgumentException} naming the duplicate
     * column when both sides produce one name.
     */
    public static Schema outputSchema(Schema left, Schema right, JoinType type, List<String> usingColumns) {
        if (type == JoinType.SEMI || type == JoinType.ANTI) {
            return left;
        }
        boolean leftNullable = type == JoinType.RIGHT || type == JoinType.FULL;
        boolean rightNullable = type == JoinType.LEFT || type == JoinType.FULL;
        Set<String> using = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        using.addAll(usingColumns);
        List<StructField> fields = new ArrayList<>();
        for (String key : usingColumns) {
            StructField l = left.field(key);
            StructField r = right.field(key);
            DataType common = TypeRules.commonType(l.type(), r.type());
            if (common == null) {
                throw new IllegalArgumentException(
                        "using column '" + key + "' is " + l.type().simpleString() + " on the left and "
                                + r.type().simpleString() + " on the right");
            }
            boolean nullable = switch (type) {
                case LEFT -> l.nullable();
                case RIGHT -> r.nullable();
                case FULL -> l.nullable() || r.nullable();
                default -> l.nullable() && r.nullable();
            };
            fields.add(new StructField(type == JoinType.RIGHT ? r.name() : l.name(), common, nullable));
        }
        for (StructField f : left.fields()) {
            if (!using.contains(f.name())) {
                fields.add(Plans.withType(f, f.type(), f.nullable() || leftNullable));
            }
        }
        for (StructField f : right.fields()) {
            if (!using.contains(f.name())) {
                fields.add(Plans.withType(f, f.type(), f.nullable() || rightNullable));
            }
        }
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (StructField f : fields) {
            if (!seen.add(f.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate column '" + f.name() + "' in join output");
            }
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 2, "Join");
        return new Join(children.get(0), children.get(1), type, condition, usingColumns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitJoin(this);
    }

    @Override
    public String details() {
        String how = type.name().toLowerCase(Locale.ROOT);
        if (condition != null) {
            return how + " on " + condition;
        }
        if (!usingColumns.isEmpty()) {
            return how + " using " + usingColumns;
        }
        return how;
    }
}
