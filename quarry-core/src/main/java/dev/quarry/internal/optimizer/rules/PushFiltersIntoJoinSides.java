package dev.quarry.internal.optimizer.rules;

import dev.quarry.JoinType;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.optimizer.PlanExpressions;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.Join;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Moves the conjuncts of a filter above a join into the join's inputs where that keeps the
 * result the same:
 *
 * <ul>
 *   <li>INNER: conjuncts reading one side go to that side (on the key columns of a using-join, to
 *       both); conjuncts reading both sides join the condition (condition joins only);
 *   <li>CROSS: one-sided conjuncts go to their side; two-sided ones turn it into an INNER join;
 *   <li>LEFT: only conjuncts on left columns (filtering the right side would change which left
 *       rows get nulls); RIGHT mirrors it; FULL: nothing;
 *   <li>SEMI and ANTI: every conjunct (they read left columns only) goes to the left.
 * </ul>
 *
 * A conjunct is only moved when the columns it reads have the same type on the side as in the
 * join output (a using key widened to a common type stays above).
 */
public final class PushFiltersIntoJoinSides implements Rule {
    /** The rule's name. */
    public static final String NAME = "PushFiltersIntoJoinSides";

    private enum Where {
        LEFT,
        RIGHT,
        BOTH_SIDES,
        CONDITION,
        STAY
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.child() instanceof Join join)) {
            return node;
        }
        Schema out = join.schema();
        Schema leftSchema = join.left().schema();
        Schema rightSchema = join.right().schema();
        Set<String> using = PlanExpressions.names();
        using.addAll(join.usingColumns());
        List<Expression> toLeft = new ArrayList<>();
        List<Expression> toRight = new ArrayList<>();
        List<Expression> toCondition = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression conjunct : PlanExpressions.conjuncts(filter.condition())) {
            Set<String> refs = PlanExpressions.refs(conjunct);
            Where where = place(join.type(), refs, using, leftSchema, join.condition() != null);
            if (where != Where.STAY && where != Where.CONDITION) {
                boolean leftOk = where == Where.RIGHT || sameTypes(refs, out, leftSchema);
                boolean rightOk = where == Where.LEFT || sameTypes(refs, out, rightSchema);
                if (!leftOk || !rightOk) {
                    where = Where.STAY;
                }
            }
            switch (where) {
                case LEFT -> toLeft.add(PlanExpressions.rebind(conjunct, leftSchema, ColumnRef.Side.NONE));
                case RIGHT -> toRight.add(PlanExpressions.rebind(conjunct, rightSchema, ColumnRef.Side.NONE));
                case BOTH_SIDES -> {
                    toLeft.add(PlanExpressions.rebind(conjunct, leftSchema, ColumnRef.Side.NONE));
                    toRight.add(PlanExpressions.rebind(conjunct, rightSchema, ColumnRef.Side.NONE));
                }
                case CONDITION -> toCondition.add(toSides(conjunct, leftSchema, rightSchema));
                case STAY -> kept.add(conjunct);
            }
        }
        if (toLeft.isEmpty() && toRight.isEmpty() && toCondition.isEmpty()) {
            return node;
        }
        LogicalPlan left = toLeft.isEmpty() ? join.left() : new Filter(join.left(), PlanExpressions.and(toLeft));
        LogicalPlan right = toRight.isEmpty() ? join.right() : new Filter(join.right(), PlanExpressions.and(toRight));
        JoinType type = join.type();
        Expression condition = join.condition();
        if (!toCondition.isEmpty()) {
            List<Expression> all = new ArrayList<>();
            if (condition != null) {
                all.addAll(PlanExpressions.conjuncts(condition));
            }
            all.addAll(toCondition);
            condition = PlanExpressions.and(all);
            type = JoinType.INNER;
        }
        LogicalPlan joined = new Join(left, right, type, condition, join.usingColumns());
        return kept.isEmpty() ? joined : new Filter(joined, PlanExpressions.and(kept));
    }

    private static Where place(JoinType type, Set<String> refs, Set<String> using, Schema left, boolean hasCondition) {
        if (refs.isEmpty()) {
            return Where.STAY;
        }
        boolean readsLeft = false;
        boolean readsRight = false;
        boolean readsUsing = false;
        for (String r : refs) {
            if (using.contains(r)) {
                readsUsing = true;
            } else if (left.indexOf(r) >= 0) {
                readsLeft = true;
            } else {
                readsRight = true;
            }
        }
        return switch (type) {
            case INNER -> {
                if (!readsLeft && !readsRight) {
                    yield Where.BOTH_SIDES;
                }
                if (!readsRight) {
                    yield Where.LEFT;
                }
                if (!readsLeft) {
                    yield Where.RIGHT;
                }
                yield hasCondition ? Where.CONDITION : Where.STAY;
            }
            case CROSS -> {
                if (!readsRight) {
                    yield Where.LEFT;
                }
                if (!readsLeft) {
                    yield Where.RIGHT;
                }
                yield Where.CONDITION;
            }
            case LEFT -> readsRight ? Where.STAY : Where.LEFT;
            case RIGHT -> readsLeft ? Where.STAY : Where.RIGHT;
            case SEMI, ANTI -> Where.LEFT;
            case FULL -> Where.STAY;
        };
    }

    private static boolean sameTypes(Set<String> refs, Schema out, Schema side) {
        for (String r : refs) {
            if (side.indexOf(r) < 0) {
                return false;
            }
            if (!side.field(r).type().equals(out.field(r).type())) {
                return false;
            }
        }
        return true;
    }

    /** A two-sided conjunct as a join condition: every reference says its side. */
    private static Expression toSides(Expression conjunct, Schema left, Schema right) {
        return PlanExpressions.transform(conjunct, node -> {
            if (node instanceof ColumnRef c) {
                boolean isLeft = left.indexOf(c.name()) >= 0;
                Schema s = isLeft ? left : right;
                var f = s.field(c.name());
                return new ColumnRef(
                        f.name(), f.type(), f.nullable(), isLeft ? ColumnRef.Side.LEFT : ColumnRef.Side.RIGHT);
            }
            return node;
        });
    }
}
