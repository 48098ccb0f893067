package dev.quarry.local;

import dev.quarry.Row;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.BinaryOp;
import dev.quarry.internal.expr.ColumnRef;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.Literal;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.local.udf.JavaFunctions;
import dev.quarry.spi.ExecutionContext;
import dev.quarry.spi.ExecutionResult;
import dev.quarry.spi.SessionConfig;
import dev.quarry.types.DataType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for hand-made plans and a backend over a temporary data directory. */
public final class LocalFixtures {
    private LocalFixtures() {}

    public static SessionConfig config(Path dataDir) {
        return config(dataDir, Map.of());
    }

    public static SessionConfig config(Path dataDir, Map<String, String> settings) {
        return new SessionConfig("test", dataDir, Map.of(), Map.of(), null, null, Set.of(), settings);
    }

    public static LocalBackend backend(Path dataDir) {
        return new LocalBackend(config(dataDir), JavaFunctions.standard());
    }

    public static StructField field(String name, DataType type) {
        return new StructField(name, type, true);
    }

    public static Schema schema(StructField... fields) {
        return new Schema(List.of(fields));
    }

    /** In-memory rows; each row's values in column order. */
    public static LocalRelation rows(Schema schema, List<?>... rows) {
        List<List<Object>> data = new ArrayList<>();
        for (List<?> r : rows) {
            data.add(new ArrayList<>(r));
        }
        return new LocalRelation(schema, data);
    }

    /** A row as a list that may hold nulls. */
    public static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    public static ColumnRef col(LogicalPlan plan, String name) {
        StructField f = plan.schema().field(name);
        return new ColumnRef(f.name(), f.type(), f.nullable());
    }

    public static ColumnRef left(LogicalPlan plan, String name) {
        StructField f = plan.schema().field(name);
        return new ColumnRef(f.name(), f.type(), f.nullable(), ColumnRef.Side.LEFT);
    }

    public static ColumnRef right(LogicalPlan plan, String name) {
        StructField f = plan.schema().field(name);
        return new ColumnRef(f.name(), f.type(), f.nullable(), ColumnRef.Side.RIGHT);
    }

    public static Literal lit(Object value, DataType type) {
        return new Literal(value, type);
    }

    public static Expression op(BinaryOp.Operator op, Expression l, Expression r) {
        return new BinaryOp(op, l, r);
    }

    public static Expression as(Expression e, String name) {
        return new Alias(e, name);
    }

    public static ExecutionResult run(LocalBackend backend, LogicalPlan plan) {
        return backend.execute(plan, new ExecutionContext("q", false));
    }

    /** The values of every row, in order. */
    public static List<List<Object>> collect(LocalBackend backend, LogicalPlan plan) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : run(backend, plan).rows()) {
            out.add(r.values());
        }
        return out;
    }

    /** The values of one column, in row order. */
    public static List<Object> column(LocalBackend backend, LogicalPlan plan, int index) {
        List<Object> out = new ArrayList<>();
        for (Row r : run(backend, plan).rows()) {
            out.add(r.get(index));
        }
        return out;
    }
}
