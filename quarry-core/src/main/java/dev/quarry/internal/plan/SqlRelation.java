package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SQL query in the backend's dialect, in which {@code {name}} stands for the plan of the same
 * name in {@code frames}. The children are the frames' plans in name order.
 *
 * @param sql the query text with {@code {name}} placeholders
 * @param frames the frames the query reads, by placeholder name
 * @param schema the query's output schema, described by the backend
 */
public record SqlRelation(String sql, Map<String, LogicalPlan> frames, Schema schema) implements LogicalPlan {
    /** Validates and copies (frames sorted by name). */
    public SqlRelation {
        requireNonNull(sql, "sql is null");
        frames = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(frames, "frames is null")));
        requireNonNull(schema, "schema is null");
    }

    @Override
    public List<LogicalPlan> children() {
        return new ArrayList<>(frames.values());
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, frames.size(), "SqlRelation");
        Map<String, LogicalPlan> updated = new TreeMap<>();
        int i = 0;
        for (String name : frames.keySet()) {
            updated.put(name, children.get(i++));
        }
        return new SqlRelation(sql, updated, schema);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSqlRelation(this);
    }

    @Override
    public String details() {
        return "\"" + sql.replaceAll("\\s+", " ").trim() + "\" frames=" + frames.keySet();
    }
}
