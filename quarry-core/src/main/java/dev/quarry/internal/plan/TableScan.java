package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.List;

/**
 * Reads a table or view of the session's catalog.
 *
 * @param name the table name
 * @param schema the table's schema when the DataFrame was created
 */
public record TableScan(String name, Schema schema) implements LogicalPlan {
    /** Validates. */
    public TableScan {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 0, "TableScan");
        return this;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitTableScan(this);
    }

    @Override
    public String details() {
        return name + " " + schema.names();
    }
}
