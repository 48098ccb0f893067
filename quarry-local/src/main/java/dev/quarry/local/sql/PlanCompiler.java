package dev.quarry.local.sql;

import static java.util.Objects.requireNonNull;

import dev.quarry.JoinType;
import dev.quarry.internal.expr.Expression;
import dev.quarry.internal.expr.SortKey;
import dev.quarry.internal.plan.Aggregate;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.Distinct;
import dev.quarry.internal.plan.DropDuplicates;
import dev.quarry.internal.plan.Explode;
import dev.quarry.internal.plan.FileScan;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.Join;
import dev.quarry.internal.plan.Limit;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.PlanVisitor;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.internal.plan.Sink;
import dev.quarry.internal.plan.Sort;
import dev.quarry.internal.plan.SqlRelation;
import dev.quarry.internal.plan.TableScan;
import dev.quarry.internal.plan.Union;
import dev.quarry.internal.plan.Unnest;
import dev.quarry.types.ArrayType;
import dev.quarry.types.DataType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import dev.quarry.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Compiles a logical plan into one DuckDB {@code SELECT} statement: each node becomes a
 * sub-select over its input's statement (DuckDB's optimizer flattens them). Every identifier is
 * quoted and every constant rendered by {@link Literals}; nothing from the plan reaches the SQL
 * unquoted.
 *
 * <p>Sources whose data lives outside the SQL text are asked of a {@link Relations}: in-memory rows
 * ({@link LocalRelation}) are loaded into a table first, and a {@link Cache} node may stand for a
 * table holding its materialized result. The same hook lets an executor cut a plan at operators
 * that do not run in SQL (semantic operators), run them, and continue from their result table.
 * Leaves whose column types may differ from the plan's (files, catalog tables, SQL queries) are
 * wrapped in a projection that casts each column to the plan's type; a cast to the type a column
 * already has costs nothing.
 */
public final class PlanCompiler implements PlanVisitor<String> {

    /** Supplies tables that stand for sub-plans. */
    public interface Relations {
        /**
         * The SQL relation (e.g. a quoted table name) holding the rows of a plan, or null to
         * compile the plan itself. Asked for every {@link LocalRelation} (which must be answered)
         * and every {@link Cache}.
         *
         * @param plan the sub-plan
         * @return a relation, or null
         */
        String relationFor(LogicalPlan plan);
    }

    /** Renders the engine-specific leaves. */
    public interface Sources {
        /**
         * A {@code SELECT} reading files, with exactly the scan's schema.
         *
         * @param scan the file scan
         * @return SQL text
         */
        String fileScan(FileScan scan);

        /**
         * The qualified relation name of a catalog table or view.
         *
         * @param name the name as the user wrote it
         * @return SQL text
         */
        String table(String name);
    }

    private final FunctionMapper functions;
    private final Relations relations;
    private final Sources sources;
    private int aliasCounter;

    /**
     * A compiler.
     *
     * <pre>{@code String sql = new PlanCompiler(mapper, relations, sources).compile(plan);}</pre>
     *
     * @param functions maps scalar function names
     * @param relations tables standing for in-memory rows and caches
     * @param sources renders file scans and catalog tables
     */
    public PlanCompiler(FunctionMapper functions, Relations relations, Sources sources) {
        this.functions = requireNonNull(functions, "functions is null");
        this.relations = requireNonNull(relations, "relations is null");
        this.sources = requireNonNull(sources, "sources is null");
    }

    /**
     * The {@code SELECT} statement producing the plan's rows (for a {@link Sink}: its input's).
     *
     * <pre>{@code compiler.compile(new Filter(scan, condition))}</pre>
     *
     * @param plan an analyzed plan
     * @return SQL text
     */
    public String compile(LogicalPlan plan) {
        return plan.accept(this);
    }

    private String alias(String prefix) {
        return prefix + (++aliasCounter);
    }

    private String from(LogicalPlan child) {
        return "(" + compile(child) + ") AS " + Sql.identifier(alias("q"));
    }

    private ExpressionCompiler expressions() {
        return new ExpressionCompiler(functions);
    }

    /**
     * A projection casting each column of a relation to the schema's type.
     *
     * <pre>{@code PlanCompiler.normalized(schema, "\"t\"") // SELECT CAST("a" AS BIGINT) AS "a" FROM "t"}</pre>
     *
     * @param schema the wanted columns and types
     * @param relation the relation (a table name or a parenthesised query with an alias)
     * @return SQL text
     */
    public static String normalized(Schema schema, String relation) {
        if (schema.size() == 0) {
            return "SELECT * FROM " + relation;
        }
        StringJoiner j = new StringJoiner(", ", "SELECT ", " FROM " + relation);
        for (StructField f : schema.fields()) {
            String name = Sql.identifier(f.name());
            j.add("CAST(" + name + " AS " + DuckTypes.toSql(f.type()) + ") AS " + name);
        }
        return j.toString();
    }

    @Override
    public String visitFileScan(FileScan plan) {
        return sources.fileScan(plan);
    }

