package dev.quarry.internal.template;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template expression: the part inside {@code {{ }}}, an {@code if} condition, a loop's iterable.
 * Each node evaluates itself against a {@link Frame} and reports what it reads to an {@link
 * Analysis}. Nodes are immutable; {@code pos} is the offset of the expression in the template, for
 * error messages.
 */
sealed interface Expr extends Described {
    /** The value, which may be an {@link Undefined} for consumers that accept one. */
    @Nullable
    Object eval(Frame frame);

    void analyze(Analysis analysis);

    int pos();

    /** The expression as it reads in an error message, e.g. {@code left.name}. */
    @Override
    String describe();

    /** The dotted context path this expression reads when it is a plain chain of names, else null. */
    default @Nullable String path() {
        return null;
    }

    /** A constant: string, number, boolean or none. */
    record Literal(@Nullable Object value, int pos) implements Expr {
        @Override
        public @Nullable Object eval(Frame frame) {
            return value;
        }

        @Override
        public void analyze(Analysis analysis) {}

        @Override
        public String describe() {
            return Values.repr(value);
        }
    }

    /** A variable read from the render context. */
    record Global(String name, int pos) implements Expr {
        public Global {
            requireNonNull(name, "name is null");
        }

        @Override
        public Object eval(Frame frame) {
            Object v = frame.context.lookup(name);
            if (v != Context.MISSING) {
                return v;
            }
            List<String> names = frame.context.names();
            return new Undefined(
                    "variable '" + name + "' is undefined. The context has: "
                            + (names.isEmpty() ? "(nothing)" : String.join(", ", names)) + "."
                            + dev.quarry.internal.analyzer.Suggestions.didYouMean(name, names),
                    pos);
        }

        @Override
        public void analyze(Analysis analysis) {
            analysis.read(name);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public String path() {
            return name;
        }
    }

    /**
     * A variable bound inside the template ({@code for} target, {@code loop}, {@code set}), held in
     * a frame slot. When the binding may not have happened (a {@code set} inside an {@code if}),
     * {@code fallback} reads the same name from the enclosing scope, as Jinja does.
     */
    record Local(String name, int slot, @Nullable Expr fallback, int pos) implements Expr {
        public Local {
            requireNonNull(name, "name is null");
        }

        @Override
        public @Nullable Object eval(Frame frame) {
            Object v = frame.slots[slot];
            if (v != Frame.UNSET) {
                return v;
            }
            if (fallback != null) {
                return fallback.eval(frame);
            }
            return new Undefined("variable '" + name + "' is undefined: it has not been set yet", pos);
        }

        @Override
        public void analyze(Analysis analysis) {
            if (fallback != null) {
                fallback.analyze(analysis);
            }
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** {@code target.name}. */
    record Attribute(Expr target, String name, int pos) implements Expr {
        public Attribute {
            requireNonNull(target, "target is null");
            requireNonNull(name, "name is null");
        }

        @Override
        public Object eval(Frame frame) {
            Object t = Values.defined(target.eval(frame));
            return Values.attribute(t, name, target, pos);
        }

        @Override
        public void analyze(Analysis analysis) {
            String p = path();
            if (p != null) {
                analysis.read(p);
            } else {
                target.analyze(analysis);
            }
        }

        @Override
        public String describe() {
            return target.describe() + "." + name;
        }

        @Override
        public @Nullable String path() {
            String p = target.path();
            return p == null ? null : p + "." + name;
        }
    }

    /** {@code target[key]}. */
    record Item(Expr target, Expr key, int pos) implements Expr {
        public Item {
            requireNonNull(target, "target is null");
            requireNonNull(key, "key is null");
        }

        @Override
        public Object eval(Frame frame) {
            Object t = Values.defined(target.eval(frame));
            Object k = Values.defined(key.eval(frame));
            return Values.item(t, k, target, pos);
        }

        @Override
        public void analyze(Analysis analysis) {
            String p = path();
            if (p != null) {
                analysis.read(p);
            } else {
                target.analyze(analysis);
                key.analyze(analysis);
            }
        }

        @Override
        public String describe() {
            return target.describe() + "[" + key.describe() + "]";
        }

        /** {@code x['name']} reads the path {@code x.name}; other keys end the static path. */
        @Override
        public @Nullable String path() {
            String p = target.path();
            if (p != null && key instanceof Literal lit && lit.value() instanceof String s && !s.contains(".")) {
                return p + "." + s;
            }
            return null;
        }
    }

    /** {@code [a, b, c]}. */
    record ListLiteral(List<Expr> items, int pos) implements Expr {
        public ListLiteral {
            items = List.copyOf(items);
        }

        @Override
        public Object eval(Frame frame) {
            List<Object> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                values.add(Values.defined(items.get(i).eval(frame)));
            }
            return java.util.Collections.unmodifiableList(values);
        }

        @Override
        public void analyze(Analysis analysis) {
            for (Expr item : items) {
                item.analyze(analysis);
            }
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(items.get(i).describe());
            }
            return sb.append(']').toString();
        }
    }

