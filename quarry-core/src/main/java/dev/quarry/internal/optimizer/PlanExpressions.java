package dev.quarry.internal.optimizer;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.BinaryOp;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.expr.ScalarFunction;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Expression helpers the rules share: column references, conjuncts, substitution, rebinding. */
public final class PlanExpressions {
    /** Scalar functions too costly to compute twice (Java functions run as engine UDFs). */
    private static final Set<String> EXPENSIVE_FUNCTIONS = Set.of("count_tokens");

    private PlanExpressions() {}

    /** A case-insensitive set of names, like schema lookups. */
    public static Set<String> names() {
        return new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    }

    /**
     * The names of the columns an expression reads (all sides).
     *
     * @param e a resolved expression
     * @return the names, case-insensitive
     */
    public static Set<String> refs(Expression e) {
        Set<String> out = names();
        collect(e, null, out);
        return out;
    }

    /**
     * The names of the columns an expression reads on one side of a join.
     *
     * @param e a resolved join condition
     * @param side the side
     * @return the names, case-insensitive
     */
    public static Set<String> refs(Expression e, ColumnRef.Side side) {
        Set<String> out = names();
        collect(e, side, out);
        return out;
    }

    /**
     * The names read by several expressions.
     *
     * @param es resolved expressions
     * @return the names, case-insensitive
     */
    public static Set<String> refs(List<? extends Expression> es) {
        Set<String> out = names();
        for (Expression e : es) {
            collect(e, null, out);
        }
        return out;
    }

    private static void collect(Expression e, ColumnRef.Side side, Set<String> out) {
        if (e instanceof ColumnRef c) {
            if (side == null || c.side() == side) {
                out.add(c.name());
            }
            return;
        }
        for (Expression child : e.children()) {
            collect(child, side, out);
        }
    }

    /**
     * The conjuncts of a condition: {@code a AND (b AND c)} gives {@code [a, b, c]}.
     *
     * @param e a boolean expression
     * @return its conjuncts, in order
     */
    public static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        split(e, out);
        return out;
    }

    private static void split(Expression e, List<Expression> out) {
        if (e instanceof BinaryOp b && b.op() == BinaryOp.Operator.AND) {
            split(b.left(), out);
            split(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /**
     * The conjunction of conditions, left to right.
     *
     * @param conditions at least one boolean expression
     * @return their AND
     */
    public static Expression and(List<Expression> conditions) {
        Expression result = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            result = new BinaryOp(BinaryOp.Operator.AND, result, conditions.get(i));
        }
        return result;
    }

    /**
     * Rewrites a tree bottom-up.
     *
     * @param e the tree
     * @param f the rewrite of one node, whose children are already rewritten
     * @return the rewritten tree (the same instance when nothing changed)
     */
    public static Expression transform(Expression e, Function<Expression, Expression> f) {
        List<Expression> children = e.children();
        Expression current = e;
        if (!children.isEmpty()) {
            List<Expression> newChildren = new ArrayList<>(children.size());
            boolean changed = false;
            for (Expression c : children) {
                Expression n = transform(c, f);
                changed |= n != c;
                newChildren.add(n);
            }
            if (changed) {
                current = e.withChildren(newChildren);
            }
        }
        return f.apply(current);
    }

    /**
     * Replaces column references by expressions, by name (aliases of the replacements dropped).
     *
     * @param e the tree
     * @param replacements expressions by column name (case-insensitive map)
     * @return the tree with references replaced
     */
    public static Expression substitute(Expression e, Map<String, Expression> replacements) {
        return transform(e, node -> {
            if (node instanceof ColumnRef c) {
                Expression r = replacements.get(c.name());
                return r == null ? node : strip(r);
            }
            return node;
        });
    }

    /**
     * Points every column reference at a schema: its type and nullability are taken from the
     * column of the same name, its side set.
     *
     * @param e the tree
     * @param schema the schema the references now read
     * @param side the side to give them
     * @return the rebound tree
     */
    public static Expression rebind(Expression e, Schema schema, ColumnRef.Side side) {
        return transform(e, node -> {
            if (node instanceof ColumnRef c) {
                StructField f = schema.field(c.name());
                ColumnRef r = new ColumnRef(f.name(), f.type(), f.nullable(), side);
                return r.equals(c) ? c : r;
            }
            return node;
        });
    }

    /** The expression without top-level aliases. */
    public static Expression strip(Expression e) {
        while (e instanceof Alias a) {
            e = a.child();
        }
        return e;
    }

    /**
     * Whether computing the expression twice costs little: it calls no expensive Java function and
     * no model.
     *
     * @param e a resolved expression
     * @return true when cheap
     */
    public static boolean isCheap(Expression e) {
        if (e instanceof ScalarFunction f && EXPENSIVE_FUNCTIONS.contains(f.name())) {
            return false;
        }
        if (e instanceof SemanticFunction) {
            return false;
        }
        for (Expression c : e.children()) {
            if (!isCheap(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the expression is a column reference or a literal (possibly aliased). */
    public static boolean isTrivial(Expression e) {
        Expression s = strip(e);
        return s instanceof ColumnRef || s instanceof Literal;
    }

    /**
     * The output expressions of a projection by output name (aliases kept).
     *
     * @param projections named expressions
     * @return a case-insensitive map
     */
    public static Map<String, Expression> byName(List<Expression> projections) {
        Map<String, Expression> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Expression p : projections) {
            m.put(p.outputName(), p);
        }
        return m;
    }

    /**
     * Column references to the named columns of a schema, in the schema's order.
     *
     * @param schema the schema
     * @param keep the names to keep (case-insensitive); when none match, the first column is kept
     * @return the references
     */
    public static List<Expression> refsTo(Schema schema, Set<String> keep) {
        List<Expression> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (keep.contains(f.name())) {
                out.add(new ColumnRef(f.name(), f.type(), f.nullable()));
            }
        }
        if (out.isEmpty()) {
            StructField f = schema.fields().get(0);
            out.add(new ColumnRef(f.name(), f.type(), f.nullable()));
        }
        return out;
    }
}
