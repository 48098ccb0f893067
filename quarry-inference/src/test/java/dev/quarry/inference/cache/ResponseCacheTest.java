package dev.quarry.inference.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.QuarryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private static byte[] key(int i) {
        return ByteBuffer.allocate(32).putInt(i).array();
    }

    private static byte[] value(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private ResponseCache open(long maxBytes) {
        return ResponseCache.open(dir, maxBytes, DAY, clock::get);
    }

    @Test
    void get_afterPutReturnsValue() {
        try (ResponseCache c = open(1 << 20)) {
            c.put(key(1), value("one"));
            assertThat(c.get(key(1)))
                    .hasValueSatisfying(v ->
                            assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("one"));
            assertThat(c.get(key(2))).isEmpty();
            assertThat(c.hits()).isEqualTo(1);
            assertThat(c.misses()).isEqualTo(1);
        }
    }

    @Test
    void open_survivesRestart() {
        try (ResponseCache c = open(1 << 20)) {
            c.put(key(1), value("one"));
            c.put(key(1), value("uno"));
            c.put(key(2), value("two"));
        }
        try (ResponseCache c = open(1 << 20)) {
            assertThat(c.entries()).isEqualTo(2);
            assertThat(new String(c.get(key(1)).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("uno");
        }
    }

    @Test
    void get_expiredEntryIsMiss() {
        try (ResponseCache c = open(1 << 20)) {
            c.put(key(1), value("one"));
            clock.addAndGet(DAY + 1);
            assertThat(c.get(key(1))).isEmpty();
        }
    }

    @Test
    void open_dropsExpiredEntries() {
        try (ResponseCache c = open(1 << 20)) {
            c.put(key(1), value("one"));
        }
        clock.addAndGet(2 * DAY);
        try (ResponseCache c = open(1 << 20)) {
            assertThat(c.entries()).isZero();
        }
    }

    @Test
    void put_beyondSizeBoundEvictsLeastRecentlyUsed() {
        long record = ResponseCache.HEADER + 32 + 100;
        try (ResponseCache c = open(3 * record)) {
            c.put(key(1), new byte[100]);
            c.put(key(2), new byte[100]);
            c.put(key(3), new byte[100]);
            c.get(key(1)); // 2 is now the least recently used
            c.put(key(4), new byte[100]);
            assertThat(c.get(key(2))).isEmpty();
            assertThat(c.get(key(1))).isPresent();
            assertThat(c.get(key(4))).isPresent();
            assertThat(c.evictions()).isEqualTo(1);
        }
    }

    @Test
    void open_tornTailIsCutAndEarlierEntriesKept() throws IOException {
        try (ResponseCache c = open(1 << 20)) {
            c.put(key(1), value("one"));
            c.put(key(2), value("two"));
        }
        Path log = dir.resolve(ResponseCache.LOG);
        long size = Files.size(log);
        byte[] all = Files.readAllBytes(log);
        Files.write(log, java.util.Arrays.copyOf(all, (int) size - 2)); // crash in the middle of the second write
        try (ResponseCache c = open(1 << 20)) {
            assertThat(c.get(key(1))).isPresent();
            assertThat(c.get(key(2))).isEmpty();
            c.put(key(3), value("three"));
        }
        try (ResponseCache c = open(1 << 20)) {
            assertThat(c.entries()).isEqualTo(2);
            assertThat(new String(c.get(key(3)).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("three");
        }
    }

    @Test
    void open_corruptRecordStopsLoadingThere() throws IOException {
        try (ResponseCache c = open(1 << 20)) {
            c.put(key(1), value("one"));
            c.put(key(2), value("two"));
        }
        Path log = dir.resolve(ResponseCache.LOG);
        byte[] all = Files.readAllBytes(log);
        all[all.length - 1] ^= 0x55; // flip bits in the last value: CRC mismatch
        Files.write(log, all);
        try (ResponseCache c = open(1 << 20)) {
            assertThat(c.get(key(1))).isPresent();
            assertThat(c.get(key(2))).isEmpty();
        }
    }

    @Test
    void put_compactsWhenMostOfTheLogIsDead() {
        try (ResponseCache c = open(1 << 20)) {
            for (int i = 0; i < 400; i++) c.put(key(1), new byte[10_000]);
            assertThat(c.fileBytes()).isLessThan(3L << 20);
            assertThat(c.entries()).isEqualTo(1);
        }
        try (ResponseCache c = open(1 << 20)) {
            assertThat(c.get(key(1))).hasValueSatisfying(v -> assertThat(v).hasSize(10_000));
        }
    }

    @Test
    void open_sameDirectoryTwiceFailsWithClearMessage() {
        try (ResponseCache c = open(1 << 20)) {
            assertThatThrownBy(() -> open(1 << 20))
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("in use by another session");
        }
    }
}
