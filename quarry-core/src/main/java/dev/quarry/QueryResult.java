package dev.quarry;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.Schema;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of an executed query and what it cost.
 *
 * <pre>{@code
 * QueryResult result = df.collect();
 * result.rows().forEach(r -> System.out.println(r.getString("team") + " " + r.getLong("tickets")));
 * System.out.println(result.metrics());
 * }</pre>
 */
public final class QueryResult implements Iterable<Row> {
    private final Schema schema;
    private final List<Row> rows;
    private final QueryMetrics metrics;

    QueryResult(Schema schema, List<Row> rows, QueryMetrics metrics) {
        this.schema = requireNonNull(schema, "schema is null");
        this.rows = List.copyOf(requireNonNull(rows, "rows is null"));
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /**
     * The rows, in the query's order.
     *
     * <pre>{@code List<Row> rows = result.rows();}</pre>
     *
     * @return an unmodifiable list
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The schema of the rows.
     *
     * <pre>{@code List<String> names = result.schema().names();}</pre>
     *
     * @return the schema
     */
    public Schema schema() {
        return schema;
    }

    /**
     * Time, row counts and model usage of the query.
     *
     * <pre>{@code Duration t = result.metrics().executionTime();}</pre>
     *
     * @return the metrics
     */
    public QueryMetrics metrics() {
        return metrics;
    }

    /**
     * The number of rows.
     *
     * <pre>{@code int n = result.size();}</pre>
     *
     * @return the row count
     */
    public int size() {
        return rows.size();
    }

    /**
     * Iterates over the rows.
     *
     * <pre>{@code for (Row r : df.collect()) { ... }}</pre>
     *
     * @return an iterator
     */
    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    @Override
    public String toString() {
        return "QueryResult[" + rows.size() + " rows, columns " + schema.names() + "]";
    }
}
