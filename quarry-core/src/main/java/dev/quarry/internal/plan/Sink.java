package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.SaveMode;
import dev.quarry.types.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes its input somewhere: files, a catalog table, or a catalog view (which stores the query,
 * not data). The output schema is the input's.
 *
 * @param child the written plan
 * @param target where to write
 * @param mode what to do when the target exists
 */
public record Sink(LogicalPlan child, Target target, SaveMode mode) implements LogicalPlan {
    /** Where a sink writes. */
    public sealed interface Target permits FileTarget, TableTarget, ViewTarget {}

    /**
     * Files in a format at a path.
     *
     * @param format the format
     * @param path the output path (a file, or a directory for partitioned output)
     * @param options writer options, sorted by key
     */
    public record FileTarget(FileFormat format, String path, Map<String, String> options) implements Target {
        /** Validates and copies. */
        public FileTarget {
            requireNonNull(format, "format is null");
            requireNonNull(path, "path is null");
            options = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(options, "options is null")));
        }
    }

    /**
     * A table of the catalog.
     *
     * @param name the table name
     */
    public record TableTarget(String name) implements Target {
        /** Validates. */
        public TableTarget {
            requireNonNull(name, "name is null");
        }
    }

    /**
     * A view of the catalog.
     *
     * @param name the view name
     */
    public record ViewTarget(String name) implements Target {
        /** Validates. */
        public ViewTarget {
            requireNonNull(name, "name is null");
        }
    }

    /** Validates. */
    public Sink {
        requireNonNull(child, "child is null");
        requireNonNull(target, "target is null");
        requireNonNull(mode, "mode is null");
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
        Plans.checkArity(children, 1, "Sink");
        return new Sink(children.get(0), target, mode);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSink(this);
    }

    @Override
    public String details() {
        String where;
        if (target instanceof FileTarget f) {
            where = f.format().name().toLowerCase(Locale.ROOT) + " " + f.path();
        } else if (target instanceof TableTarget t) {
            where = "table " + t.name();
        } else {
            where = "view " + ((ViewTarget) target).name();
        }
        return where + " mode=" + mode.name().toLowerCase(Locale.ROOT);
    }
}
