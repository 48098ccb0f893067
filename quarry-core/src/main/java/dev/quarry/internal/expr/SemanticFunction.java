package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.List;
import java.util.Locale;

/**
 * A model-computed value: one of the semantic operators. Its {@code inputs} are the values the
 * model reads: for template-driven kinds (MAP, PREDICATE) the columns named by
 * {@code spec.variables()}, in that order; for the others one text input (for REDUCE, before
 * planning, the text column aggregated; after planning, an array of the group's texts).
 *
 * <p>Semantic functions never reach SQL: when a DataFrame is built they are pulled out of
 * projections and filters into {@link dev.quarry.internal.plan.SemanticProject} nodes, which a
 * backend executes through the inference runtime. A null in any input gives a null result and
 * sends no request.
 *
 * @param kind the operator
 * @param inputs the values the model reads
 * @param spec the prompt, model and parameters
 * @param type the result type (string, boolean, struct, embedding...), fixed by the analyzer
 */
public record SemanticFunction(Kind kind, List<Expression> inputs, SemanticSpec spec, DataType type)
        implements Expression {
    /** The semantic operators. */
    public enum Kind {
        MAP,
        EXTRACT,
        PREDICATE,
        CLASSIFY,
        SENTIMENT,
        SUMMARIZE,
        EMBED,
        REDUCE
    }

    /** Validates and copies. */
    public SemanticFunction {
        requireNonNull(kind, "kind is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        requireNonNull(spec, "spec is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean containsAggregate() {
        return kind == Kind.REDUCE || Expression.super.containsAggregate();
    }

    @Override
    public List<Expression> children() {
        return inputs;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, inputs.size(), "SemanticFunction");
        return new SemanticFunction(kind, children, spec, type);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitSemanticFunction(this);
    }

    @Override
    public String toString() {
        String name = "semantic." + kind.name().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(name).append('(');
        if (spec.template() != null) {
            sb.append('"').append(abbreviate(spec.template())).append("\", ");
        } else if (spec.instruction() != null) {
            sb.append('"').append(abbreviate(spec.instruction())).append("\", ");
        }
        for (int i = 0; i < inputs.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(inputs.get(i));
        }
        if (spec.responseType() != null) {
            sb.append(", ").append(spec.responseType().getSimpleName());
        }
        if (!spec.labels().isEmpty()) {
            sb.append(", labels=")
                    .append(spec.labels().stream().map(SemanticSpec.Label::name).toList());
        }
        if (!spec.modelAlias().isEmpty()) {
            sb.append(", model=").append(spec.modelAlias());
        }
        return sb.append(')').toString();
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }
}
