package dev.quarry.internal.optimizer;

import static dev.quarry.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.internal.plan.Limit;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.types.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleExecutorTest {
    private static final LogicalPlan LEAF = new LocalRelation(Schema.of(field("a", LONG)), List.of());

    /** Lowers every limit above 1 by one: reaches its fixpoint after a few passes. */
    private static final class CountDownLimits implements Rule {
        final List<LogicalPlan> seen = new ArrayList<>();

        @Override
        public String name() {
            return "CountDownLimits";
        }

        @Override
        public LogicalPlan apply(LogicalPlan node) {
            seen.add(node);
            return node instanceof Limit l && l.limit() > 1 ? new Limit(l.child(), l.limit() - 1) : node;
        }
    }

    /** A clock that advances 10 ns per reading. */
    private static final class SteppingClock {
        long now;

        long read() {
            now += 10;
            return now;
        }
    }

    @Test
    void execute_repeatsPassesUntilNothingChanges() {
        CountDownLimits rule = new CountDownLimits();
        LogicalPlan plan = new Limit(new Limit(LEAF, 3), 2);
        OptimizerResult r = new RuleExecutor(new SteppingClock()::read)
                .execute(plan, List.of(new Batch("b", List.of(rule), 100)), Set.of());
        assertThat(r.plan()).isEqualTo(new Limit(new Limit(LEAF, 1), 1));
        assertThat(r.rules()).singleElement().satisfies(run -> {
            assertThat(run.name()).isEqualTo("CountDownLimits");
            assertThat(run.batch()).isEqualTo("b");
            assertThat(run.fired()).isEqualTo(3);
        });
    }

    @Test
    void execute_visitsEveryNodeTopDown() {
        CountDownLimits rule = new CountDownLimits();
        LogicalPlan plan = new Limit(LEAF, 1);
        new RuleExecutor(System::nanoTime).execute(plan, List.of(new Batch("b", List.of(rule), 5)), Set.of());
        assertThat(rule.seen).containsExactly(plan, LEAF);
    }

    @Test
    void execute_disabledRule_neverRunsAndIsNotReported() {
        CountDownLimits rule = new CountDownLimits();
        LogicalPlan plan = new Limit(LEAF, 5);
        OptimizerResult r = new RuleExecutor(System::nanoTime)
                .execute(plan, List.of(new Batch("b", List.of(rule), 5)), Set.of("CountDownLimits"));
        assertThat(r.plan()).isSameAs(plan);
        assertThat(rule.seen).isEmpty();
        assertThat(r.rules()).isEmpty();
    }

    @Test
    void execute_maxIterations_boundsThePasses() {
        LogicalPlan plan = new Limit(LEAF, 100);
        OptimizerResult r = new RuleExecutor(System::nanoTime)
                .execute(plan, List.of(new Batch("b", List.of(new CountDownLimits()), 4)), Set.of());
        assertThat(r.plan()).isEqualTo(new Limit(LEAF, 96));
    }

    @Test
    void execute_timesEachRuleWithTheClock() {
        SteppingClock clock = new SteppingClock();
        OptimizerResult r = new RuleExecutor(clock::read)
                .execute(new Limit(LEAF, 2), List.of(new Batch("b", List.of(new CountDownLimits()), 10)), Set.of());
        // two passes (one rewrite, then none), each timed by two readings 10 ns apart
        assertThat(r.rules().get(0).time()).isEqualTo(Duration.ofNanos(20));
        assertThat(r.time()).isPositive();
    }

    @Test
    void standardOptimizer_listsItsRulesInOrder() {
        assertThat(Optimizer.standard().ruleNames())
                .containsExactly(
                        "MergeFilters",
                        "PushFiltersBelowProjections",
                        "PushFiltersIntoJoinSides",
                        "PushFiltersThroughOperators",
                        "PushCheapPredicatesBelowSemantic",
                        "RunSemanticFiltersFirst",
                        "PushLimitsBelowSemantic",
                        "PruneColumns",
                        "CollapseProjections",
                        "RemoveRedundantProjections",
                        "MergeIndependentSemanticProjects");
    }
}
