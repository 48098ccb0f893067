package dev.quarry.functions;

import static java.util.Objects.requireNonNull;

import dev.quarry.Column;
import dev.quarry.internal.expr.ScalarFunction;
import dev.quarry.types.ScalarType;
import java.util.List;

/**
 * Functions over text columns.
 *
 * <pre>{@code
 * import dev.quarry.functions.Text;
 * df.withColumn("tokens", Text.countTokens(col("body")));
 * }</pre>
 */
public final class Text {
    private Text() {}

    /**
     * Evaluates to the number of tokens of the text under the {@code o200k_base} encoding (the
     * tokenizer of current OpenAI models), as a bigint; null for null.
     *
     * <pre>{@code df.withColumn("tokens", Text.countTokens(col("body")))}</pre>
     *
     * @param text a text column
     * @return a bigint column
     */
    public static Column countTokens(Column text) {
        requireNonNull(text, "text is null");
        // The type is provisional: the analyzer's function registry checks the argument and fixes it.
        return Column.of(new ScalarFunction("count_tokens", List.of(text.expression()), ScalarType.LONG, true));
    }
}
