package dev.quarry.spi;

/**
 * Creates a {@link Backend} for a session. Implementations are found with
 * {@link java.util.ServiceLoader}: a backend module lists its factory in
 * {@code META-INF/services/dev.quarry.spi.BackendFactory}. The session picks the factory named by
 * {@code Session.builder().backend(name)}, or the one with the highest {@link #priority()}.
 */
public interface BackendFactory {
    /** The backend's name, e.g. {@code local} or {@code spark}. */
    String name();

    /** Preference when no backend is named; the highest wins. */
    default int priority() {
        return 0;
    }

    /** Creates the backend; it is closed with the session. */
    Backend create(SessionConfig config);
}
