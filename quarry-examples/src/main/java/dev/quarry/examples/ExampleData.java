package dev.quarry.examples;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The datasets bundled with the examples, copied to a directory so that any reader can open them as
 * files: 300 support tickets and their 60 customers, 120 service log lines, 3 meeting transcripts,
 * 80 product reviews, 20 CRM accounts and 20 invoice vendors, and 90 app feedback comments
 * ({@code tools/make_demo_data.py} and {@code tools/make_example_data.py} write them).
 *
 * <pre>{@code Path tickets = ExampleData.copyTo(dir, "tickets.csv");}</pre>
 */
public final class ExampleData {
    /** The bundled files. */
    public static final List<String> FILES = List.of(
            "tickets.csv",
            "customers.csv",
            "logs.csv",
            "meetings.jsonl",
            "reviews.csv",
            "crm_accounts.csv",
            "vendor_invoices.csv",
            "feedback.csv");

    private ExampleData() {}

    /**
     * Copies a bundled file into a directory, creating it if needed, and returns its path.
     *
     * <pre>{@code Path customers = ExampleData.copyTo(Path.of("work"), "customers.csv");}</pre>
     *
     * @param dir the target directory
     * @param name one of the {@link #FILES}
     * @return the path of the copy
     */
    public static Path copyTo(Path dir, String name) {
        try (InputStream in = ExampleData.class.getResourceAsStream("data/" + name)) {
            if (in == null) {
                throw new QuarryException(
                        ErrorCode.INVALID_ARGUMENT,
                        "No bundled example file '" + name + "'; bundled: " + String.join(", ", FILES) + ".");
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR,
                    "Cannot copy example file '" + name + "' to " + dir + ": " + e.getMessage()
                            + ". Choose a writable work directory.",
                    e);
        }
    }
}
