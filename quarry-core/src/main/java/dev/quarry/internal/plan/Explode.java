package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.ArrayType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * One output row per element of an array column, the column replaced in place by the element.
 * Rows whose array is null or empty are dropped, unless {@code outer}, which keeps them once with
 * a null element.
 *
 * @param child the input
 * @param column the array column's name, exactly as in the input schema
 * @param outer keep rows with null or empty arrays
 * @param schema computed from the input
 */
public record Explode(LogicalPlan child, String column, boolean outer, Schema schema) implements LogicalPlan {
    /** Validates and computes the schema. */
    public Explode {
        requireNonNull(child, "child is null");
        requireNonNull(column, "column is null");
        Schema in = child.schema();
        int index = in.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + in.names());
        }
        StructField f = in.fields().get(index);
        if (!(f.type() instanceof ArrayType array)) {
            throw new IllegalArgumentException("column '" + column + "' is " + f.type() + ", not an array");
        }
        List<StructField> fields = new ArrayList<>(in.fields());
        fields.set(index, new StructField(f.name(), array.elementType(), true));
        schema = new Schema(fields);
    }

    /** An explode whose schema is computed. */
    public Explode(LogicalPlan child, String column, boolean outer) {
        this(child, column, outer, null);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 1, "Explode");
        return new Explode(children.get(0), column, outer);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitExplode(this);
    }

    @Override
    public String nodeName() {
        return outer ? "ExplodeOuter" : "Explode";
    }

    @Override
    public String details() {
        return column;
    }
}
