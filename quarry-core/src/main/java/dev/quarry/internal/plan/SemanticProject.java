package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes columns with models: each of {@code columns} is an {@link Alias} of a
 * {@link SemanticFunction} whose inputs are column references of the child. The output is the
 * child's columns followed by the new ones (names usually internal, e.g. {@code __semantic_1},
 * projected away or renamed by the node above). Columns of one node are independent, so a backend
 * may compute them concurrently.
 *
 * @param child the input
 * @param columns the semantic columns, each {@code Alias(SemanticFunction, name)}
 * @param schema computed: child columns + semantic columns
 */
public record SemanticProject(LogicalPlan child, List<Alias> columns, Schema schema) implements LogicalPlan {
    /** Validates, copies and computes the schema. */
    public SemanticProject {
        requireNonNull(child, "child is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a semantic projection needs at least one column");
        }
        List<StructField> fields = new ArrayList<>(child.schema().fields());
        for (Alias a : columns) {
            if (!(a.child() instanceof SemanticFunction)) {
                throw new IllegalArgumentException("not a semantic function: " + a);
            }
            Plans.checkResolved(a, "SemanticProject");
            fields.add(new StructField(a.name(), a.type(), true));
        }
        schema = new Schema(fields);
    }

    /** A semantic projection whose schema is computed. */
    public SemanticProject(LogicalPlan child, List<Alias> columns) {
        this(child, columns, null);
    }

    /** The semantic functions, in column order. */
    public List<SemanticFunction> functions() {
        List<SemanticFunction> fs = new ArrayList<>(columns.size());
        for (Alias a : columns) {
            fs.add((SemanticFunction) a.child());
        }
        return fs;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(child);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 1, "SemanticProject");
        return new SemanticProject(children.get(0), columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSemanticProject(this);
    }

    @Override
    public String details() {
        List<Expression> cs = new ArrayList<>(columns);
        return cs.toString();
    }
}
