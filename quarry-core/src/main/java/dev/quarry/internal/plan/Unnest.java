package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces a struct column, in place, by one top-level column per field. A null struct gives nulls
 * in every field column. Field names must not clash with the other columns.
 *
 * @param child the input
 * @param column the struct column's name, exactly as in the input schema
 * @param schema computed from the input
 */
public record Unnest(LogicalPlan child, String column, Schema schema) implements LogicalPlan {
    /** Validates and computes the schema. */
    public Unnest {
        requireNonNull(child, "child is null");
        requireNonNull(column, "column is null");
        Schema in = child.schema();
        int index = in.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + in.names());
        }
        StructField f = in.fields().get(index);
        if (!(f.type() instanceof StructType struct)) {
            throw new IllegalArgumentException("column '" + column + "' is " + f.type() + ", not a struct");
        }
        List<StructField> fields = new ArrayList<>(in.fields().subList(0, index));
        for (StructField inner : struct.fields()) {
            fields.add(new StructField(inner.name(), inner.type(), inner.nullable() || f.nullable()));
        }
        fields.addAll(in.fields().subList(index + 1, in.size()));
        schema = new Schema(fields);
    }

    /** An unnest whose schema is computed. */
    public Unnest(LogicalPlan child, String column) {
        this(child, column, null);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 1, "Unnest");
        return new Unnest(children.get(0), column);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitUnnest(this);
    }

    @Override
    public String details() {
        return column;
    }
}
