package dev.quarry.local.semantic;

import dev.quarry.internal.expr.Alias;
import dev.quarry.internal.plan.Cache;
import dev.quarry.internal.plan.ClusterLabels;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.SemanticJoin;
import dev.quarry.internal.plan.SemanticProject;
import dev.quarry.internal.plan.SimilarityJoin;
import dev.quarry.local.sql.DuckTypes;
import dev.quarry.local.sql.PlanCompiler;
import dev.quarry.local.sql.Sql;
import dev.quarry.types.DataType;
import dev.quarry.types.ScalarType;
import dev.quarry.types.Schema;
import dev.quarry.types.StructField;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Relations that let SQL be compiled over a plan with semantic operators without running them, for
 * describing and estimating: each semantic node becomes a query with its output schema whose new
 * columns hold placeholders (true for a boolean, so a semantic filter keeps every row and estimates
 * are upper bounds; null otherwise), a semantic join becomes the cross product of its inputs, and a
 * cache not computed yet is compiled inline instead of being computed.
 */
public final class StandIns implements PlanCompiler.Relations {
    private final PlanCompiler.Relations session;
    private final Function<PlanCompiler.Relations, PlanCompiler> compilers;
    private final Predicate<LogicalPlan> materialized;
    private int counter;

    /**
     * Stand-in relations over the session's.
     *
     * <pre>{@code String sql = compiler(new StandIns(relations, this::compiler, materialized)).compile(plan);}</pre>
     *
     * @param session the session's relations (loaded rows, computed caches)
     * @param compilers makes a compiler over given relations
     * @param materialized whether a cache already has a table
     */
    public StandIns(
            PlanCompiler.Relations session,
            Function<PlanCompiler.Relations, PlanCompiler> compilers,
            Predicate<LogicalPlan> materialized) {
        this.session = session;
        this.compilers = compilers;
        this.materialized = materialized;
    }

    /**
     * The SQL of a plan under these relations.
     *
     * <pre>{@code String sql = standIns.compile(child);}</pre>
     *
     * @param plan the plan
     * @return a {@code SELECT}
     */
    public String compile(LogicalPlan plan) {
        return compilers.apply(this).compile(plan);
    }

    @Override
    public String relationFor(LogicalPlan plan) {
        if (plan instanceof Cache cache && !materialized.test(cache)) {
            return sub(compile(cache.child()));
        }
        if (plan instanceof SemanticProject p) {
            StringJoiner select = new StringJoiner(", ", "SELECT *, ", " FROM " + sub(compile(p.child())));
            for (Alias a : p.columns()) {
                select.add(placeholder(a.type()) + " AS " + Sql.identifier(a.name()));
            }
            return sub(select.toString());
        }
        if (plan instanceof SemanticJoin j) {
            return sub(pairs(j.schema(), j.left().schema(), compile(j.left()), compile(j.right()), null, null));
        }
        if (plan instanceof SimilarityJoin s) {
            String right = "SELECT * FROM " + sub(compile(s.right())) + " LIMIT " + s.k();
            return sub(pairs(
                    s.schema(),
                    s.left().schema(),
                    compile(s.left()),
                    right,
                    s.similarityColumn(),
                    "CAST(0 AS DOUBLE)"));
        }
        if (plan instanceof ClusterLabels c) {
            StringJoiner select = new StringJoiner(", ", "SELECT *, ", " FROM " + sub(compile(c.child())));
            select.add("CAST(0 AS INTEGER) AS " + Sql.identifier(c.labelColumn()));
            if (c.centroidColumn() != null) {
                select.add(placeholder(c.schema().field(c.centroidColumn()).type()) + " AS "
                        + Sql.identifier(c.centroidColumn()));
            }
            return sub(select.toString());
        }
        return session.relationFor(plan);
    }

    private String sub(String sql) {
        return "(" + sql + ") AS " + Sql.identifier("stand_in_" + (++counter));
    }

    private String pairs(Schema out, Schema left, String leftSql, String rightSql, String extra, String extraValue) {
        String l = "l" + (++counter);
        String r = "r" + (++counter);
        StringJoiner select = new StringJoiner(", ", "SELECT ", "");
        int i = 0;
        for (StructField f : out.fields()) {
            if (extra != null && f.name().equals(extra)) {
                select.add(extraValue + " AS " + Sql.identifier(f.name()));
            } else {
                String side = i < left.size() ? l : r;
                select.add(Sql.identifier(side) + "." + Sql.identifier(f.name()) + " AS " + Sql.identifier(f.name()));
            }
            i++;
        }
        return select + " FROM (" + leftSql + ") AS " + Sql.identifier(l) + " CROSS JOIN (" + rightSql + ") AS "
                + Sql.identifier(r);
    }

    private static String placeholder(DataType type) {
        return type == ScalarType.BOOLEAN ? "TRUE" : "CAST(NULL AS " + DuckTypes.toSql(type) + ")";
    }
}
