package dev.quarry.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.DataFrame;
import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import dev.quarry.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of every conformance test class: a fresh session per test over a temporary data
 * directory, the shared test data, and helpers for files and errors. A backend runs the suite by
 * subclassing each {@code *Conformance} class and implementing {@link #newSession(Path)}.
 *
 * <pre>{@code
 * class LocalJoinConformanceTest extends JoinConformance {
 *     @Override
 *     protected Session newSession(Path dataDir) {
 *         return Session.builder().dataDir(dataDir).build();
 *     }
 * }
 * }</pre>
 */
public abstract class ConformanceSuite {
    /** A directory of its own for every test; the session's data directory and test files live in it. */
    @TempDir
    protected Path tempDir;

    /** The session of the running test, opened before it and closed after it. */
    protected Session session;

    /**
     * Opens a session of the backend under test whose catalog, caches and temporary files live in
     * {@code dataDir}. Called once before every test, and again by tests that reopen the catalog.
     *
     * <pre>{@code return Session.builder().dataDir(dataDir).build();}</pre>
     *
     * @param dataDir an empty (or previously used) directory owned by the test
     * @return a new session
     */
    protected abstract Session newSession(Path dataDir);

    @BeforeEach
    void openSession() {
        session = newSession(dataDir());
    }

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    /** The session's data directory (inside {@link #tempDir}). */
    protected Path dataDir() {
        return tempDir.resolve("quarry-data");
    }

    /** A path for a test file (inside {@link #tempDir}, outside the data directory); not created. */
    protected Path file(String name) {
        Path dir = tempDir.resolve("files");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name);
    }

    /** Writes a UTF-8 text file for a test and returns its path as a string. */
    protected String writeText(String name, String... lines) {
        Path p = file(name);
        try {
            Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.toString();
    }

    /** An ordered map for {@code createDataFrame}, from alternating keys and values; values may be null. */
    protected static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("map(...) takes key, value pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * Checks that the call throws a {@link QuarryException} with this code, and returns an assertion
     * on it for the message.
     */
    protected static AbstractThrowableAssert<?, ? extends Throwable> assertQuarryError(
            ErrorCode code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a QuarryException with code %s", code).isInstanceOf(QuarryException.class);
        assertThat(((QuarryException) thrown).code())
                .as("code of the QuarryException \"%s\"", thrown.getMessage())
                .isEqualTo(code);
        return assertThat(thrown);
    }

    // ------------------------------------------------------------------ shared data

    /** people: id bigint not null, name string, age int, city string. */
    protected DataFrame people() {
        return session.createDataFrame(TestData.PEOPLE, TestData.Person.class);
    }

    /** orders: orderId bigint not null, customerId bigint, amount double not null. */
    protected DataFrame orders() {
        return session.createDataFrame(TestData.ORDERS, TestData.Order.class);
    }

    /** sales: region string, product string, qty int, price double. */
    protected DataFrame sales() {
        return session.createDataFrame(TestData.SALES, TestData.Sale.class);
    }

    /** tickets: id bigint not null, info struct&lt;product: string, priority: int&gt;, tags array&lt;string&gt;. */
    protected DataFrame tickets() {
        return session.createDataFrame(TestData.TICKETS, TestData.Ticket.class);
    }

    /** people with no rows, same schema. */
    protected DataFrame noPeople() {
        return session.createDataFrame(List.of(), TestData.Person.class);
    }
}