    @Override
    public String visitLocalRelation(LocalRelation plan) {
        String relation = relations.relationFor(plan);
        if (relation == null) {
            throw ExpressionCompiler.internal("no table holds the in-memory rows " + plan.details());
        }
        return "SELECT * FROM " + relation;
    }

    @Override
    public String visitTableScan(TableScan plan) {
        return normalized(plan.schema(), sources.table(plan.name()));
    }

    @Override
    public String visitSqlRelation(SqlRelation plan) {
        String sql = substitute(withoutTrailingSemicolons(plan.sql()), plan.frames());
        return normalized(plan.schema(), "(" + sql + ") AS " + Sql.identifier(alias("s")));
    }

    private static String withoutTrailingSemicolons(String sql) {
        int end = sql.length();
        while (end > 0 && (sql.charAt(end - 1) == ';' || Character.isWhitespace(sql.charAt(end - 1)))) {
            end--;
        }
        return sql.substring(0, end);
    }

    /**
     * Replaces each {@code {name}} placeholder outside string constants, quoted names and comments
     * by the parenthesised compiled frame.
     */
    private String substitute(String sql, Map<String, LogicalPlan> frames) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '{') {
                int close = sql.indexOf('}', i);
                String name = close < 0 ? null : sql.substring(i + 1, close).trim();
                if (name != null && frames.containsKey(name)) {
                    out.append("(").append(compile(frames.get(name))).append(")");
                    i = close + 1;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    @Override
    public String visitProject(Project plan) {
        ExpressionCompiler ec = expressions();
        StringJoiner j = new StringJoiner(", ", "SELECT ", " FROM " + from(plan.child()));
        for (Expression e : plan.projections()) {
            j.add(ec.named(e));
        }
        return j.toString();
    }

    @Override
    public String visitFilter(Filter plan) {
        return "SELECT * FROM " + from(plan.child()) + " WHERE " + expressions().compile(plan.condition());
    }

    @Override
    public String visitJoin(Join plan) {
        String l = alias("l");
        String r = alias("r");
        String left = "(" + compile(plan.left()) + ") AS " + Sql.identifier(l);
        String right = "(" + compile(plan.right()) + ") AS " + Sql.identifier(r);
        ExpressionCompiler ec = new ExpressionCompiler(functions, l, r);
        String ql = Sql.identifier(l) + ".";
        String qr = Sql.identifier(r) + ".";

        String on = null;
        if (plan.condition() != null) {
            on = ec.compile(plan.condition());
        } else if (!plan.usingColumns().isEmpty()) {
            StringJoiner keys = new StringJoiner(" AND ", "(", ")");
            for (String k : plan.usingColumns()) {
                String lk = plan.left().schema().field(k).name();
                String rk = plan.right().schema().field(k).name();
                keys.add(ql + Sql.identifier(lk) + " = " + qr + Sql.identifier(rk));
            }
            on = keys.toString();
        }
        String joinKeyword = switch (plan.type()) {
            case INNER -> "INNER JOIN";
            case LEFT -> "LEFT JOIN";
            case RIGHT -> "RIGHT JOIN";
            case FULL -> "FULL OUTER JOIN";
            case CROSS -> "CROSS JOIN";
            case SEMI -> "SEMI JOIN";
            case ANTI -> "ANTI JOIN";
        };
        String fromClause = " FROM " + left + " " + joinKeyword + " " + right + (on == null ? "" : " ON " + on);
        if (plan.type() == JoinType.SEMI || plan.type() == JoinType.ANTI) {
            return "SELECT " + ql + "*" + fromClause;
        }

        Set<String> using = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        using.addAll(plan.usingColumns());
        Schema out = plan.schema();
        StringJoiner select = new StringJoiner(", ", "SELECT ", fromClause);
        int position = 0;
        for (String k : plan.usingColumns()) {
            StructField field = out.fields().get(position++);
            StructField lf = plan.left().schema().field(k);
            StructField rf = plan.right().schema().field(k);
            String lk = castIfNeeded(ql + Sql.identifier(lf.name()), lf.type(), field.type());
            String rk = castIfNeeded(qr + Sql.identifier(rf.name()), rf.type(), field.type());
            String value = switch (plan.type()) {
                case RIGHT -> rk;
                case FULL -> "COALESCE(" + lk + ", " + rk + ")";
                default -> lk;
            };
            select.add(value + " AS " + Sql.identifier(field.name()));
        }
        for (StructField f : plan.left().schema().fields()) {
            if (!using.contains(f.name())) {
                select.add(ql + Sql.identifier(f.name()) + " AS " + Sql.identifier(f.name()));
            }
        }
        for (StructField f : plan.right().schema().fields()) {
            if (!using.contains(f.name())) {
                select.add(qr + Sql.identifier(f.name()) + " AS " + Sql.identifier(f.name()));
            }
        }
        return select.toString();
    }

    private static String castIfNeeded(String sql, DataType from, DataType to) {
        return from.equals(to) ? sql : "CAST(" + sql + " AS " + DuckTypes.toSql(to) + ")";
    }

    @Override
    public String visitAggregate(Aggregate plan) {
        ExpressionCompiler ec = expressions();
        StringJoiner select = new StringJoiner(", ", "SELECT ", " FROM " + from(plan.child()));
        for (Expression e : plan.outputs()) {
            select.add(ec.named(e));
        }
        if (plan.groupBy().isEmpty()) {
            return select.toString();
        }
        StringJoiner group = new StringJoiner(", ", " GROUP BY ", "");
        for (Expression e : plan.groupBy()) {
            group.add(ec.compile(e));
        }
        return select + group.toString();
    }

    @Override
    public String visitSort(Sort plan) {
        return "SELECT * FROM " + from(plan.child()) + orderBy(plan.keys());
    }

    private String orderBy(List<SortKey> keys) {
        ExpressionCompiler ec = expressions();
        StringJoiner j = new StringJoiner(", ", " ORDER BY ", "");
        for (SortKey k : keys) {
            j.add(ec.compile(k));
        }
        return j.toString();
    }

    @Override
    public String visitLimit(Limit plan) {
        return "SELECT * FROM " + from(plan.child()) + " LIMIT " + plan.limit();
    }

    @Override
    public String visitDistinct(Distinct plan) {
        return "SELECT DISTINCT * FROM " + from(plan.child());
    }

    @Override
    public String visitDropDuplicates(DropDuplicates plan) {
        List<String> names = new ArrayList<>();
        for (String c : plan.columns()) {
            names.add(plan.child().schema().field(c).name());
        }
        String on = "SELECT DISTINCT ON (" + Sql.identifiers(names) + ") * FROM ";
        if (plan.child() instanceof Sort sort) {
            // the first row of each group in the sort order is kept
            return on + from(sort.child()) + orderBy(sort.keys());
        }
        return on + from(plan.child());
    }

    @Override
    public String visitUnion(Union plan) {
        StringJoiner j = new StringJoiner(" UNION ALL ");
        for (LogicalPlan input : plan.inputs()) {
            j.add("SELECT * FROM " + from(input));
        }
        return j.toString();
    }

    @Override
    public String visitExplode(Explode plan) {
        Schema in = plan.child().schema();
        int index = in.indexOf(plan.column());
        StructField f = in.fields().get(index);
        ArrayType array = (ArrayType) f.type();
        String column = Sql.identifier(f.name());
        String source = column;
        if (plan.outer()) {
            String oneNull = "[CAST(NULL AS " + DuckTypes.toSql(array.elementType()) + ")]";
            source = "(CASE WHEN " + column + " IS NULL OR len(" + column + ") = 0 THEN " + oneNull + " ELSE " + column
                    + " END)";
        }
        StringJoiner j = new StringJoiner(", ", "SELECT ", " FROM " + from(plan.child()));
        for (int i = 0; i < in.size(); i++) {
            String name = Sql.identifier(in.fields().get(i).name());
            j.add(i == index ? "UNNEST(" + source + ") AS " + name : name);
        }
        return j.toString();
    }

    @Override
    public String visitUnnest(Unnest plan) {
        Schema in = plan.child().schema();
        int index = in.indexOf(plan.column());
        StructField f = in.fields().get(index);
        StructType struct = (StructType) f.type();
        StringJoiner j = new StringJoiner(", ", "SELECT ", " FROM " + from(plan.child()));
        for (int i = 0; i < in.size(); i++) {
            String name = Sql.identifier(in.fields().get(i).name());
            if (i != index) {
                j.add(name);
                continue;
            }
            for (StructField inner : struct.fields()) {
                j.add("struct_extract(" + name + ", " + Sql.string(inner.name()) + ") AS "
                        + Sql.identifier(inner.name()));
            }
        }
        return j.toString();
    }

    @Override
    public String visitCache(Cache plan) {
        String relation = relations.relationFor(plan);
        return relation == null ? compile(plan.child()) : "SELECT * FROM " + relation;
    }

    @Override
    public String visitSink(Sink plan) {
        return compile(plan.child());
    }

    @Override
    public String visitSemanticProject(SemanticProject plan) {
        return semanticRelation(plan);
    }

    @Override
    public String visitSemanticJoin(SemanticJoin plan) {
        return semanticRelation(plan);
    }

    @Override
    public String visitSimilarityJoin(SimilarityJoin plan) {
        return semanticRelation(plan);
    }

    @Override
    public String visitClusterLabels(ClusterLabels plan) {
        return semanticRelation(plan);
    }

    /** Semantic nodes are computed outside SQL; the executor supplies their result table. */
    private String semanticRelation(LogicalPlan plan) {
        String relation = relations.relationFor(plan);
        if (relation == null) {
            throw ExpressionCompiler.internal(
                    plan.nodeName() + " must be computed before SQL generation; no result table was supplied");
        }
        return "SELECT * FROM " + relation;
    }
}
