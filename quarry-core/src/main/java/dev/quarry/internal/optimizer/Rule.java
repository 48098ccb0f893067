package dev.quarry.internal.optimizer;

import dev.quarry.internal.plan.LogicalPlan;

/**
 * One rewrite of the logical plan, applied by the {@link RuleExecutor} to every node of the tree
 * until nothing changes. A rule looks at one node (and, where its pattern says so, that node's
 * children) and never walks the tree itself.
 *
 * <pre>{@code
 * final class MergeFilters implements Rule {
 *     public String name() { return "MergeFilters"; }
 *     public LogicalPlan apply(LogicalPlan node) {
 *         if (node instanceof Filter outer && outer.child() instanceof Filter inner) {
 *             return new Filter(inner.child(), and(inner.condition(), outer.condition()));
 *         }
 *         return node;
 *     }
 * }
 * }</pre>
 */
public interface Rule {
    /**
     * The rule's name, as used by {@code Session.builder().disableRule(name)} and shown by {@code explain()}.
     *
     * @return the name, in UpperCamelCase
     */
    String name();

    /**
     * Rewrites one node.
     *
     * @param node a node of the plan
     * @return the rewritten node, or {@code node} itself (the same instance) when the rule does not apply
     */
    LogicalPlan apply(LogicalPlan node);
}
