package dev.quarry.internal.optimizer;

import static java.util.Objects.requireNonNull;

import dev.quarry.internal.plan.LogicalPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An optimized plan and what the optimizer did to get it.
 *
 * @param plan the optimized plan
 * @param rules every enabled rule, in the order they first ran, with how often each fired
 * @param time the whole optimization's time
 */
public record OptimizerResult(LogicalPlan plan, List<RuleRun> rules, Duration time) {
    /** Validates and copies. */
    public OptimizerResult {
        requireNonNull(plan, "plan is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        requireNonNull(time, "time is null");
    }

    /**
     * The rules that rewrote at least one node.
     *
     * <pre>{@code result.fired().stream().map(RuleRun::name).toList()}</pre>
     *
     * @return the rules that fired
     */
    public List<RuleRun> fired() {
        List<RuleRun> out = new ArrayList<>();
        for (RuleRun r : rules) {
            if (r.fired() > 0) {
                out.add(r);
            }
        }
        return out;
    }
}
