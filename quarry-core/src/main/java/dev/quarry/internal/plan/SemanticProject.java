package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes columns with models: each of {@code columns} is an {@link Alias} of a
 * {@link SemanticFunction} whose inputs are column references of the child. The output is the
 * child's columns followed by the new ones (names usually internal, e.g. {@code __semantic_1},
 * projected away or renamed by the node above). Columns of one node are independent, so a backend
 * may compute them concurrently.
 *
 * <p>Each column's operator has a label, the name users see in metrics, {@code explain(ANALYZE)} and
 * the usage tables: {@code semantic.<kind>} followed by what its result becomes, e.g.
 * {@code semantic.extract(info)} (see {@code SemanticPlanner} for how labels are chosen).
 *
 * @param child the input
 * @param columns the semantic columns, each {@code Alias(SemanticFunction, name)}
 * @param labels each column's label, by column name, in column order
 * @param schema computed: child columns + semantic columns
 */
public record SemanticProject(LogicalPlan child, List<Alias> columns, Map<String, String> labels, Schema schema)
        implements LogicalPlan {
    /**
     * Validates, copies and computes the schema. {@code labels} must hold a label for every column;
     * entries for other names are dropped, so a rule keeping some of a node's columns may pass the
     * node's labels as they are.
     */
    public SemanticProject {
        requireNonNull(child, "child is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(labels, "labels is null");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a semantic projection needs at least one column");
        }
        List<StructField> fields = new ArrayList<>(child.schema().fields());
        Map<String, String> kept = new LinkedHashMap<>();
        for (Alias a : columns) {
            if (!(a.child() instanceof SemanticFunction)) {
                throw new IllegalArgumentException("not a semantic function: " + a);
            }
            Plans.checkResolved(a, "SemanticProject");
            String label = labels.get(a.name());
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException(
                        "no label for the semantic column " + a.name() + "; labels: " + labels);
            }
            kept.put(a.name(), label);
            fields.add(new StructField(a.name(), a.type(), true));
        }
        labels = Collections.unmodifiableMap(kept);
        schema = new Schema(fields);
    }

    /**
     * A semantic projection whose schema is computed.
     *
     * <pre>{@code
     * new SemanticProject(child, List.of(new Alias(extract, "__semantic_1")), Map.of("__semantic_1", "semantic.extract(info)"))
     * }</pre>
     *
     * @param child the input
     * @param columns the semantic columns
     * @param labels each column's label, by column name (other entries are dropped)
     */
    public SemanticProject(LogicalPlan child, List<Alias> columns, Map<String, String> labels) {
        this(child, columns, labels, null);
    }

    /**
     * The label of one of the node's columns.
     *
     * <pre>{@code String shown = node.label(node.columns().get(0)); // "semantic.extract(info)"}</pre>
     *
     * @param column one of {@link #columns()}
     * @return its label
     */
    public String label(Alias column) {
        String label = labels.get(column.name());
        if (label == null) {
            throw new IllegalArgumentException("not a column of this node: " + column);
        }
        return label;
    }

    /**
     * Claims a label among those already taken: the label itself, or, when another operator has it,
     * the label followed by {@code #2}, {@code #3}, ... The one returned is added to {@code taken}.
     *
     * <pre>{@code String shown = SemanticProject.claimLabel("semantic.predicate(filter)", taken); // "...#2" the second time}</pre>
     *
     * @param label the operator's label
     * @param taken the labels other operators already have (modified)
     * @return the label to show
     */
    public static String claimLabel(String label, Set<String> taken) {
        String claimed = label;
        for (int n = 2; !taken.add(claimed); n++) {
            claimed = label + "#" + n;
        }
        return claimed;
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
        return new SemanticProject(children.get(0), columns, labels);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSemanticProject(this);
    }

    /** Each column as {@code label: call AS name}, e.g. {@code [semantic.extract(info): semantic.extract(body, ...) AS __semantic_1]}. */
    @Override
    public String details() {
        List<String> cs = new ArrayList<>(columns.size());
        for (Alias a : columns) {
            cs.add(labels.get(a.name()) + ": " + a);
        }
        return cs.toString();
    }
}
