package dev.quarry.internal.plan;

import dev.quarry.internal.expr.Expression;
import dev.quarry.types.DataType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by plan records. */
final class Plans {
    private Plans() {}

    static void checkArity(List<LogicalPlan> children, int expected, String node) {
        if (children.size() != expected) {
            throw new IllegalArgumentException(node + " takes " + expected + " inputs, got " + children.size());
        }
    }

    /** The schema of a list of named, resolved expressions. */
    static Schema schemaOf(List<Expression> named) {
        List<StructField> fields = new ArrayList<>(named.size());
        for (Expression e : named) {
            fields.add(new StructField(e.outputName(), e.type(), e.nullable()));
        }
        return new Schema(fields);
    }

    static void checkResolved(List<Expression> expressions, String node) {
        for (Expression e : expressions) {
            checkResolved(e, node);
        }
    }

    static void checkResolved(Expression e, String node) {
        if (!e.resolved()) {
            throw new IllegalArgumentException(node + " holds an unresolved expression: " + e);
        }
    }

    static StructField withType(StructField f, DataType type, boolean nullable) {
        return new StructField(f.name(), type, nullable);
    }
}
