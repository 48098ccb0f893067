package dev.quarry.local.semantic;

import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.InferenceRuntime;
import dev.quarry.inference.RequestEstimate;
import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SemanticFunction;
import dev.quarry.internal.expr.SemanticFunction.Kind;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.local.exec.DuckErrors;
import dev.quarry.local.exec.ResultReader;
import dev.quarry.local.sql.ExpressionCompiler;
import dev.quarry.local.sql.Sql;
import dev.quarry.spi.InferenceEstimate;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.duckdb.DuckDBConnection;

/**
 * Estimates, before anything runs, what each semantic operator of a plan will send: requests from
 * the number of distinct non-null inputs (counted by SQL over the operator's input, semantic
 * operators below it replaced by {@link StandIns}), tokens and cost from the runtime's estimator
 * over a sample of rendered prompts, scaled to the distinct count. Estimates assume nothing is in
 * the response cache and that semantic filters keep every row, so they are upper bounds.
 */
final class InferenceEstimator {
    static final int SAMPLE = 20;
    static final int JOIN_SAMPLE = 5;

    private final DuckDBConnection connection;
    private final InferenceRuntime runtime;
    private final StandIns standIns;
    private final ExpressionCompiler expressions;
    private final SemanticSettings settings;

    InferenceEstimator(
            DuckDBConnection connection,
            InferenceRuntime runtime,
            StandIns standIns,
            ExpressionCompiler expressions,
            SemanticSettings settings) {
        this.connection = connection;
        this.runtime = runtime;
        this.standIns = standIns;
        this.expressions = expressions;
        this.settings = settings;
    }

    /** One estimate per model-calling operator, top first. */
    List<InferenceEstimate> estimate(LogicalPlan plan) {
        List<InferenceEstimate> out = new ArrayList<>();
        walk(plan, out);
        return out;
    }

    private void walk(LogicalPlan plan, List<InferenceEstimate> out) {
        if (plan instanceof SemanticProject p) {
            String input = standIns.compile(p.child());
            for (Alias column : p.columns()) {
                out.add(function(p.label(column), (SemanticFunction) column.child(), input));
            }
        } else if (plan instanceof SemanticJoin j) {
            out.add(join(j));
        }
        for (LogicalPlan child : plan.children()) {
            walk(child, out);
        }
    }

    private InferenceEstimate function(String label, SemanticFunction f, String input) {
        String alias = f.spec().modelAlias();
        String details = f.toString();
        if (f.inputs().isEmpty()) {
            return new InferenceEstimate(label, details, alias, 0, 0, 0, 0);
        }
        StringJoiner cols = new StringJoiner(", ");
        StringJoiner notNull = new StringJoiner(" AND ");
        List<StructField> fields = new ArrayList<>();
        int i = 0;
        for (Expression e : f.inputs()) {
            String name = "__in" + i++;
            String sql = expressions.compile(e);
            cols.add(sql + " AS " + Sql.identifier(name));
            notNull.add("(" + sql + ") IS NOT NULL");
            fields.add(new StructField(name, e.type(), true));
        }
        String distinct = "SELECT DISTINCT " + cols + " FROM (" + input + ") AS i WHERE " + notNull;
        long rows = scalar("SELECT count(*) FROM (" + distinct + ") AS d");
        List<List<Object>> sample = sample(distinct, new Schema(fields), f.kind() == Kind.EMBED ? 256 : SAMPLE);
        if (rows == 0 || sample.isEmpty()) {
            return new InferenceEstimate(label, details, alias, 0, 0, 0, 0);
        }
        RequestEstimate total;
        if (f.kind() == Kind.EMBED) {
            List<String> texts = new ArrayList<>();
            sample.forEach(r -> texts.add(String.valueOf(r.get(0))));
            RequestEstimate batch = runtime.estimateEmbedding(alias, texts);
            double scale = (double) rows / texts.size();
            long batches = (rows + 255) / 256;
            total = new RequestEstimate(
                    Math.max(batches, (long) Math.ceil(batch.requests() * (double) rows / 256.0)),
                    Math.round(batch.inputTokens() * scale),
                    0,
                    batch.costUsd() * scale,
                    batch.priced());
        } else if (f.kind() == Kind.REDUCE) {
            total = reduce(f, sample, rows);
        } else {
            ColumnPrompt prompt = ColumnPrompt.of(f);
            RequestEstimate sum = RequestEstimate.NONE;
            for (List<Object> values : sample) {
                sum = sum.plus(runtime.estimate(alias, prompt.request(values)));
            }
            total = scale(sum, sample.size(), rows);
        }
        return new InferenceEstimate(
                label,
                details,
                alias,
                total.requests(),
                total.inputTokens(),
                total.outputTokens(),
                Math.max(0, total.costUsd()));
    }

