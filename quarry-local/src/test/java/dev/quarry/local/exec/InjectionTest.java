package dev.quarry.local.exec;

import static dev.quarry.local.LocalFixtures.as;
import static dev.quarry.local.LocalFixtures.col;
import static dev.quarry.local.LocalFixtures.collect;
import static dev.quarry.local.LocalFixtures.field;
import static dev.quarry.local.LocalFixtures.lit;
import static dev.quarry.local.LocalFixtures.op;
import static dev.quarry.local.LocalFixtures.rows;
import static dev.quarry.local.LocalFixtures.run;
import static dev.quarry.local.LocalFixtures.schema;
import static dev.quarry.local.LocalFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.JoinType;
import dev.quarry.SaveMode;
import dev.quarry.internal.expr.BinaryOp.Operator;
import dev.quarry.internal.expr.GetField;
import dev.quarry.internal.plan.Filter;
import dev.quarry.internal.plan.Join;
import dev.quarry.internal.plan.LocalRelation;
import dev.quarry.internal.plan.LogicalPlan;
import dev.quarry.internal.plan.Project;
import dev.quarry.internal.plan.Sink;
import dev.quarry.internal.plan.Unnest;
import dev.quarry.local.LocalBackend;
import dev.quarry.local.LocalFixtures;
import dev.quarry.types.DataTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names and values that look like SQL stay names and values. */
class InjectionTest {
    static final String EVIL = "x\"; DROP TABLE victim; --";
    static final String EVIL_VALUE = "'); DROP TABLE victim; --";

    @TempDir
    Path dir;

    @Test
    void hostileColumnNamesAndValues_runAsData() {
        try (LocalBackend backend = LocalFixtures.backend(dir)) {
            run(
                    backend,
                    new Sink(
                            rows(schema(field("v", DataTypes.LONG)), values(1L)),
                            new Sink.TableTarget("victim"),
                            SaveMode.ERROR));
            var struct = DataTypes.structOf(DataTypes.field(EVIL, DataTypes.STRING));
            LocalRelation data = rows(
                    schema(field(EVIL, DataTypes.STRING), field("s", struct)),
                    values(EVIL_VALUE, Map.of(EVIL, "inner")),
                    values("plain", null));

            LogicalPlan filtered =
                    new Filter(data, op(Operator.EQ, col(data, EVIL), lit(EVIL_VALUE, DataTypes.STRING)));
            LogicalPlan projected = new Project(
                    filtered, List.of(col(filtered, EVIL), as(new GetField(col(filtered, "s"), EVIL), EVIL + "'")));
            assertThat(collect(backend, projected)).containsExactly(values(EVIL_VALUE, "inner"));

            LogicalPlan unnested = new Unnest(new Project(data, List.of(col(data, "s"))), "s");
            assertThat(run(backend, unnested).schema().names()).containsExactly(EVIL);

            LogicalPlan joined = new Join(
                    data, new Project(data, List.of(as(col(data, EVIL), "other"))), JoinType.CROSS, null, List.of());
            assertThat(run(backend, joined).rows()).hasSize(4);

            assertThat(backend.lookup("victim")).isPresent();
        }
    }
}
