package dev.quarry.inference.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.api.EncodingType;
import dev.quarry.inference.ChatRequest;
import dev.quarry.inference.pricing.CatalogEntry;
import dev.quarry.inference.pricing.PriceCatalog;
import dev.quarry.models.ModelPrice;
import org.junit.jupiter.api.Test;

class TokensAndPricesTest {
    @Test
    void encodingType_byModelFamily() {
        assertThat(TokenCounter.encodingType("openai", "gpt-4.1-nano")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenCounter.encodingType("openai", "gpt-4o-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenCounter.encodingType("openai", "gpt-4-turbo")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenCounter.encodingType("openai", "text-embedding-3-small"))
                .isEqualTo(EncodingType.CL100K_BASE);
    }

    @Test
    void count_matchesKnownTokenization() {
        assertThat(TokenCounter.forModel("openai", "gpt-4o").count("Hello world"))
                .isEqualTo(2);
        assertThat(TokenCounter.forModel("openai", "gpt-4o").count("")).isZero();
    }

    @Test
    void countRequest_addsMessageOverheadAndExamples() {
        TokenCounter c = TokenCounter.forModel("openai", "gpt-4o");
        int plain = c.countRequest(ChatRequest.of("Hello world"));
        int withSystem = c.countRequest(
                ChatRequest.builder().system("Be brief").user("Hello world").build());
        assertThat(plain).isEqualTo(2 + TokenCounter.PER_MESSAGE + TokenCounter.PER_REQUEST);
        assertThat(withSystem).isEqualTo(plain + TokenCounter.PER_MESSAGE + 2);
    }

    @Test
    void countRequest_sharedSystemPromptCountedOnceAndSameTotal() {
        TokenCounter c = TokenCounter.forModel("openai", "gpt-4o");
        String system = "You extract fields from support tickets. Answer in JSON.";
        int first = c.countRequest(
                ChatRequest.builder().system(system).user("Hello world").build());
        int second = c.countRequest(ChatRequest.builder()
                .system(new String(system))
                .user("Hello world")
                .build());
        assertThat(second).isEqualTo(first);
        assertThat(first).isEqualTo(TokenCounter.PER_REQUEST + 2 * TokenCounter.PER_MESSAGE + c.count(system) + 2);
        assertThat(c.sharedPartsCached()).isEqualTo(1);
    }

    @Test
    void loadInBackground_thenForModelCountsAsUsual() {
        TokenCounter.loadInBackground("openai", "gpt-4.1-mini");
        TokenCounter.loadInBackground("openai", "gpt-4.1-mini");
        assertThat(TokenCounter.forModel("openai", "gpt-4.1-mini").count("Hello world"))
                .isEqualTo(2);
    }

    @Test
    void countShared_manyDistinctPartsStayBounded() {
        TokenCounter c = TokenCounter.forModel("openai", "gpt-4o");
        for (int i = 0; i < TokenCounter.SHARED_PARTS_CACHED + 10; i++) {
            assertThat(c.countShared("system prompt number " + i)).isEqualTo(c.count("system prompt number " + i));
        }
        assertThat(c.sharedPartsCached()).isLessThanOrEqualTo(TokenCounter.SHARED_PARTS_CACHED);
    }

    @Test
    void observe_learnsInputRatioAndOutputLength() {
        Calibration c = new Calibration(1.0, 256);
        for (int i = 0; i < 50; i++) c.observe(100, 120, 40);
        assertThat(c.inputEstimate(100)).isEqualTo(120);
        assertThat(c.outputEstimate(0)).isBetween(40L, 42L);
        assertThat(c.outputEstimate(10)).isEqualTo(10);
    }

    @Test
    void outputEstimate_coversSpreadOfLengths() {
        Calibration c = new Calibration(1.0, 256);
        for (int i = 0; i < 200; i++) c.observe(100, 100, i % 2 == 0 ? 20 : 100);
        assertThat(c.outputEstimate(0)).isGreaterThanOrEqualTo(100);
    }

    @Test
    void outputEstimate_reservesTheCapUntilAnswersWereSeen() {
        Calibration c = new Calibration(1.0, 256);
        assertThat(c.outputEstimate(1000)).isEqualTo(1000);
        assertThat(c.outputEstimate(0)).isEqualTo(256);
        for (int i = 0; i < 10; i++) c.observe(100, 100, 30);
        assertThat(c.outputEstimate(1000)).isEqualTo(30);
    }

    @Test
    void lookup_exactAndDatedVersions() {
        assertThat(PriceCatalog.lookup("openai", "gpt-4.1-nano").map(CatalogEntry::price))
                .hasValue(new ModelPrice(0.10, 0.025, 0.40));
        assertThat(PriceCatalog.lookup("anthropic", "claude-sonnet-4-5-20250929")
                        .map(CatalogEntry::model))
                .hasValue("claude-sonnet-4-5");
        assertThat(PriceCatalog.lookup("openai", "gpt-4o-2024-08-06").map(CatalogEntry::model))
                .hasValue("gpt-4o");
        assertThat(PriceCatalog.lookup("openai", "gpt-4o-mini").map(CatalogEntry::model))
                .hasValue("gpt-4o-mini");
        assertThat(PriceCatalog.lookup("gemini", "models/gemini-2.5-flash").map(CatalogEntry::model))
                .hasValue("gemini-2.5-flash");
        assertThat(PriceCatalog.lookup("cohere", "embed-v4.0").map(CatalogEntry::dimensions))
                .hasValue(1536);
    }

    @Test
    void lookup_unknownModelIsEmpty() {
        assertThat(PriceCatalog.lookup("openai", "qwen2.5-7b-instruct")).isEmpty();
        assertThat(PriceCatalog.lookup("anthropic", "gpt-4.1")).isEmpty();
    }

    @Test
    void cost_pricesCachedInputSeparately() {
        ModelPrice p = new ModelPrice(1.0, 0.1, 5.0);
        assertThat(p.cost(1_000_000, 500_000, 200_000)).isEqualTo(0.5 + 0.05 + 1.0);
    }
}
