package dev.quarry.local.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.OperatorMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * DuckDB's per-operator profile of the last statement (its JSON rendering) as operator metrics,
 * root first: {@code DuckDB HASH_GROUP_BY} with its arguments, its own time and its output rows.
 */
public final class DuckProfile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DuckProfile() {}

    /**
     * The operators of a JSON profile.
     *
     * <pre>{@code List<OperatorMetrics> ops = DuckProfile.parse(connection.getProfilingInformation(ProfilerPrintFormat.JSON));}</pre>
     *
     * @param json DuckDB's JSON profile
     * @return the operators, root first; empty when the profile cannot be read
     */
    public static List<OperatorMetrics> parse(String json) {
        List<OperatorMetrics> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(json);
            for (JsonNode op : root.path("operator")) {
                walk(op, out);
            }
            if (out.isEmpty()) {
                for (JsonNode child : root.path("children")) {
                    walk(child, out);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    private static void walk(JsonNode op, List<OperatorMetrics> out) {
        String type = op.path("type").asText(op.path("operator_type").asText(""));
        if (!type.isEmpty() && !type.equals("RESULT_COLLECTOR")) {
            double seconds =
                    op.path("timing").asDouble(op.path("operator_timing").asDouble(0));
            long rows = op.path("intermediate_rows")
                    .asLong(op.path("operator_cardinality").asLong(-1));
            StringJoiner details = new StringJoiner("; ");
            Iterator<Map.Entry<String, JsonNode>> it =
                    op.path("extra_info").properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("Estimated Cardinality")) {
                    details.add(e.getKey() + ": "
                            + e.getValue().asText(e.getValue().toString()).replace('\n', ' '));
                }
            }
            out.add(OperatorMetrics.relational(
                    "DuckDB " + type, details.toString(), Duration.ofNanos((long) (seconds * 1e9)), rows));
        }
        for (JsonNode child : op.path("children")) {
            walk(child, out);
        }
    }
}
