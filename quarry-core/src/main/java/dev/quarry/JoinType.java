package dev.quarry;

/**
 * How {@link DataFrame#join(DataFrame, Column, JoinType)} pairs rows.
 *
 * <pre>{@code orders.join(customers, col("customer_id").equalTo(col("c_id")), JoinType.LEFT)}</pre>
 */
public enum JoinType {
    /** Pairs that match; unmatched rows of either side are dropped. */
    INNER,
    /** Every left row; right columns are null where nothing matches. */
    LEFT,
    /** Every right row; left columns are null where nothing matches. */
    RIGHT,
    /** Every row of both sides; the missing side is null where nothing matches. */
    FULL,
    /** Every left row with every right row; takes no condition. */
    CROSS,
    /** Left rows that have at least one match; only left columns. */
    SEMI,
    /** Left rows that have no match; only left columns. */
    ANTI
}
