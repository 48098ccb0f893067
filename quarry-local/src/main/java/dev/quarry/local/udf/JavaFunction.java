package dev.quarry.local.udf;

import dev.quarry.types.DataType;
import java.util.List;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBWritableVector;

/**
 * A scalar function written in Java that runs inside DuckDB SQL as a vectorized UDF: DuckDB hands
 * it a chunk of up to 2048 input rows at a time and it writes one output value per row. It is
 * called from DuckDB's worker threads, possibly several at once, so it must be thread-safe.
 *
 * <p>The {@link #name()} is both the core function registry's name and the SQL name, so the
 * function can be called from DataFrame code ({@code ScalarFunction(name, ...)}) and from
 * {@code session.sql(...)} alike.
 *
 * <pre>{@code
 * final class Shout implements JavaFunction {
 *     public String name() { return "shout"; }
 *     public List<DataType> parameterTypes() { return List.of(DataTypes.STRING); }
 *     public DataType returnType() { return DataTypes.STRING; }
 *     public void apply(DuckDBDataChunkReader in, DuckDBWritableVector out) {
 *         var text = in.vector(0);
 *         for (long i = 0; i < in.rowCount(); i++) {
 *             if (text.isNull(i)) out.setNull(i); else out.setString(i, text.getString(i).toUpperCase());
 *         }
 *     }
 * }
 * }</pre>
 */
public interface JavaFunction {
    /**
     * The function's name: lower case, letters, digits and underscores.
     *
     * <pre>{@code fn.name() // "count_tokens"}</pre>
     *
     * @return the name
     */
    String name();

    /**
     * The argument types, in order (scalar types only).
     *
     * <pre>{@code fn.parameterTypes() // [string]}</pre>
     *
     * @return the parameter types
     */
    List<DataType> parameterTypes();

    /**
     * The result type (a scalar type).
     *
     * <pre>{@code fn.returnType() // bigint}</pre>
     *
     * @return the return type
     */
    DataType returnType();

    /**
     * Computes one chunk: for each input row {@code i < input.rowCount()}, writes the result (or
     * null) at {@code i} of {@code output}. An exception fails the query with its message.
     *
     * <pre>{@code fn.apply(chunk, out);}</pre>
     *
     * @param input the argument vectors, one per parameter
     * @param output the result vector
     * @throws Exception when the function cannot compute a value
     */
    void apply(DuckDBDataChunkReader input, DuckDBWritableVector output) throws Exception;
}
