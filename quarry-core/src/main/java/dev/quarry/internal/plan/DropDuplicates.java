package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.List;

/**
 * Keeps one row per distinct combination of {@code columns} (which row is unspecified unless the
 * input is sorted), all columns kept.
 *
 * @param child the input
 * @param columns the key column names, exactly as in the input schema, at least one
 */
public record DropDuplicates(LogicalPlan child, List<String> columns) implements LogicalPlan {
    /** Validates and copies. */
    public DropDuplicates {
        requireNonNull(child, "child is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("dropDuplicates needs at least one column; use Distinct");
        }
        for (String c : columns) {
            child.schema().field(c);
        }
    }

    @Override
    public Schema schema() {
        return child.schema();
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 1, "DropDuplicates");
        return new DropDuplicates(children.get(0), columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitDropDuplicates(this);
    }

    @Override
    public String details() {
        return columns.toString();
    }
}
