package dev.quarry.internal.optimizer;

import dev.quarry.internal.plan.LogicalPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batches of rules over a plan. In each pass, each rule is applied to every node, top-down
 * (a node first, then the children of whatever it became); a batch repeats passes until a pass
 * changes nothing. Every rule is timed and its rewrites counted. This is the only place that walks
 * the tree: rules only rewrite the node they are given.
 */
public final class RuleExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RuleExecutor.class);

    private final LongSupplier nanoClock;

    /**
     * An executor timing rules with a clock.
     *
     * <pre>{@code new RuleExecutor(System::nanoTime)}</pre>
     *
     * @param nanoClock a monotonic clock in nanoseconds
     */
    public RuleExecutor(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Optimizes a plan.
     *
     * <pre>{@code OptimizerResult r = executor.execute(plan, batches, Set.of("PruneColumns"));}</pre>
     *
     * @param plan the plan
     * @param batches the batches, run in order
     * @param disabled names of rules to skip
     * @return the optimized plan and the rule statistics
     */
    public OptimizerResult execute(LogicalPlan plan, List<Batch> batches, Set<String> disabled) {
        long start = nanoClock.getAsLong();
        Map<String, long[]> stats = new LinkedHashMap<>(); // name -> {fired, nanos}
        Map<String, String> batchOf = new LinkedHashMap<>();
        LogicalPlan current = plan;
        for (Batch batch : batches) {
            List<Rule> rules = new ArrayList<>();
            for (Rule r : batch.rules()) {
                if (!disabled.contains(r.name())) {
                    rules.add(r);
                    stats.putIfAbsent(r.name(), new long[2]);
                    batchOf.putIfAbsent(r.name(), batch.name());
                }
            }
            boolean converged = false;
            for (int pass = 0; pass < batch.maxIterations(); pass++) {
                boolean changed = false;
                for (Rule rule : rules) {
                    long[] s = stats.get(rule.name());
                    long t0 = nanoClock.getAsLong();
                    int[] fired = new int[1];
                    LogicalPlan next = transformDown(current, rule, fired);
                    s[1] += nanoClock.getAsLong() - t0;
                    s[0] += fired[0];
                    if (fired[0] > 0) {
                        changed = true;
                        current = next;
                    }
                }
                if (!changed) {
                    converged = true;
                    break;
                }
            }
            if (!converged) {
                LOG.warn(
                        "Optimizer batch '{}' still changed the plan after {} passes; using the plan as it is",
                        batch.name(),
                        batch.maxIterations());
            }
        }
        List<RuleRun> runs = new ArrayList<>();
        for (Map.Entry<String, long[]> e : stats.entrySet()) {
            runs.add(new RuleRun(
                    e.getKey(), batchOf.get(e.getKey()), (int) e.getValue()[0], Duration.ofNanos(e.getValue()[1])));
        }
        return new OptimizerResult(current, runs, Duration.ofNanos(nanoClock.getAsLong() - start));
    }

    private static LogicalPlan transformDown(LogicalPlan node, Rule rule, int[] fired) {
        LogicalPlan rewritten = rule.apply(node);
        if (rewritten != node) {
            fired[0]++;
        }
        List<LogicalPlan> children = rewritten.children();
        if (children.isEmpty()) {
            return rewritten;
        }
        List<LogicalPlan> newChildren = new ArrayList<>(children.size());
        boolean childChanged = false;
        for (LogicalPlan child : children) {
            LogicalPlan c = transformDown(child, rule, fired);
            childChanged |= c != child;
            newChildren.add(c);
        }
        return childChanged ? rewritten.withChildren(newChildren) : rewritten;
    }
}
