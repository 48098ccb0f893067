package dev.quarry.testkit.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value computed once per distinct JSON schema: clients send the same schema with every request,
 * so what the simulator derives from it (its strict-mode verdict, its token count) is remembered.
 * Keys are copies, so a caller changing its node later changes nothing here; past {@value #LIMIT}
 * schemas it starts afresh.
 *
 * <pre>{@code
 * PerSchema<Integer> tokens = new PerSchema<>(s -> TokenCounter.count(s.toString()));
 * int n = tokens.get(schema);
 * }</pre>
 *
 * @param <V> the value
 */
final class PerSchema<V> {
    static final int LIMIT = 256;

    private final Map<JsonNode, V> values = new ConcurrentHashMap<>();
    private final Function<JsonNode, V> compute;

    /**
     * A memo.
     *
     * @param compute the value of a schema; never returns null
     */
    PerSchema(Function<JsonNode, V> compute) {
        this.compute = compute;
    }

    /**
     * The value of a schema, computed on first sight.
     *
     * @param schema the schema
     * @return its value
     */
    V get(JsonNode schema) {
        V known = values.get(schema);
        if (known == null) {
            known = compute.apply(schema);
            if (values.size() >= LIMIT) values.clear();
            values.put(schema.deepCopy(), known);
        }
        return known;
    }
}
