package dev.quarry.internal.optimizer.rules;

import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.optimizer.Rule;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.types.StructField;
import java.util.List;

/** Removes a projection that outputs exactly its input's columns, in order, unrenamed. */
public final class RemoveRedundantProjections implements Rule {
    /** The rule's name. */
    public static final String NAME = "RemoveRedundantProjections";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Project p)) {
            return node;
        }
        List<StructField> in = p.child().schema().fields();
        List<Expression> out = p.projections();
        if (in.size() != out.size()) {
            return node;
        }
        for (int i = 0; i < in.size(); i++) {
            if (!(out.get(i) instanceof ColumnRef ref)
                    || !ref.name().equals(in.get(i).name())) {
                return node;
            }
        }
        return p.child();
    }
}
