package dev.quarry.internal.expr;

import java.util.List;

/** Small helpers shared by expression records. */
final class Exprs {
    private Exprs() {}

    static void checkArity(List<Expression> children, int expected, String node) {
        if (children.size() != expected) {
            throw new IllegalArgumentException(node + " takes " + expected + " children, got " + children.size());
        }
    }

    static boolean anyNullable(List<Expression> children) {
        for (Expression c : children) {
            if (c.nullable()) {
                return true;
            }
        }
        return false;
    }
}
