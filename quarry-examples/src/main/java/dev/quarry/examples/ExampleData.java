package dev.quarry.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The datasets bundled with the examples (300 support tickets and their 60 customers), copied to a
 * directory so that any reader can open them as files.
 *
 * <pre>{@code Path tickets = ExampleData.copyTo(dir, "tickets.csv");}</pre>
 */
public final class ExampleData {
    private ExampleData() {}

    /**
     * Copies a bundled file into a directory, creating it if needed, and returns its path.
     *
     * <pre>{@code Path customers = ExampleData.copyTo(Path.of("work"), "customers.csv");}</pre>
     *
     * @param dir the target directory
     * @param name the bundled file: {@code tickets.csv} or {@code customers.csv}
     * @return the path of the copy
     */
    public static Path copyTo(Path dir, String name) {
        try (InputStream in = ExampleData.class.getResourceAsStream("data/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "No bundled example file '" + name + "'; bundled: tickets.csv, customers.csv");
            }
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot copy example file '" + name + "' to " + dir + ": " + e.getMessage(), e);
        }
    }
}
