package dev.quarry.internal.analyzer;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.internal.expr.Expression;
import java.util.Collection;
import java.util.List;

/** Builders for the errors the analyzer raises, so every message has the same shape. */
public final class Errors {
    private Errors() {}

    /**
     * {@code COLUMN_NOT_FOUND}: {@code Column 'nmae' not found. Available: id, name. Did you mean 'name'?}
     *
     * @param name the column as written
     * @param available the columns that exist
     * @return the exception
     */
    public static QuarryException columnNotFound(String name, List<String> available) {
        return new QuarryException(
                ErrorCode.COLUMN_NOT_FOUND,
                "Column '" + name + "' not found. Available: " + list(available) + "."
                        + Suggestions.didYouMean(name, available));
    }

    /**
     * {@code TYPE_MISMATCH} with a message that names the expression and its operand types.
     *
     * @param message what is wrong, naming the types
     * @return the exception
     */
    public static QuarryException typeMismatch(String message) {
        return new QuarryException(ErrorCode.TYPE_MISMATCH, message);
    }

    /**
     * {@code INVALID_ARGUMENT}.
     *
     * @param message what is wrong and what to do
     * @return the exception
     */
    public static QuarryException invalidArgument(String message) {
        return new QuarryException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /**
     * {@code INVALID_PLAN}: an operation used where it has no meaning (an aggregate outside
     * {@code agg}, a column neither grouped nor aggregated).
     *
     * @param message what is wrong and what to do
     * @return the exception
     */
    public static QuarryException invalidPlan(String message) {
        return new QuarryException(ErrorCode.INVALID_PLAN, message);
    }

    /**
     * {@code DUPLICATE_COLUMN}.
     *
     * @param message which name appears twice and how to fix it
     * @return the exception
     */
    public static QuarryException duplicateColumn(String message) {
        return new QuarryException(ErrorCode.DUPLICATE_COLUMN, message);
    }

    /** {@code expr (type)} for messages. */
    static String typed(Expression e) {
        return e + " (" + e.type().simpleString() + ")";
    }

    /** Comma-separated, or {@code (none)}. */
    public static String list(Collection<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
