package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows held in memory (from {@code session.createDataFrame}). Each row is a list of values in the
 * Java representation of the schema's types; nulls allowed.
 *
 * @param schema the output schema
 * @param rows the rows
 */
public record LocalRelation(Schema schema, List<List<Object>> rows) implements LogicalPlan {
    /** Validates and copies (nulls inside rows are kept). */
    public LocalRelation {
        requireNonNull(schema, "schema is null");
        requireNonNull(rows, "rows is null");
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != schema.size()) {
                throw new IllegalArgumentException(
                        "row " + copy.size() + " has " + row.size() + " values, expected " + schema.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 0, "LocalRelation");
        return this;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitLocalRelation(this);
    }

    @Override
    public String details() {
        return rows.size() + " rows " + schema.names();
    }
}