    /** {@code not operand}. */
    record Not(Expr operand, int pos) implements Expr {
        public Not {
            requireNonNull(operand, "operand is null");
        }

        @Override
        public Object eval(Frame frame) {
            return !Values.truthy(Values.defined(operand.eval(frame)));
        }

        @Override
        public void analyze(Analysis analysis) {
            operand.analyze(analysis);
        }

        @Override
        public String describe() {
            return "not " + operand.describe();
        }
    }

    /** {@code left and right}: the left value when it is false, else the right value (Python semantics). */
    record And(Expr left, Expr right, int pos) implements Expr {
        public And {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public @Nullable Object eval(Frame frame) {
            Object l = Values.defined(left.eval(frame));
            return Values.truthy(l) ? right.eval(frame) : l;
        }

        @Override
        public void analyze(Analysis analysis) {
            left.analyze(analysis);
            right.analyze(analysis);
        }

        @Override
        public String describe() {
            return left.describe() + " and " + right.describe();
        }
    }

    /** {@code left or right}: the left value when it is true, else the right value (Python semantics). */
    record Or(Expr left, Expr right, int pos) implements Expr {
        public Or {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public @Nullable Object eval(Frame frame) {
            Object l = Values.defined(left.eval(frame));
            return Values.truthy(l) ? l : right.eval(frame);
        }

        @Override
        public void analyze(Analysis analysis) {
            left.analyze(analysis);
            right.analyze(analysis);
        }

        @Override
        public String describe() {
            return left.describe() + " or " + right.describe();
        }
    }

    /** The comparison operators, including membership. */
    enum CompareOp {
        EQ("=="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        IN("in"),
        NOT_IN("not in");

        final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** {@code a < b}, {@code a == b}, {@code a in b}; chains like {@code a < b <= c} as in Python. */
    record Compare(Expr first, List<CompareOp> ops, List<Expr> operands, int pos) implements Expr {
        public Compare {
            requireNonNull(first, "first is null");
            ops = List.copyOf(ops);
            operands = List.copyOf(operands);
            if (ops.isEmpty() || ops.size() != operands.size()) {
                throw new IllegalArgumentException("a comparison needs one operand per operator");
            }
        }

        @Override
        public Object eval(Frame frame) {
            Object left = Values.defined(first.eval(frame));
            for (int i = 0; i < ops.size(); i++) {
                Object right = Values.defined(operands.get(i).eval(frame));
                if (!test(ops.get(i), left, right)) {
                    return false;
                }
                left = right;
            }
            return true;
        }

        private boolean test(CompareOp op, @Nullable Object a, @Nullable Object b) {
            switch (op) {
                case EQ:
                    return Values.equal(a, b);
                case NE:
                    return !Values.equal(a, b);
                case IN:
                    return Values.contains(b, a, this, pos);
                case NOT_IN:
                    return !Values.contains(b, a, this, pos);
                default:
                    return Values.order(a, b, op.symbol, this, pos);
            }
        }

        @Override
        public void analyze(Analysis analysis) {
            first.analyze(analysis);
            for (Expr e : operands) {
                e.analyze(analysis);
            }
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder(first.describe());
            for (int i = 0; i < ops.size(); i++) {
                sb.append(' ')
                        .append(ops.get(i).symbol)
                        .append(' ')
                        .append(operands.get(i).describe());
            }
            return sb.toString();
        }
    }

    /** {@code a ~ b}: both as text, joined. */
    record Concat(List<Expr> parts, int pos) implements Expr {
        public Concat {
            parts = List.copyOf(parts);
        }

        @Override
        public Object eval(Frame frame) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                Values.appendStr(sb, Values.defined(parts.get(i).eval(frame)));
            }
            return sb.toString();
        }