    private RequestEstimate reduce(SemanticFunction f, List<List<Object>> sample, long groups) {
        String alias = f.spec().modelAlias();
        ReduceColumn.Budget budget = ReduceColumn.budget(
                runtime,
                alias,
                f.spec(),
                f.spec().instruction() == null
                        ? "Summarize the documents."
                        : f.spec().instruction(),
                List.of(),
                settings.reduceContextTokens());
        RequestEstimate sum = RequestEstimate.NONE;
        ChatRequest probe = ChatRequest.builder()
                .system(ReduceColumn.SYSTEM)
                .user("x")
                .maxOutputTokens(budget.output())
                .build();
        RequestEstimate perRequest = runtime.estimate(alias, probe);
        for (List<Object> row : sample) {
            long tokens = 0;
            long docs = 0;
            if (row.get(0) instanceof List<?> list) {
                for (Object d : list) {
                    if (d != null) {
                        tokens += runtime.countTokens(alias, d.toString()) + 8;
                        docs++;
                    }
                }
            }
            if (docs == 0) {
                continue;
            }
            long leaves = Math.max(1, (tokens + budget.documents() - 1) / budget.documents());
            long requests = leaves;
            long input = tokens + leaves * budget.fixed();
            long level = leaves;
            while (level > 1) {
                long partial = level * perRequest.outputTokens();
                input += partial + budget.fixed();
                level = Math.max(1, (partial + budget.documents() - 1) / budget.documents());
                requests += level;
            }
            long output = requests * perRequest.outputTokens();
            double cost = perRequest.costUsd() == 0
                    ? 0
                    : runtime.modelInfo(alias).price().cost(input, 0, output);
            sum = sum.plus(new RequestEstimate(requests, input, output, cost, perRequest.priced()));
        }
        return scale(sum, sample.size(), groups);
    }

    private InferenceEstimate join(SemanticJoin j) {
        String alias = j.spec().modelAlias();
        String left = standIns.compile(j.left());
        String right = standIns.compile(j.right());
        String leftDistinct = distinctColumns(j.left().schema(), j.leftColumns(), left);
        String rightDistinct = distinctColumns(j.right().schema(), j.rightColumns(), right);
        long n = scalar("SELECT count(*) FROM (" + leftDistinct + ") AS d");
        long m = scalar("SELECT count(*) FROM (" + rightDistinct + ") AS d");
        List<List<Object>> ls = sample(leftDistinct, columns(j.left().schema(), j.leftColumns()), JOIN_SAMPLE);
        List<List<Object>> rs = sample(rightDistinct, columns(j.right().schema(), j.rightColumns()), JOIN_SAMPLE);
        if (n * m == 0 || ls.isEmpty() || rs.isEmpty()) {
            return new InferenceEstimate(j.label(), j.details(), alias, 0, 0, 0, 0);
        }
        JoinExecutor.PairPrompt prompt = new JoinExecutor.PairPrompt(j);
        RequestEstimate sum = RequestEstimate.NONE;
        for (List<Object> l : ls) {
            for (List<Object> r : rs) {
                sum = sum.plus(runtime.estimate(alias, prompt.request(j, keyed(l), keyed(r))));
            }
        }
        RequestEstimate total = scale(sum, ls.size() * rs.size(), n * m);
        return new InferenceEstimate(
                j.label(),
                j.details(),
                alias,
                total.requests(),
                total.inputTokens(),
                total.outputTokens(),
                Math.max(0, total.costUsd()));
    }

    private static Object[] keyed(List<Object> values) {
        Object[] row = new Object[values.size() + 1];
        row[0] = 0L;
        for (int i = 0; i < values.size(); i++) {
            row[i + 1] = values.get(i);
        }
        return row;
    }

    private static Schema columns(Schema schema, List<String> names) {
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(schema.field(n));
        }
        return new Schema(fields);
    }

    private static String distinctColumns(Schema schema, List<String> columns, String input) {
        if (columns.isEmpty()) {
            return "SELECT 1 AS \"__one\" FROM (" + input + ") AS i LIMIT 1";
        }
        StringJoiner cols = new StringJoiner(", ");
        StringJoiner notNull = new StringJoiner(" AND ");
        for (String c : columns) {
            String q = Sql.identifier(schema.field(c).name());
            cols.add(q);
            notNull.add(q + " IS NOT NULL");
        }
        return "SELECT DISTINCT " + cols + " FROM (" + input + ") AS i WHERE " + notNull;
    }

    private static RequestEstimate scale(RequestEstimate sum, long sampled, long total) {
        double f = (double) total / sampled;
        return new RequestEstimate(
                Math.round(sum.requests() * f),
                Math.round(sum.inputTokens() * f),
                Math.round(sum.outputTokens() * f),
                sum.costUsd() * f,
                sum.priced());
    }

    private long scalar(String sql) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "estimating the model requests of a plan", false);
        }
    }

    private List<List<Object>> sample(String distinct, Schema schema, int limit) {
        List<List<Object>> out = new ArrayList<>();
        if (schema.size() == 0) {
            return out;
        }
        String sql = ResultReader.transport(schema, "SELECT * FROM (" + distinct + ") AS d LIMIT " + limit);
        ResultReader.ValueReader[] readers = new ResultReader.ValueReader[schema.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = ResultReader.valueReader(schema.fields().get(i).type());
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>(readers.length);
                for (int i = 0; i < readers.length; i++) {
                    row.add(readers[i].read(rs, i + 1));
                }
                out.add(row);
            }
        } catch (SQLException e) {
            throw DuckErrors.translate(e, "sampling the input of a semantic operator", false);
        }
        return out;
    }
}
