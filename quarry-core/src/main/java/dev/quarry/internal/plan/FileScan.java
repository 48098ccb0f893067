package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads files. {@code path} may be a glob. {@code options} are reader options (for CSV:
 * {@code header}, {@code delimiter}, {@code mode} = FAILFAST | PERMISSIVE, ...). The schema was
 * inferred (or given) when the DataFrame was created.
 *
 * @param format the file format
 * @param path the file path or glob
 * @param options reader options, sorted by key
 * @param schema the output schema
 */
public record FileScan(FileFormat format, String path, Map<String, String> options, Schema schema)
        implements LogicalPlan {
    /** Validates and copies. */
    public FileScan {
        requireNonNull(format, "format is null");
        requireNonNull(path, "path is null");
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(options, "options is null")));
        requireNonNull(schema, "schema is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 0, "FileScan");
        return this;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitFileScan(this);
    }

    @Override
    public String details() {
        return format.name().toLowerCase(java.util.Locale.ROOT) + " " + path + (options.isEmpty() ? "" : " " + options)
                + " " + schema.names();
    }
}
