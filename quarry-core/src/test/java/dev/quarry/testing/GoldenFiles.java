package dev.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text to a file under {@code src/test/resources/}. Run the tests with
 * {@code -Dquarry.updateGolden=true} to (re)write the files, then review them as a diff.
 */
public final class GoldenFiles {
    private static final Path ROOT = Path.of("src", "test", "resources");

    private GoldenFiles() {}

    public static void assertMatches(String resource, String actual) {
        Path file = ROOT.resolve(resource);
        String normalized = actual.replace("\r\n", "\n");
        try {
            if (Boolean.getBoolean("quarry.updateGolden")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, normalized, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("Golden file " + file.toAbsolutePath() + " is missing; run the test with"
                        + " -Dquarry.updateGolden=true to create it, then review it. Actual:\n" + normalized);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertThat(normalized)
                    .as("plan differs from golden file %s (rerun with -Dquarry.updateGolden=true to update)", file)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
