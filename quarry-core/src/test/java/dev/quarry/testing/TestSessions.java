package dev.quarry.testing;

import dev.quarry.Session;
import java.nio.file.Path;

/** Sessions over a {@link FakeBackend}. */
public final class TestSessions {
    private TestSessions() {}

    /** A session whose data directory is under {@code dir}. */
    public static Session session(FakeBackend backend, Path dir) {
        return Session.builder()
                .appName("test")
                .dataDir(dir.resolve("data"))
                .backendFactory(backend.factory())
                .build();
    }
}
