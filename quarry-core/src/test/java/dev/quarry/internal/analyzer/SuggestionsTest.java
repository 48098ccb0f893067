package dev.quarry.internal.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void nearest_transposedLetters_suggestsTheColumn() {
        assertThat(Suggestions.nearest("nmae", List.of("id", "name", "body"))).contains("name");
    }

    @Test
    void nearest_differentCase_isIgnored() {
        assertThat(Suggestions.nearest("NAME_", List.of("name"))).contains("name");
    }

    @Test
    void nearest_unrelatedName_suggestsNothing() {
        assertThat(Suggestions.nearest("xyz", List.of("id", "name", "body"))).isEmpty();
    }

    @Test
    void didYouMean_noCandidates_isEmpty() {
        assertThat(Suggestions.didYouMean("a", List.of())).isEmpty();
    }

    @Test
    void distance_countsAdjacentSwapAsOneEdit() {
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
