package dev.quarry.testing;

import static dev.quarry.types.DataTypes.*;

import dev.quarry.Description;
import dev.quarry.Session;
import dev.quarry.models.LocalEmbeddingModel;
import dev.quarry.models.OpenAIEmbeddingModel;
import dev.quarry.models.OpenAIModel;
import dev.quarry.types.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Sessions with models and a tickets file, for tests of the semantic operators. */
public final class SemanticFixtures {
    private SemanticFixtures() {}

    /** The schema of {@code tickets.csv}. */
    public static final Schema TICKETS = Schema.of(
            field("id", LONG),
            field("status", STRING),
            field("team", STRING),
            field("body", STRING),
            field("created_at", TIMESTAMP),
            field("priority", INTEGER));

    /** The schema of {@code products.parquet}. */
    public static final Schema PRODUCTS =
            Schema.of(field("sku", STRING), field("title", STRING), field("price", DOUBLE));

    /** A ticket record described for extraction. */
    public record TicketInfo(
            @Description("product the customer writes about")
            String product,

            @Description("true if the customer asks for money back")
            boolean wantsRefund,

            @Description("error codes quoted in the ticket") List<String> errorCodes,

            @Description("where the customer lives, if said")
            Optional<Address> address,

            @Description("how urgent the ticket is") Urgency urgency) {}

    /** An enum component. */
    public enum Urgency {
        LOW,
        HIGH
    }

    /** A nested record. */
    public record Address(
            @Description("the city") String city,
            @Description("the country") String country) {}

    /**
     * A session over the backend with language models {@code fast} (default) and {@code claude},
     * embedding models {@code mini} (384, default) and {@code openai} (1536).
     */
    public static Session session(FakeBackend backend, Path dir) {
        backend.files.put("tickets.csv", TICKETS);
        backend.files.put("products.parquet", PRODUCTS);
        return Session.builder()
                .appName("test")
                .dataDir(dir.resolve("data"))
                .backendFactory(backend.factory())
                .languageModel("fast", OpenAIModel.of("gpt-4.1-nano"))
                .languageModel("claude", OpenAIModel.of("gpt-4.1-mini"))
                .defaultLanguageModel("fast")
                .embeddingModel("mini", LocalEmbeddingModel.allMiniLmL6V2())
                .embeddingModel("openai", OpenAIEmbeddingModel.of("text-embedding-3-small"))
                .defaultEmbeddingModel("mini")
                .build();
    }
}
