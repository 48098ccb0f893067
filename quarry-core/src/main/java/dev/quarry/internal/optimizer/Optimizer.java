package dev.quarry.internal.optimizer;

import dev.quarry.internal.optimizer.rules.CollapseProjections;
import dev.quarry.internal.optimizer.rules.MergeFilters;
import dev.quarry.internal.optimizer.rules.MergeIndependentSemanticProjects;
import dev.quarry.internal.optimizer.rules.PruneColumns;
import dev.quarry.internal.optimizer.rules.PushCheapPredicatesBelowSemantic;
import dev.quarry.internal.optimizer.rules.PushFiltersBelowProjections;
import dev.quarry.internal.optimizer.rules.PushFiltersIntoJoinSides;
import dev.quarry.internal.optimizer.rules.PushFiltersThroughOperators;
import dev.quarry.internal.optimizer.rules.PushLimitsBelowSemantic;
import dev.quarry.internal.optimizer.rules.RemoveRedundantProjections;
import dev.quarry.internal.optimizer.rules.RunSemanticFiltersFirst;
import dev.quarry.internal.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The standard optimizer: its batches of rules, in order. Filters are first merged and pushed
 * towards the sources, and below model calls when they do not read their results (as are limits);
 * filters on model answers run before the other model calls they do not read;
 * then columns nobody reads are pruned (semantic columns nobody reads are not computed) and
 * projections merged. The two
 * batches are separate because pruning inserts projections that filter pushdown would otherwise
 * keep crossing.
 */
public final class Optimizer {
    private final List<Batch> batches;
    private final RuleExecutor executor;

    private Optimizer(List<Batch> batches, LongSupplier nanoClock) {
        this.batches = List.copyOf(batches);
        this.executor = new RuleExecutor(nanoClock);
    }

    /**
     * The standard optimizer.
     *
     * <pre>{@code OptimizerResult r = Optimizer.standard().optimize(plan, Set.of());}</pre>
     *
     * @return the optimizer
     */
    public static Optimizer standard() {
        return new Optimizer(standardBatches(), System::nanoTime);
    }

    /**
     * An optimizer with given batches (for tests of a single rule).
     *
     * <pre>{@code Optimizer.of(List.of(new Batch("b", List.of(new MergeFilters()), 10)))}</pre>
     *
     * @param batches the batches
     * @return the optimizer
     */
    public static Optimizer of(List<Batch> batches) {
        return new Optimizer(batches, System::nanoTime);
    }

    static List<Batch> standardBatches() {
        return List.of(
                new Batch(
                        "Push down filters",
                        List.of(
                                new MergeFilters(),
                                new PushFiltersBelowProjections(),
                                new PushFiltersIntoJoinSides(),
                                new PushFiltersThroughOperators(),
                                new PushCheapPredicatesBelowSemantic(),
                                new RunSemanticFiltersFirst(),
                                new PushLimitsBelowSemantic()),
                        100),
                new Batch(
                        "Prune columns",
                        List.of(
                                new PruneColumns(),
                                new CollapseProjections(),
                                new RemoveRedundantProjections(),
                                new MergeIndependentSemanticProjects()),
                        100));
    }

    /**
     * The names of every rule, in the order they run.
     *
     * <pre>{@code Optimizer.standard().ruleNames() // [MergeFilters, ...]}</pre>
     *
     * @return the rule names
     */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        for (Batch b : batches) {
            for (Rule r : b.rules()) {
                if (!names.contains(r.name())) {
                    names.add(r.name());
                }
            }
        }
        return names;
    }

    /**
     * Optimizes a plan.
     *
     * <pre>{@code OptimizerResult r = optimizer.optimize(plan, Set.of("PruneColumns"));}</pre>
     *
     * @param plan the analyzed plan
     * @param disabledRules rules to skip, by name
     * @return the optimized plan and what each rule did
     */
    public OptimizerResult optimize(LogicalPlan plan, Set<String> disabledRules) {
        return executor.execute(plan, batches, disabledRules);
    }
}
