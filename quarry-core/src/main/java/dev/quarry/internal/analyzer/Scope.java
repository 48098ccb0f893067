package dev.quarry.internal.analyzer;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.GetField;
import dev.quarry.internal.expr.UnresolvedColumn;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * What a column name can resolve to: the columns of one input, or of the two inputs of a join.
 * Names resolve case-insensitively (an exact match first); a dotted name ({@code info.product})
 * reaches into struct fields unless a column has that exact dotted name.
 */
public abstract sealed class Scope {

    /**
     * The columns of one input. A column taken from a specific DataFrame ({@code df.col("x")}) is
     * resolved by name like any other.
     *
     * <pre>{@code Scope.of(df.schema())}</pre>
     *
     * @param schema the input schema
     * @return the scope
     */
    public static Scope of(Schema schema) {
        return new Single(schema);
    }

    /**
     * The inputs of a join. A column taken from a DataFrame is resolved on the side that DataFrame
     * feeds; any other column on the one side that has it.
     *
     * @param left the left schema
     * @param right the right schema
     * @param fromLeft whether a DataFrame id belongs to the left input's lineage
     * @param fromRight whether a DataFrame id belongs to the right input's lineage
     * @return the scope
     */
    public static Scope ofJoin(Schema left, Schema right, LongPredicate fromLeft, LongPredicate fromRight) {
        return new JoinScope(left, right, fromLeft, fromRight);
    }

    /** Resolves a column to a {@link ColumnRef}, possibly wrapped in {@link GetField}s. */
    abstract Expression resolve(UnresolvedColumn column);

    /** The names a user may write, for messages. */
    abstract List<String> available();

    static final class Single extends Scope {
        private final Schema schema;

        Single(Schema schema) {
            this.schema = schema;
        }

        @Override
        Expression resolve(UnresolvedColumn column) {
            return resolveIn(schema, column.name(), ColumnRef.Side.NONE)
                    .orElseThrow(() -> Errors.columnNotFound(column.name(), schema.names()));
        }

        @Override
        List<String> available() {
            return schema.names();
        }
    }

    static final class JoinScope extends Scope {
        private final Schema left;
        private final Schema right;
        private final LongPredicate fromLeft;
        private final LongPredicate fromRight;

        JoinScope(Schema left, Schema right, LongPredicate fromLeft, LongPredicate fromRight) {
            this.left = left;
            this.right = right;
            this.fromLeft = fromLeft;
            this.fromRight = fromRight;
        }

        @Override
        Expression resolve(UnresolvedColumn column) {
            String name = column.name();
            if (column.frameId() != null) {
                boolean inLeft = fromLeft.test(column.frameId());
                boolean inRight = fromRight.test(column.frameId());
                if (inLeft && inRight) {
                    throw new QuarryException(
                            ErrorCode.AMBIGUOUS_COLUMN,
                            "Column '" + name + "' comes from a DataFrame that feeds both sides of this join"
                                    + " (a self-join), so it cannot tell the sides apart. Rename the columns of one"
                                    + " side with withColumnRenamed(...) first, or join with using columns:"
                                    + " join(other, \"" + name + "\")");
                }
                if (inLeft) {
                    return resolveIn(left, name, ColumnRef.Side.LEFT)
                            .orElseThrow(() -> notFoundOnSide(name, "left", left));
                }
                if (inRight) {
                    return resolveIn(right, name, ColumnRef.Side.RIGHT)
                            .orElseThrow(() -> notFoundOnSide(name, "right", right));
                }
                throw Errors.invalidArgument("Column '" + name + "' was taken from a DataFrame that feeds neither"
                        + " side of this join; take it from one of the joined DataFrames, e.g. left.col(\"" + name
                        + "\"), or use col(\"" + name + "\")");
            }
            Optional<Expression> l = resolveIn(left, name, ColumnRef.Side.LEFT);
            Optional<Expression> r = resolveIn(right, name, ColumnRef.Side.RIGHT);
            if (l.isPresent() && r.isPresent()) {
                throw new QuarryException(
                        ErrorCode.AMBIGUOUS_COLUMN,
                        "Column '" + name + "' exists on both sides of the join. Say which one with"
                                + " left.col(\"" + name + "\") / right.col(\"" + name + "\"), or join on equally"
                                + " named keys with join(other, \"" + name + "\")");
            }
            return l.or(() -> r)
                    .orElseThrow(() -> new QuarryException(
                            ErrorCode.COLUMN_NOT_FOUND,
                            "Column '" + name + "' not found on either side of the join. Available: left: "
                                    + Errors.list(left.names()) + "; right: " + Errors.list(right.names())
                                    + "." + Suggestions.didYouMean(name, available())));
        }

        private static QuarryException notFoundOnSide(String name, String side, Schema schema) {
            return new QuarryException(
                    ErrorCode.COLUMN_NOT_FOUND,
                    "Column '" + name + "' not found in the " + side + " side of the join. Available: "
                            + Errors.list(schema.names()) + "." + Suggestions.didYouMean(name, schema.names()));
        }

        @Override
        List<String> available() {
            List<String> all = new ArrayList<>(left.names());
            all.addAll(right.names());
            return all;
        }
    }

    /** Resolves a possibly dotted name against a schema. */
    static Optional<Expression> resolveIn(Schema schema, String name, ColumnRef.Side side) {
        Optional<StructField> direct = schema.find(name);
        if (direct.isPresent()) {
            StructField f = direct.get();
            return Optional.of(new ColumnRef(f.name(), f.type(), f.nullable(), side));
        }
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        Optional<StructField> head = schema.find(name.substring(0, dot));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        StructField f = head.get();
        Expression current = new ColumnRef(f.name(), f.type(), f.nullable(), side);
        String path = f.name();
        for (String part : name.substring(dot + 1).split("\\.", -1)) {
            current = getField(current, part, path);
            path = path + "." + part;
        }
        return Optional.of(current);
    }

    /** A struct field access, with a helpful error when the field or the struct is missing. */
    static Expression getField(Expression struct, String field, String path) {
        if (!(struct.type() instanceof StructType type)) {
            throw Errors.typeMismatch("Cannot read field '" + field + "' of '" + path + "': it is "
                    + struct.type().simpleString() + ", not a struct");
        }
        Schema fields = type.toSchema();
        return fields.find(field)
                .<Expression>map(f -> new GetField(struct, f.name()))
                .orElseThrow(() -> new QuarryException(
                        ErrorCode.COLUMN_NOT_FOUND,
                        "Field '" + field + "' not found in struct '" + path + "' (" + type.simpleString()
                                + "). Available fields: " + Errors.list(fields.names())
                                + "." + Suggestions.didYouMean(field, fields.names())));
    }
}
