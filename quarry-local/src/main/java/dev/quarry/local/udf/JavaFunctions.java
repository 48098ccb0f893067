package dev.quarry.local.udf;

import static java.util.Objects.requireNonNull;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBScalarFunctionBuilder;

/**
 * The Java functions the local backend installs in DuckDB, by name. {@link #standard()} holds the
 * functions users get ({@code count_tokens}); {@link #with(JavaFunction)} adds more.
 *
 * <pre>{@code
 * JavaFunctions fns = JavaFunctions.standard().with(new Shout());
 * fns.install(connection);
 * }</pre>
 */
public final class JavaFunctions {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, JavaFunction> functions;

    private JavaFunctions(Map<String, JavaFunction> functions) {
        this.functions = Collections.unmodifiableMap(new TreeMap<>(functions));
    }

    /**
     * The standard functions: {@code count_tokens}.
     *
     * <pre>{@code JavaFunctions.standard().names() // [count_tokens]}</pre>
     *
     * @return the registry
     */
    public static JavaFunctions standard() {
        return new JavaFunctions(Map.of()).with(new CountTokens());
    }

    /**
     * A registry with one more function.
     *
     * <pre>{@code JavaFunctions.standard().with(new Shout())}</pre>
     *
     * @param function the function
     * @return a new registry
     * @throws QuarryException INVALID_ARGUMENT for a bad name, a name already taken or a non-scalar type
     */
    public JavaFunctions with(JavaFunction function) {
        requireNonNull(function, "function is null");
        String name = function.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT,
                    "Java function name '" + name + "' is invalid: use lower-case letters, digits and underscores,"
                            + " starting with a letter");
        }
        if (functions.containsKey(name)) {
            throw new QuarryException(
                    ErrorCode.INVALID_ARGUMENT, "A Java function named '" + name + "' is already registered");
        }
        for (DataType t : function.parameterTypes()) {
            columnType(name, t);
        }
        columnType(name, function.returnType());
        Map<String, JavaFunction> copy = new TreeMap<>(functions);
        copy.put(name, function);
        return new JavaFunctions(copy);
    }

    /**
     * The registered names, sorted.
     *
     * <pre>{@code fns.names().contains("count_tokens") // true}</pre>
     *
     * @return the names
     */
    public Set<String> names() {
        return functions.keySet();
    }

    /**
     * The registered functions, by name.
     *
     * <pre>{@code fns.functions().get("count_tokens")}</pre>
     *
     * @return the functions
     */
    public Map<String, JavaFunction> functions() {
        return functions;
    }

    /**
     * Registers every function as a vectorized scalar UDF of the connection's database, under
     * its name.
     *
     * <pre>{@code fns.install(connection);}</pre>
     *
     * @param connection a DuckDB connection
     * @throws SQLException when DuckDB refuses a registration
     */
    public void install(Connection connection) throws SQLException {
        for (JavaFunction f : functions.values()) {
            List<DuckDBColumnType> params = new ArrayList<>();
            for (DataType t : f.parameterTypes()) {
                params.add(columnType(f.name(), t));
            }
            try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
                builder.withName(f.name())
                        .withParameters(params.toArray(new DuckDBColumnType[0]))
                        .withReturnType(columnType(f.name(), f.returnType()))
                        .withVectorizedFunction(f::apply)
                        .register(connection);
            }
        }
    }

    private static DuckDBColumnType columnType(String function, DataType type) {
        if (type.isTextual()) {
            return DuckDBColumnType.VARCHAR;
        }
        if (type instanceof ScalarType s) {
            switch (s) {
                case INTEGER:
                    return DuckDBColumnType.INTEGER;
                case LONG:
                    return DuckDBColumnType.BIGINT;
                case FLOAT:
                    return DuckDBColumnType.FLOAT;
                case DOUBLE:
                    return DuckDBColumnType.DOUBLE;
                case BOOLEAN:
                    return DuckDBColumnType.BOOLEAN;
                case DATE:
                    return DuckDBColumnType.DATE;
                case TIMESTAMP:
                    return DuckDBColumnType.TIMESTAMP;
                default:
                    break;
            }
        }
        throw new QuarryException(
                ErrorCode.INVALID_ARGUMENT,
                "Java function '" + function + "' uses type " + type.simpleString()
                        + "; Java functions take and return scalar types only");
    }
}
