package dev.quarry.internal.expr;

import static java.util.Objects.requireNonNull;

import dev.quarry.types.DataType;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.util.List;

/**
 * A field of a struct value: {@code col("info").getField("product")}.
 *
 * @param child a struct-typed expression
 * @param field the field name, exactly as in the struct type once resolved
 */
public record GetField(Expression child, String field) implements Expression {
    /** Validates the operands. */
    public GetField {
        requireNonNull(child, "child is null");
        requireNonNull(field, "field is null");
    }

    @Override
    public DataType type() {
        return structField().type();
    }

    private StructField structField() {
        if (!(child.type() instanceof StructType struct)) {
            throw new IllegalStateException("getField on non-struct " + child.type());
        }
        return struct.toSchema().field(field);
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    public Expression withChildren(List<Expression> children) {
        Exprs.checkArity(children, 1, "GetField");
        return new GetField(children.get(0), field);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitGetField(this);
    }

    @Override
    public String outputName() {
        return field;
    }

    @Override
    public String toString() {
        return child + "." + field;
    }
}
