package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends the rows of all inputs, keeping duplicates (SQL UNION ALL, Spark's {@code union}).
 * Inputs are matched by position and must have the same column types; the DataFrame layer inserts
 * projections that reorder (for union by name) and cast before building this node. The output
 * takes the first input's names; a column is nullable when it is in any input.
 *
 * @param inputs two or more inputs
 * @param schema computed from the inputs
 */
public record Union(List<LogicalPlan> inputs, Schema schema) implements LogicalPlan {
    /** Validates, copies and computes the schema. */
    public Union {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        if (inputs.size() < 2) {
            throw new IllegalArgumentException("union needs at least two inputs");
        }
        Schema first = inputs.get(0).schema();
        List<StructField> fields = new ArrayList<>(first.fields());
        for (LogicalPlan input : inputs.subList(1, inputs.size())) {
            Schema s = input.schema();
            if (s.size() != first.size()) {
                throw new IllegalArgumentException(
                        "union inputs have " + first.size() + " and " + s.size() + " columns");
            }
            for (int i = 0; i < fields.size(); i++) {
                StructField f = fields.get(i);
                StructField g = s.fields().get(i);
                if (!f.type().equals(g.type())) {
                    throw new IllegalArgumentException("union column " + i + " is " + f.type() + " and " + g.type());
                }
                fields.set(i, new StructField(f.name(), f.type(), f.nullable() || g.nullable()));
            }
        }
        schema = new Schema(fields);
    }

    /** A union whose schema is computed. */
    public Union(List<LogicalPlan> inputs) {
        this(inputs, null);
    }

    @Override
    public List<LogicalPlan> children() {
        return inputs;
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, inputs.size(), "Union");
        return new Union(children);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitUnion(this);
    }

    @Override
    public String details() {
        return inputs.size() + " inputs";
    }
}
