package dev.quarry.local.udf;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.util.List;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

/**
 * {@code count_tokens(text) → bigint}: the number of tokens of the text under OpenAI's
 * {@code o200k_base} encoding; null for null. Special-token markers such as
 * {@code <|endoftext|>} count as ordinary text.
 *
 * <pre>{@code session.sql("SELECT count_tokens(body) AS tokens FROM {t}", Map.of("t", tickets))}</pre>
 */
public final class CountTokens implements JavaFunction {
    /** Loads the vocabulary (a few MB) on first use, not when the backend starts. */
    private static final class Vocabulary {
        static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /**
     * The number of o200k_base tokens of a text.
     *
     * <pre>{@code CountTokens.count("hello world") // 2}</pre>
     *
     * @param text the text
     * @return the token count
     */
    public static long count(String text) {
        return Vocabulary.O200K.countTokensOrdinary(text);
    }

    @Override
    public String name() {
        return "count_tokens";
    }

    @Override
    public List<DataType> parameterTypes() {
        return List.of(ScalarType.STRING);
    }

    @Override
    public DataType returnType() {
        return ScalarType.LONG;
    }

    @Override
    public void apply(DuckDBDataChunkReader input, DuckDBWritableVector output) {
        DuckDBReadableVector text = input.vector(0);
        long rows = input.rowCount();
        for (long i = 0; i < rows; i++) {
            if (text.isNull(i)) {
                output.setNull(i);
            } else {
                output.setLong(i, count(text.getString(i)));
            }
        }
    }
}
