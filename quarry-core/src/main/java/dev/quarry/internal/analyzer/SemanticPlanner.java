package dev.quarry.internal.analyzer;

import dev.quarry.internal.expr.AggregateCall;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.types.ArrayType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pulls semantic functions out of expressions into {@link SemanticProject} nodes below them, so
 * that no model call is left inside a projection, filter or aggregate:
 *
 * <ul>
 *   <li>each distinct semantic function becomes a column {@code __semantic_N} of a SemanticProject
 *       over the input, and the expression reads that column instead;
 *   <li>an input that is not a plain column ({@code col("info.product")}, {@code concat(...)}) is
 *       first computed as a column {@code __semantic_in_N} by a projection below;
 *   <li>a semantic function reading another one gets a SemanticProject of its own above the first;
 *   <li>a {@code reduce} in {@code agg} becomes the collected list of its texts (ordered as asked)
 *       in the Aggregate, a REDUCE over that list in a SemanticProject above it, and a projection
 *       giving the user's columns on top.
 * </ul>
 *
 * The caller projects the user's columns on top, so internal columns never reach the output.
 *
 * <p>Internal names stay internal; what users see of an operator (metrics, {@code explain}, usage
 * tables) is its label, {@code semantic.<kind>} followed by where its result goes ({@link Target}):
 *
 * <ul>
 *   <li>the whole value of an output column the user named: {@code semantic.extract(info)};
 *   <li>part of a larger expression of such a column ({@code Semantic.map(...).isNull()} as
 *       {@code flag}): {@code semantic.map(in flag)};
 *   <li>in a filter condition: {@code semantic.predicate(filter)};
 *   <li>a column named after its own call ({@code select(Semantic.analyzeSentiment(col("body")))}):
 *       {@code semantic.sentiment};
 *   <li>one call whose result goes to several places names each of them:
 *       {@code semantic.extract(a, b)}.
 * </ul>
 *
 * A label that an operator below already has gets {@code #2}, {@code #3}, ... (a second filter on a
 * model answer is {@code semantic.predicate(filter)#2}), so the operators of one DataFrame have
 * distinct labels.
 */
final class SemanticPlanner {
    private SemanticPlanner() {}

    /** A new input and the expressions rewritten to read it. */
    record Lowered(LogicalPlan child, List<Expression> expressions) {}

    /**
     * Where the value of an expression goes, which names the model calls in it.
     *
     * @param column the output column the user named, or null for a filter or a column named after its own call
     * @param condition whether the expression is a filter condition
     */
    record Target(String column, boolean condition) {
        private static final Target FILTER = new Target(null, true);
        private static final Target UNNAMED = new Target(null, false);

        /** The value of the output column {@code name}, named by the user. */
        static Target column(String name) {
            return new Target(name, false);
        }

        /** A filter condition. */
        static Target filter() {
            return FILTER;
        }

        /** A column named after its own expression, e.g. {@code semantic.sentiment(body)}. */
        static Target unnamed() {
            return UNNAMED;
        }

        /** How a call in an expression going here is named: null when it says nothing. */
        String role(boolean whole) {
            if (condition) {
                return "filter";
            }
            if (column == null) {
                return null;
            }
            return whole ? column : "in " + column;
        }
    }

    /**
     * The expressions with every semantic function replaced by a column of a SemanticProject
     * built over {@code child}.
     *
     * @param child the input
     * @param expressions the expressions
     * @param targets where each expression's value goes (same size as {@code expressions})
     * @param counter the session's counter of internal names
     */
    static Lowered lower(LogicalPlan child, List<Expression> expressions, List<Target> targets, AtomicLong counter) {
        if (targets.size() != expressions.size()) {
            throw new IllegalArgumentException(expressions.size() + " expressions but " + targets.size() + " targets");
        }
        Names names = new Names(child.schema().names(), counter);
        Labels labels = new Labels(child);
        LogicalPlan current = child;
        List<Expression> exprs = new ArrayList<>(expressions);
        while (true) {
            Set<SemanticFunction> ready = new LinkedHashSet<>();
            for (Expression e : exprs) {
                collectReady(e, ready);
            }
            if (ready.isEmpty()) {
                return new Lowered(current, exprs);
            }
            List<Expression> preProjected = new ArrayList<>();
            Map<Expression, ColumnRef> preRefs = new HashMap<>();
            List<Alias> columns = new ArrayList<>();
            Map<String, String> columnLabels = new HashMap<>();
            Map<Expression, Expression> replacements = new HashMap<>();
            for (SemanticFunction f : ready) {
                List<Expression> inputs = new ArrayList<>();
                for (Expression in : f.inputs()) {
                    if (in instanceof ColumnRef ref && ref.side() == ColumnRef.Side.NONE) {
                        inputs.add(ref);
                        continue;
                    }
                    inputs.add(preRefs.computeIfAbsent(in, x -> {
                        String name = names.next("__semantic_in_");
                        preProjected.add(new Alias(x, name));
                        return new ColumnRef(name, x.type(), x.nullable());
                    }));
                }
                String name = names.next("__semantic_");
                columns.add(new Alias(new SemanticFunction(f.kind(), inputs, f.spec(), f.type()), name));
                columnLabels.put(name, labels.next(f.kind(), roles(f, exprs, targets)));
                replacements.put(f, new ColumnRef(name, f.type(), true));
            }
            if (!preProjected.isEmpty()) {
                List<Expression> projections = refs(current.schema());
                projections.addAll(preProjected);
                current = new Project(current, projections);
            }
            current = new SemanticProject(current, columns, columnLabels);
            List<Expression> next = new ArrayList<>(exprs.size());
            for (Expression e : exprs) {
                next.add(replace(e, replacements));
            }
            exprs = next;
        }
    }

    /** Where {@code f}'s result goes: the roles of the expressions holding it, in order, each once. */
    private static Set<String> roles(SemanticFunction f, List<Expression> exprs, List<Target> targets) {
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < exprs.size(); i++) {
            Expression e = exprs.get(i);
            if (contains(e, f)) {
                String role = targets.get(i).role(strip(e).equals(f));
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static boolean contains(Expression e, Expression part) {
        if (e.equals(part)) {
            return true;
        }
        for (Expression c : e.children()) {
            if (contains(c, part)) {
                return true;
            }
        }
        return false;
    }

    /** The semantic functions that read no other semantic function, in order of appearance. */
    private static void collectReady(Expression e, Set<SemanticFunction> ready) {
        if (e instanceof SemanticFunction f) {
            boolean nested = false;
            for (Expression in : f.inputs()) {
                nested |= SemanticResolver.containsSemantic(in);
            }
            if (!nested) {
                ready.add(f);
                return;
            }
        }
        for (Expression c : e.children()) {
            collectReady(c, ready);
        }
    }

    /**
     * Plans {@code agg(...)} outputs that hold {@code reduce}: Aggregate (keys, other aggregates,
     * collected texts) → SemanticProject (REDUCE over each list) → Project (the user's columns).
     *
     * @param child the aggregated input
     * @param keys the grouping expressions
     * @param outputs the named, resolved outputs (keys first)
     * @param targets where each output goes (same size as {@code outputs})
     * @param counter the session's counter of internal names
     * @return the plan
     */
    static LogicalPlan aggregateWithReduce(
            LogicalPlan child,
            List<Expression> keys,
            List<Expression> outputs,
            List<Target> targets,
            AtomicLong counter) {
        if (targets.size() != outputs.size()) {
            throw new IllegalArgumentException(outputs.size() + " outputs but " + targets.size() + " targets");
        }
        List<String> taken = new ArrayList<>(child.schema().names());
        for (Expression o : outputs) {
            taken.add(o.outputName());
        }
        ReduceLowering lowering = new ReduceLowering(keys, new Names(taken, counter));
        List<Expression> finalOutputs = new ArrayList<>();
        List<Integer> plain = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Expression o = outputs.get(i);
            if (containsReduce(o)) {
                Expression body = lowering.lower(strip(o), strip(o), targets.get(i));
                finalOutputs.add(new Alias(body, o.outputName()));
            } else {
                lowering.aggregateOutputs.add(o);
                finalOutputs.add(null);
                plain.add(i);
            }
        }
        Aggregate aggregate = new Aggregate(child, keys, lowering.aggregateOutputs);
        Schema aggregated = aggregate.schema();
        for (int i : plain) {
            StructField f = aggregated.field(outputs.get(i).outputName());
            finalOutputs.set(i, new ColumnRef(f.name(), f.type(), f.nullable()));
        }
        Labels labels = new Labels(child);
        Map<String, String> columnLabels = new HashMap<>();
        for (Alias column : lowering.reduceColumns) {
            columnLabels.put(column.name(), labels.next(Kind.REDUCE, lowering.roles.get(column.name())));
        }
        return new Project(new SemanticProject(aggregate, lowering.reduceColumns, columnLabels), finalOutputs);
    }

    private static final class ReduceLowering {
        private final List<Expression> keys;
        private final Names names;
        private final List<Expression> aggregateOutputs = new ArrayList<>();
        private final List<Alias> reduceColumns = new ArrayList<>();
        private final Map<String, Set<String>> roles = new HashMap<>();
        private final Map<Expression, ColumnRef> done = new HashMap<>();

        ReduceLowering(List<Expression> keys, Names names) {
            this.keys = keys;
            this.names = names;
        }

        /** {@code e}, part of the output {@code output} going to {@code target}, with its REDUCEs lowered. */
        Expression lower(Expression e, Expression output, Target target) {
            ColumnRef known = done.get(e);
            if (known != null) {
                if (e instanceof SemanticFunction) {
                    addRole(known.name(), target.role(e == output));
                }
                return known;
            }
            if (e instanceof Literal) {
                return e;
            }
            if (keys.contains(e)) {
                return computed(e, names.next("__key_"));
            }
            if (e instanceof AggregateCall) {
                return computed(e, names.next("__agg_"));
            }
            if (e instanceof SemanticFunction f && f.kind() == Kind.REDUCE) {
                Expression text = f.inputs().get(0);
                List<SortKey> order = new ArrayList<>();
                for (Expression k : f.inputs().subList(1, f.inputs().size())) {
                    order.add((SortKey) k);
                }
                String listName = names.next("__reduce_in_");
                AggregateCall collect =
                        new AggregateCall(AggregateCall.Function.COLLECT_LIST, List.of(text), false, order);
                aggregateOutputs.add(new Alias(collect, listName));
                ColumnRef list = new ColumnRef(listName, new ArrayType(text.type()), collect.nullable());
                String name = names.next("__semantic_");
                reduceColumns.add(
                        new Alias(new SemanticFunction(Kind.REDUCE, List.of(list), f.spec(), ScalarType.STRING), name));
                ColumnRef ref = new ColumnRef(name, ScalarType.STRING, true);
                done.put(e, ref);
                roles.put(name, new LinkedHashSet<>());
                addRole(name, target.role(e == output));
                return ref;
            }
            List<Expression> children = new ArrayList<>();
            for (Expression c : e.children()) {
                children.add(lower(c, output, target));
            }
            return e.withChildren(children);
        }

        private void addRole(String column, String role) {
            if (role != null) {
                roles.get(column).add(role);
            }
        }

        private ColumnRef computed(Expression e, String name) {
            aggregateOutputs.add(new Alias(e, name));
            ColumnRef ref = new ColumnRef(name, e.type(), e.nullable());
            done.put(e, ref);
            return ref;
        }
    }

    /** Whether a tree holds a REDUCE. */
    static boolean containsReduce(Expression e) {
        if (e instanceof SemanticFunction f && f.kind() == Kind.REDUCE) {
            return true;
        }
        for (Expression c : e.children()) {
            if (containsReduce(c)) {
                return true;
            }
        }
        return false;
    }

    /** The first semantic function other than REDUCE outside any REDUCE, or null. */
    static SemanticFunction firstPerRow(Expression e) {
        if (e instanceof SemanticFunction f) {
            return f.kind() == Kind.REDUCE ? null : f;
        }
        for (Expression c : e.children()) {
            SemanticFunction f = firstPerRow(c);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static Expression replace(Expression e, Map<Expression, Expression> replacements) {
        Expression r = replacements.get(e);
        if (r != null) {
            return r;
        }
        List<Expression> children = e.children();
        if (children.isEmpty()) {
            return e;
        }
        List<Expression> out = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expression c : children) {
            Expression n = replace(c, replacements);
            changed |= n != c;
            out.add(n);
        }
        return changed ? e.withChildren(out) : e;
    }

    private static Expression strip(Expression e) {
        while (e instanceof Alias a) {
            e = a.child();
        }
        return e;
    }

    static List<Expression> refs(Schema s) {
        List<Expression> out = new ArrayList<>();
        for (StructField f : s.fields()) {
            out.add(new ColumnRef(f.name(), f.type(), f.nullable()));
        }
        return out;
    }

    /**
     * The labels of new operators over an input: {@code semantic.<kind>(<roles>)}, with {@code #2},
     * {@code #3}, ... when an operator of the input, or one labelled before, already has it.
     */
    private static final class Labels {
        private final Set<String> taken = new HashSet<>();

        Labels(LogicalPlan input) {
            collect(input, taken);
        }

        String next(Kind kind, Set<String> roles) {
            return SemanticProject.claimLabel(
                    "semantic." + kind.name().toLowerCase(Locale.ROOT)
                            + (roles.isEmpty() ? "" : "(" + String.join(", ", roles) + ")"),
                    taken);
        }

        private static void collect(LogicalPlan plan, Set<String> out) {
            if (plan instanceof SemanticProject p) {
                out.addAll(p.labels().values());
            } else if (plan instanceof SemanticJoin j) {
                out.add(j.label());
            } else if (plan instanceof SimilarityJoin j) {
                out.add(j.label());
            } else if (plan instanceof ClusterLabels c) {
                out.add(c.label());
            }
            for (LogicalPlan child : plan.children()) {
                collect(child, out);
            }
        }
    }

    /**
     * Internal column names: numbered by a counter shared by every DataFrame of a session, so two
     * semantic nodes of one plan never produce the same name, and never a name the input has.
     */
    private static final class Names {
        private final Set<String> taken = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        private final AtomicLong counter;

        Names(List<String> existing, AtomicLong counter) {
            this.taken.addAll(existing);
            this.counter = counter;
        }

        String next(String prefix) {
            while (true) {
                String name = prefix + counter.incrementAndGet();
                if (taken.add(name)) {
                    return name;
                }
            }
        }
    }
}
