package dev.quarry.internal.plan;

import static java.util.Objects.requireNonNull;

import dev.quarry.JoinType;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.types.Schema;
import java.util.List;

/**
 * Keeps the pairs of left and right rows for which a model judges the prompt true. The template
 * reads {@code {{ left.col }}} and {@code {{ right.col }}}; {@code leftColumns} and
 * {@code rightColumns} are the columns it reads from each side. Output: left columns then right
 * columns (names must be unique). A backend must stream the pairs in blocks, send identical pairs
 * once, and refuse to start above {@code maxPairs}.
 *
 * @param left the left input
 * @param right the right input
 * @param spec the prompt template, model and parameters
 * @param leftColumns the left columns the template reads
 * @param rightColumns the right columns the template reads
 * @param maxPairs the largest number of pairs the join may judge
 * @param schema computed from the inputs
 */
public record SemanticJoin(
        LogicalPlan left,
        LogicalPlan right,
        SemanticSpec spec,
        List<String> leftColumns,
        List<String> rightColumns,
        long maxPairs,
        Schema schema)
        implements LogicalPlan {
    /** Validates, copies and computes the schema. */
    public SemanticJoin {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(spec, "spec is null");
        leftColumns = List.copyOf(requireNonNull(leftColumns, "leftColumns is null"));
        rightColumns = List.copyOf(requireNonNull(rightColumns, "rightColumns is null"));
        if (maxPairs < 1) {
            throw new IllegalArgumentException("maxPairs must be >= 1, was " + maxPairs);
        }
        schema = Join.outputSchema(left.schema(), right.schema(), JoinType.INNER, List.of());
    }

    /** A semantic join whose schema is computed. */
    public SemanticJoin(
            LogicalPlan left,
            LogicalPlan right,
            SemanticSpec spec,
            List<String> leftColumns,
            List<String> rightColumns,
            long maxPairs) {
        this(left, right, spec, leftColumns, rightColumns, maxPairs, null);
    }

    /**
     * The operator's name in metrics and usage tables: {@code semantic.join} (the execution adds
     * {@code #2}, {@code #3} to further semantic joins of one query).
     *
     * <pre>{@code String shown = join.label(); // "semantic.join"}</pre>
     *
     * @return the label
     */
    public String label() {
        return "semantic.join";
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    public LogicalPlan withChildren(List<LogicalPlan> children) {
        Plans.checkArity(children, 2, "SemanticJoin");
        return new SemanticJoin(children.get(0), children.get(1), spec, leftColumns, rightColumns, maxPairs);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visitSemanticJoin(this);
    }

    @Override
    public String details() {
        return "\"" + spec.template().replaceAll("\\s+", " ").trim() + "\" model=" + spec.modelAlias() + " left="
                + leftColumns + " right=" + rightColumns;
    }
}
