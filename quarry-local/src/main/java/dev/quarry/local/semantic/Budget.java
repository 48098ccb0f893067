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
     * Reserves the estimated cost of a request.
     *
     * @param estimateUsd the request's estimated cost
     * @param operator the operator sending it, for the message
     * @param alias the model alias, for the message
     * @return the amount reserved, to pass to {@link #release(double)}
     * @throws QuarryException BUDGET_EXCEEDED when it does not fit
     */
    synchronized double reserve(double estimateUsd, String operator, String alias) {
        if (limitUsd == null) {
            return 0;
        }
        double spent = spentUsd.getAsDouble();
        double remaining = limitUsd - spent - reservedUsd;
        if (estimateUsd > remaining) {
            throw new QuarryException(
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
                            Math.max(0, remaining),
                            operator,
                            alias,
                            estimateUsd));
        }
        reservedUsd += estimateUsd;
        return estimateUsd;
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
