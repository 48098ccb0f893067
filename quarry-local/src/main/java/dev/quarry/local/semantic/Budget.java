package dev.quarry.local.semantic;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * The session's spending limit on models. Before a request is sent its estimated cost is reserved;
 * a request whose estimate does not fit in what remains (the budget minus what the session has
 * spent and what requests in flight may still cost) is not sent and the query fails with
 * {@code BUDGET_EXCEEDED}. A reservation is released when its request completes, whose actual cost
 * the runtime has then counted as spent. Thread-safe.
 */
final class Budget {
    private final Double limitUsd;
    private final DoubleSupplier spentUsd;
    private double reservedUsd;

    /**
     * A budget.
     *
     * @param limitUsd the limit, or null for none
     * @param spentUsd what the session has spent so far
     */
    Budget(Double limitUsd, DoubleSupplier spentUsd) {
        this.limitUsd = limitUsd;
        this.spentUsd = spentUsd;
    }

    /** Whether there is a limit at all (estimates are computed only then). */
    boolean limited() {
        return limitUsd != null;
    }

    /**
     * Reserves the estimated cost of a request if it fits in what remains.
     *
     * @param estimateUsd the request's estimated cost
     * @return whether it was reserved (always true without a limit)
     */
    synchronized boolean tryReserve(double estimateUsd) {
        if (limitUsd == null) {
            return true;
        }
        double remaining = limitUsd - spentUsd.getAsDouble() - reservedUsd;
        if (estimateUsd > remaining) {
            return false;
        }
        reservedUsd += estimateUsd;
        return true;
    }

    /**
     * The error of a request that did not fit, saying what was spent and what remained (call it once
     * the requests in flight have completed, so that their cost is counted as spent).
     *
     * @param estimateUsd the request's estimated cost
     * @param operator the operator sending it
     * @param alias the model alias
     * @return the exception to throw
     */
    synchronized QuarryException exceeded(double estimateUsd, String operator, String alias) {
        double spent = spentUsd.getAsDouble();
        double remaining = Math.max(0, limitUsd - spent - reservedUsd);
        return new QuarryException(
                ErrorCode.BUDGET_EXCEEDED,
                String.format(
                        Locale.ROOT,
                        "Stopped before the session budget of $%.6f was passed: $%.6f spent so far%s, $%.6f"
                                + " remained, and the next request of %s to model '%s' is estimated at $%.6f."
                                + " Raise the budget (Session.builder().budgetUsd(...)), process fewer rows,"
                                + " or use a cheaper model.",
                        limitUsd,
                        spent,
                        reservedUsd > 0 ? String.format(Locale.ROOT, " ($%.6f more in flight)", reservedUsd) : "",
                        remaining,
                        operator,
                        alias,
                        estimateUsd));
    }

    /**
     * Releases a reservation once its request completed.
     *
     * @param amountUsd what {@link #reserve} returned
     */
    synchronized void release(double amountUsd) {
        reservedUsd = Math.max(0, reservedUsd - amountUsd);
    }
}
