package dev.quarry.embeddings.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.models.LocalEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
    private static final List<String> TICKETS = List.of(
            "The invoice was charged twice",
            "I was billed two times",
            "The weather is sunny today",
            "Please reset my password, the login page says my account is locked.",
            "The QuickBooks sync in Storefront stopped working two days ago and throws E-1042.",
            "",
            "   ",
            "Can we get a trial extension for Ledger? We need two more weeks to test the reports module.",
            "Danke für die schnelle Antwort!",
            "🙂 refund??");

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2().threads(2));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static float[] one(String text) {
        return embedder.embed(List.of(text)).get(0);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double length(float[] v) {
        double s = 0;
        for (float x : v) s += x * x;
        return Math.sqrt(s);
    }

    @Test
    void dimensions_is384() {
        assertThat(embedder.dimensions()).isEqualTo(384);
    }

    @Test
    void embed_everyText_returnsOneVectorOf384Floats() {
        List<float[]> vectors = embedder.embed(TICKETS);

        assertThat(vectors)
                .hasSize(TICKETS.size())
                .allSatisfy(v -> assertThat(v).hasSize(384));
    }

    @Test
    void embed_sameTextTwice_returnsIdenticalVectors() {
        float[] first = one("My order #1042 never arrived");
        float[] second = one("My order #1042 never arrived");

        assertThat(second).containsExactly(first);
    }

    @Test
    void embed_differentTexts_returnDifferentVectors() {
        assertThat(one("My order never arrived")).isNotEqualTo(one("My order arrived broken"));
    }

    @Test
    void embed_anyText_returnsUnitLengthVector() {
        for (float[] v : embedder.embed(TICKETS)) {
            assertThat(length(v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void embed_paraphrase_isCloserThanUnrelatedText() {
        float[] invoice = one("The invoice was charged twice");

        double paraphrase = cosine(invoice, one("I was billed two times"));
        double unrelated = cosine(invoice, one("The weather is sunny today"));

        assertThat(paraphrase).isGreaterThan(unrelated + 0.2);
    }

    @Test
    void embed_batch_equalsOneByOne() {
        List<float[]> batch = embedder.embed(TICKETS);

        for (int i = 0; i < TICKETS.size(); i++) {
            assertThat(batch.get(i)).as("text %d", i).containsExactly(one(TICKETS.get(i)));
        }
    }

    @Test
    void embed_textInDifferentBatches_getsTheSameVector() {
        String text = "Our Inventory workspace lost access after the upgrade";

        float[] withShortNeighbours = embedder.embed(List.of("hi", text, "ok")).get(1);
        float[] withLongNeighbour =
                embedder.embed(List.of("word ".repeat(200), text)).get(1);

        assertThat(withLongNeighbour).containsExactly(withShortNeighbours);
    }

    @Test
    void embed_emptyString_returnsUnitVectorDistinctFromText() {
        float[] empty = one("");

        assertThat(length(empty)).isCloseTo(1.0, within(1e-5));
        assertThat(empty).isNotEqualTo(one("refund"));
    }

    @Test
    void embed_emptyList_returnsEmptyList() {
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    @Test
    void embed_severalThreadsAtOnce_returnSameVectorsAsOneThread() throws Exception {
        List<float[]> expected = embedder.embed(TICKETS);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<float[]>>> calls = new ArrayList<>();
            for (int c = 0; c < 8; c++) calls.add(() -> embedder.embed(TICKETS));

            for (Future<List<float[]>> f : callers.invokeAll(calls)) {
                List<float[]> got = f.get();
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(got.get(i)).containsExactly(expected.get(i));
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void embed_oneWorkerThread_givesSameVectorsAsTwo() {
        try (MiniLmEmbedder single =
                new MiniLmEmbedder(LocalEmbeddingModel.allMiniLmL6V2().threads(1))) {
            List<float[]> one = single.embed(TICKETS);
            List<float[]> two = embedder.embed(TICKETS);

            for (int i = 0; i < TICKETS.size(); i++) {
                assertThat(one.get(i)).containsExactly(two.get(i));
            }
        }
    }

    @Test
    void embed_manyTexts_keepsTheirOrder() {
        List<String> texts =
                IntStream.range(0, 40).mapToObj(i -> "ticket number " + i).toList();

        List<float[]> vectors = embedder.embed(texts);

        assertThat(vectors.get(17)).containsExactly(one("ticket number 17"));
        assertThat(vectors.get(39)).containsExactly(one("ticket number 39"));
    }

    @Test
    void embed_textBeyond256Tokens_ignoresTheRest() {
        // [CLS] + 253 x "alpha" + "zebra" + [SEP] = 256 tokens: "lion" is the 257th and is cut off
        String full = "alpha ".repeat(253) + "zebra";

        assertThat(one(full + " lion")).containsExactly(one(full));
    }

    @Test
    void embed_lastTokenWithin256_changesTheVector() {
        String prefix = "alpha ".repeat(253);

        assertThat(one(prefix + "zebra")).isNotEqualTo(one(prefix + "lion"));
    }

    @Test
    void embed_nullText_throwsNamingTheIndex() {
        List<String> texts = Arrays.asList("a", "b", null);

        assertThatThrownBy(() -> embedder.embed(texts))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("null text at index 2 of 3")
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void embed_nullList_throwsInvalidArgument() {
        assertThatThrownBy(() -> embedder.embed(null))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("null list")
                .extracting(e -> ((QuarryException) e).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
