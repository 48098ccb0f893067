package dev.quarry.local.semantic;

import java.util.List;

/**
 * The work of one semantic column of a projection: it receives the input values of each row, sends
 * what the model must answer through the shared {@link RequestPipeline}, and appends each row's
 * value to its {@link ResultTable} (a row whose value is null is not appended).
 */
interface ColumnJob {
    /**
     * Takes one input row.
     *
     * @param rid the row id
     * @param values the function's input values in {@code inputs} order (may hold nulls)
     */
    void row(long rid, List<Object> values);

    /** Sends whatever is still buffered (called once, after the last row). */
    void finish();

    /** Where the values go. */
    ResultTable table();

    /** The operator, for metrics. */
    OperatorRun op();
}
