package dev.quarry.internal.analyzer;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.expr.SemanticSpec;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.types.DataType;
import dev.quarry.types.EmbeddingType;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Resolves a semantic function against the columns it is used on: template variables become
 * columns (with a message naming the template when one does not exist), the text input is checked
 * to be text, the model alias is resolved against the session's models, and the result type is
 * fixed (an embedding's dimensions come from its model).
 */
final class SemanticResolver {
    private SemanticResolver() {}

    /**
     * The resolved function.
     *
     * @param e the unresolved function
     * @param scope the columns it may read
     * @param models the session's models
     * @param insideAggregate whether it sits inside an aggregate's argument
     * @param operand resolves an input expression
     * @param aggregateOperand resolves an input as the argument of an aggregate (for reduce)
     */
    static SemanticFunction resolve(
            SemanticFunction e,
            Scope scope,
            Models models,
            boolean insideAggregate,
            UnaryOperator<Expression> operand,
            UnaryOperator<Expression> aggregateOperand) {
        String operation = operation(e.kind());
        if (insideAggregate) {
            throw Errors.invalidPlan(operation + " cannot be used inside an aggregate such as count(...), max(...)"
                    + " or Semantic.reduce(...). Compute it first with withColumn(\"name\", " + operation
                    + "(...)), then aggregate that column");
        }
        List<Expression> inputs = new ArrayList<>();
        switch (e.kind()) {
            case MAP, PREDICATE -> {
                List<String> available = scope.available();
                for (int i = 0; i < e.inputs().size(); i++) {
                    String variable = e.spec().variables().get(i);
                    if (available.stream().noneMatch(n -> n.equalsIgnoreCase(variable))) {
                        throw new QuarryException(
                                ErrorCode.COLUMN_NOT_FOUND,
                                operation + "'s template reads {{ " + variable + " }}, but there is no column '"
                                        + variable + "'. Available: " + Errors.list(available) + "."
                                        + Suggestions.didYouMean(variable, available) + " Template: \""
                                        + SemanticCalls.abbreviate(e.spec().template()) + "\"");
                    }
                    inputs.add(operand.apply(e.inputs().get(i)));
                }
            }
            case REDUCE -> {
                Expression text = aggregateOperand.apply(e.inputs().get(0));
                inputs.add(requireText(text, operation));
                for (Expression key : e.inputs().subList(1, e.inputs().size())) {
                    SortKey k = (SortKey) aggregateOperand.apply(key);
                    if (k.child().type() instanceof EmbeddingType || k.child().type() instanceof StructType) {
                        throw Errors.typeMismatch(operation + " cannot order the texts by " + Errors.typed(k.child())
                                + ": its values have no order. Order by a column such as a date or an id");
                    }
                    inputs.add(k);
                }
            }
            default -> inputs.add(requireText(operand.apply(e.inputs().get(0)), operation));
        }
        SemanticSpec spec = e.spec();
        String alias = e.kind() == Kind.EMBED
                ? models.embeddingModel(spec.modelAlias(), operation)
                : models.languageModel(spec.modelAlias(), operation);
        DataType type = e.kind() == Kind.EMBED ? new EmbeddingType(models.dimensions(alias), alias) : e.type();
        SemanticSpec resolved = spec.withModelAlias(alias);
        return new SemanticFunction(e.kind(), inputs, resolved, type);
    }

    private static Expression requireText(Expression text, String operation) {
        if (!text.type().isTextual()) {
            throw Errors.typeMismatch(operation + " reads text, but " + Errors.typed(text) + " is not text."
                    + " Cast it with .cast(DataTypes.STRING) first");
        }
        return text;
    }

    /** Whether a tree holds a semantic function. */
    static boolean containsSemantic(Expression e) {
        if (e instanceof SemanticFunction) {
            return true;
        }
        for (Expression c : e.children()) {
            if (containsSemantic(c)) {
                return true;
            }
        }
        return false;
    }

    /** The first semantic function of a tree, or null. */
    static SemanticFunction firstSemantic(Expression e) {
        if (e instanceof SemanticFunction f) {
            return f;
        }
        for (Expression c : e.children()) {
            SemanticFunction f = firstSemantic(c);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** How the user wrote the operator: {@code Semantic.extract}. */
    static String operation(Kind kind) {
        return switch (kind) {
            case SENTIMENT -> "Semantic.analyzeSentiment";
            default -> "Semantic." + kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