        @Override
        public void analyze(Analysis analysis) {
            for (Expr e : parts) {
                e.analyze(analysis);
            }
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                sb.append(i > 0 ? " ~ " : "").append(parts.get(i).describe());
            }
            return sb.toString();
        }
    }

    /** {@code -operand} on a number. */
    record Negate(Expr operand, int pos) implements Expr {
        public Negate {
            requireNonNull(operand, "operand is null");
        }

        @Override
        public Object eval(Frame frame) {
            Object v = Values.defined(operand.eval(frame));
            if (v instanceof Long l) {
                return -l;
            }
            if (v instanceof Integer i) {
                return -(long) i;
            }
            if (v instanceof Double d) {
                return -d;
            }
            if (v instanceof Float f) {
                return -Values.floatToDouble(f);
            }
            if (v instanceof java.math.BigInteger b) {
                return b.negate();
            }
            if (v instanceof java.math.BigDecimal b) {
                return b.negate();
            }
            if (v instanceof Number n) {
                return -n.longValue();
            }
            if (v instanceof Boolean b) {
                return b ? -1L : 0L;
            }
            throw new RenderException(
                    pos, "Cannot negate '" + operand.describe() + "': it is " + Values.describe(v) + ", not a number");
        }

        @Override
        public void analyze(Analysis analysis) {
            operand.analyze(analysis);
        }

        @Override
        public String describe() {
            return "-" + operand.describe();
        }
    }

    /** {@code then if test else otherwise}; without {@code else}, an empty string when the test fails. */
    record Condition(Expr test, Expr then, @Nullable Expr otherwise, int pos) implements Expr {
        public Condition {
            requireNonNull(test, "test is null");
            requireNonNull(then, "then is null");
        }

        @Override
        public @Nullable Object eval(Frame frame) {
            if (Values.truthy(Values.defined(test.eval(frame)))) {
                return then.eval(frame);
            }
            return otherwise == null ? "" : otherwise.eval(frame);
        }

        @Override
        public void analyze(Analysis analysis) {
            then.analyze(analysis);
            test.analyze(analysis);
            if (otherwise != null) {
                otherwise.analyze(analysis);
            }
        }

        @Override
        public String describe() {
            return then.describe() + " if " + test.describe()
                    + (otherwise == null ? "" : " else " + otherwise.describe());
        }
    }

    /** The tests of {@code x is ...}. */
    enum TestKind {
        DEFINED("defined"),
        UNDEFINED("undefined"),
        NONE("none");

        final String keyword;

        TestKind(String keyword) {
            this.keyword = keyword;
        }
    }

    /** {@code operand is [not] defined|undefined|none}; never fails on an undefined operand. */
    record Test(Expr operand, TestKind kind, boolean negated, int pos) implements Expr {
        public Test {
            requireNonNull(operand, "operand is null");
            requireNonNull(kind, "kind is null");
        }

        @Override
        public Object eval(Frame frame) {
            Object v = operand.eval(frame);
            boolean result;
            switch (kind) {
                case DEFINED:
                    result = !(v instanceof Undefined);
                    break;
                case UNDEFINED:
                    result = v instanceof Undefined;
                    break;
                default:
                    result = v == null;
                    break;
            }
            return result != negated;
        }

        @Override
        public void analyze(Analysis analysis) {
            operand.analyze(analysis);
        }

        @Override
        public String describe() {
            return operand.describe() + " is " + (negated ? "not " : "") + kind.keyword;
        }
    }

    /**
     * {@code operand | filter(args)}. {@code args} holds one expression per parameter of the filter,
     * defaults filled in by the parser.
     */
    record FilterCall(Expr operand, Filter filter, List<Expr> args, int pos) implements Expr {
        private static final Object[] NO_ARGS = new Object[0];

        public FilterCall {
            requireNonNull(operand, "operand is null");
            requireNonNull(filter, "filter is null");
            args = List.copyOf(args);
        }

        @Override
        public @Nullable Object eval(Frame frame) {
            Object v = operand.eval(frame);
            if (!filter.acceptsUndefined()) {
                v = Values.defined(v);
            }
            Object[] values = args.isEmpty() ? NO_ARGS : new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).eval(frame);
            }
            return filter.apply(v, values, this);
        }

        @Override
        public void analyze(Analysis analysis) {
            operand.analyze(analysis);
            for (Expr e : args) {
                e.analyze(analysis);
            }
        }

        @Override
        public String describe() {
            return operand.describe() + " | " + filter.filterName();
        }
    }
}
