package dev.quarry.local.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {
    @Test
    void identifier_doublesInnerQuotes() {
        assertThat(Sql.identifier("x\"; DROP TABLE t; --")).isEqualTo("\"x\"\"; DROP TABLE t; --\"");
    }

    @Test
    void identifier_rejectsNul() {
        assertThatThrownBy(() -> Sql.identifier("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void string_doublesSingleQuotesAndKeepsBackslashes() {
        assertThat(Sql.string("it's \\'")).isEqualTo("'it''s \\'''");
    }

    @Test
    void string_splicesNulCharacters() {
        assertThat(Sql.string("a\0b")).isEqualTo("('a' || chr(0) || 'b')");
    }

    @Test
    void qualified_quotesEachPart() {
        assertThat(Sql.qualified("catalog", "main", "my \"t\"")).isEqualTo("\"catalog\".\"main\".\"my \"\"t\"\"\"");
    }

    @Test
    void identifiers_joinsWithCommas() {
        assertThat(Sql.identifiers(List.of("a", "B"))).isEqualTo("\"a\", \"B\"");
    }
}
