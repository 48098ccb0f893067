package dev.quarry.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.quarry.Row;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class EntityMatchingTest {
    @TempDir
    static Path prefilteredDir;

    @TempDir
    static Path comparedDir;

    private static SimulatedRun<EntityMatching.Result> prefiltered;
    private static SimulatedRun<EntityMatching.Result> compared;

    @BeforeAll
    static void runExample() {
        prefiltered = SimulatedRun.of((model, out) -> EntityMatching.run(prefilteredDir, model, out, false));
        compared = SimulatedRun.of((model, out) -> EntityMatching.run(comparedDir, model, out, true));
    }

    @Test
    void run_prefiltered_sendsOneRequestPerCandidatePairOnly() {
        assertThat(prefiltered.result.candidatePairs()).isEqualTo(20L * EntityMatching.CANDIDATES);
        assertThat(prefiltered.simulatorRequests).isEqualTo(prefiltered.result.candidatePairs());
        assertThat(prefiltered.printedRequests()).isEqualTo(prefiltered.simulatorRequests);
    }

    @Test
    void run_comparedWithTheFullJoin_printedRequestsMatchTheSimulatorsCount() {
        assertThat(compared.printedRequests())
                .isEqualTo(compared.simulatorRequests)
                .isEqualTo(compared.result.candidatePairs() + compared.result.allPairs());
    }

    @Test
    void run_bundledNames_matchesDifferentSpellingsOfTheSameCompany() {
        assertThat(prefiltered.result.matches())
                .extracting(r -> r.getString("name"), r -> r.getString("vendor"))
                .contains(
                        tuple("Acme Corporation", "ACME Corp."),
                        tuple("Evergreen Farms", "Evergren Farms"),
                        tuple("Maple & Oak Interiors", "Maple and Oak Interiors"),
                        tuple("Tidewater Port Authority", "Tidewater Port Auth."));
    }

    @Test
    void run_bundledNames_rejectsTheTraps() {
        assertThat(prefiltered.result.matches())
                .extracting(r -> r.getString("vendor"))
                .doesNotContain("Northwind Logistics", "Harbor Health", "Nimbus Cloud", "Quartz Jewelers");
        assertThat(prefiltered.result.matches())
                .allSatisfy(r -> assertThat(r.getString("city")).isEqualTo(r.getString("vendor_city")));
    }

    @Test
    void run_comparedWithTheFullJoin_prefilterFindsWhatTheFullJoinFinds() {
        assertThat(compared.result.fullJoinMatches())
                .extracting(r -> r.get("account_id") + "/" + r.get("invoice_id"))
                .containsExactlyElementsOf(compared.result.matches().stream()
                        .map(r -> r.get("account_id") + "/" + r.get("invoice_id"))
                        .toList());
    }

    @Test
    void run_matches_carryTheirSimilarity() {
        for (Row r : prefiltered.result.matches()) {
            assertThat(r.getDouble("similarity")).isBetween(-1.0, 1.0);
        }
    }
}
