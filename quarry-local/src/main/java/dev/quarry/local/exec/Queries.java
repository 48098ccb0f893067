package dev.quarry.local.exec;

import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SqlRelation;

/** Small facts about plans the executor needs. */
public final class Queries {
    private Queries() {}

    /**
     * Whether a plan holds SQL the user wrote (so SQL errors are theirs to fix).
     *
     * <pre>{@code Queries.hasUserSql(plan)}</pre>
     *
     * @param plan the plan
     * @return true when a {@link SqlRelation} is in it
     */
    public static boolean hasUserSql(LogicalPlan plan) {
        if (plan instanceof SqlRelation) {
            return true;
        }
        for (LogicalPlan child : plan.children()) {
            if (hasUserSql(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The node names of a plan from the root down the first inputs, e.g. {@code Project ← Filter ← FileScan}.
     *
     * <pre>{@code Queries.outline(plan)}</pre>
     *
     * @param plan the plan
     * @return a short outline
     */
    public static String outline(LogicalPlan plan) {
        StringBuilder sb = new StringBuilder();
        int nodes = count(plan);
        LogicalPlan p = plan;
        int shown = 0;
        while (p != null && shown < 6) {
            sb.append(shown == 0 ? "" : " <- ").append(p.nodeName());
            p = p.children().isEmpty() ? null : p.children().get(0);
            shown++;
        }
        if (p != null) {
            sb.append(" <- ...");
        }
        return sb.append(" (")
                .append(nodes)
                .append(nodes == 1 ? " node)" : " nodes)")
                .toString();
    }

    private static int count(LogicalPlan plan) {
        int n = 1;
        for (LogicalPlan child : plan.children()) {
            n += count(child);
        }
        return n;
    }
}
