package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 ... ELSE e END}. The result type is the common type of the values,
 * established by the analyzer (which inserts casts where needed).
 *
 * @param branches the (condition, value) pairs, at least one
 * @param otherwise the ELSE value, or null (then unmatched rows give null)
 */
public record CaseWhen(List<Branch> branches, Expression otherwise) implements Expression {
    /**
     * One WHEN branch.
     *
     * @param condition a boolean expression
     * @param value the value when the condition holds
     */
    public record Branch(Expression condition, Expression value) {
        /** Validates the branch. */
        public Branch {
            requireNonNull(condition, "condition is null");
            requireNonNull(value, "value is null");
        }
    }

    /** Validates and copies. */
    public CaseWhen {
        branches = List.copyOf(requireNonNull(branches, "branches is null"));
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("CASE needs at least one WHEN branch");
        }
    }

    @Override
    public DataType type() {
        return branches.get(0).value().type();
    }

    @Override
    public boolean nullable() {
        if (otherwise == null || otherwise.nullable()) {
            return true;
        }
        for (Branch b : branches) {
            if (b.value().nullable()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Expression> children() {
        List<Expression> all = new ArrayList<>(branches.size() * 2 + 1);
        for (Branch b : branches) {
            all.add(b.condition());
            all.add(b.value());
        }
        if (otherwise != null) {
            all.add(otherwise);
        }
        return all;
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, branches.size() * 2 + (otherwise == null ? 0 : 1), "CaseWhen");
        List<Branch> newBranches = new ArrayList<>(branches.size());
        for (int i = 0; i < branches.size(); i++) {
            newBranches.add(new Branch(children.get(2 * i), children.get(2 * i + 1)));
        }
        return new CaseWhen(newBranches, otherwise == null ? null : children.get(children.size() - 1));
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitCaseWhen(this);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CASE");
        for (Branch b : branches) {
            sb.append(" WHEN ").append(b.condition()).append(" THEN ").append(b.value());
        }
        if (otherwise != null) {
            sb.append(" ELSE ").append(otherwise);
        }
        return sb.append(" END").toString();
    }
}
