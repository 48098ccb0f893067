package dev.quarry.inference.cache;

import dev.quarry.ErrorCode;
import dev.quarry.QuarryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;

/**
 * A persistent key-value store for model answers: an append-only log file with an in-memory index.
 * It survives restarts, expires entries after a TTL, keeps its size under a bound by evicting the
 * least recently used entries, and compacts the log when most of it is dead.
 *
 * <p>Every record carries a CRC-32; on open the log is read up to the last intact record and cut
 * there, so a crash in the middle of a write loses at most that record and never corrupts the
 * cache. Compaction writes a new file and renames it atomically. One process at a time owns a
 * cache directory (a file lock guards it).
 *
 * <pre>{@code
 * try (ResponseCache cache = ResponseCache.open(dir, 256L << 20, Duration.ofDays(30).toMillis(), System::currentTimeMillis)) {
 *     cache.put(key, bytes);
 *     Optional<byte[]> hit = cache.get(key);
 * }
 * }</pre>
 */
public final class ResponseCache implements AutoCloseable {
    static final int MAGIC = 0x51434331; // "QCC1"
    /** magic, length, crc, created millis. */
    static final int HEADER = 4 + 4 + 4 + 8;

    static final String LOG = "responses.log";
    static final String LOCK = "responses.lock";
    /** Values up to this many bytes in total are also kept in memory. */
    static final long MEMORY_BUDGET = 64L << 20;

    private record Entry(long offset, int length, long created, byte[] value) {}

    private final Path dir;
    private final long maxBytes;
    private final long ttlMillis;
    private final LongSupplier clock;
    private final LinkedHashMap<Key, Entry> index = new LinkedHashMap<>(1024, 0.75f, true);
    private FileChannel channel;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private long end;
    private long liveBytes;
    private long memoryBytes;
    private long hits;
    private long misses;
    private long evictions;
    private boolean closed;

    /** A 32-byte key with value semantics. */
    private record Key(long a, long b, long c, long d) {
        static Key of(byte[] k) {
            ByteBuffer bb = ByteBuffer.wrap(k);
            return new Key(bb.getLong(), bb.getLong(), bb.getLong(), bb.getLong());
        }

        void write(ByteBuffer bb) {
            bb.putLong(a).putLong(b).putLong(c).putLong(d);
        }
    }

    private ResponseCache(Path dir, long maxBytes, long ttlMillis, LongSupplier clock) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new QuarryException(
                    ErrorCode.IO_ERROR,
                    "The response cache in '" + dir + "' is in use by another session; give this session its own"
                            + " dataDir or turn the response cache off");
        }
        lock = l;
        Files.deleteIfExists(dir.resolve(LOG + ".tmp"));
        channel = FileChannel.open(
                dir.resolve(LOG), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        load();
    }

    /**
     * Opens (or creates) the cache in a directory.
     *
     * <pre>{@code ResponseCache.open(dataDir.resolve("cache"), 256L << 20, 30L * 86_400_000, System::currentTimeMillis)}</pre>
     *
     * @param dir the directory
     * @param maxBytes the size bound of live entries
     * @param ttlMillis how long an entry stays valid
     * @param clock wall-clock milliseconds
     * @return the cache
     */
    public static ResponseCache open(Path dir, long maxBytes, long ttlMillis, LongSupplier clock) {
        try {
            return new ResponseCache(dir, maxBytes, ttlMillis, clock);
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR, "Cannot open the response cache in '" + dir + "': " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        long size = channel.size();
        long pos = 0;
        long now = clock.getAsLong();
        ByteBuffer header = ByteBuffer.allocate(HEADER + 32);
        while (pos + HEADER + 32 <= size) {
            header.clear();
            if (readFully(header, pos) < header.capacity()) break;
            header.flip();
            int magic = header.getInt();
            int length = header.getInt();
            int crc = header.getInt();
            long created = header.getLong();
            if (magic != MAGIC || length < 0 || pos + HEADER + 32 + (long) length > size) break;
            byte[] keyBytes = new byte[32];
            header.get(keyBytes);
            ByteBuffer value = ByteBuffer.allocate(length);
            if (readFully(value, pos + HEADER + 32) < length) break;
            if (crc != crc(created, keyBytes, value.array())) break;
            Key key = Key.of(keyBytes);
            Entry old = index.remove(key);
            if (old != null) forget(old);
            if (now - created < ttlMillis) {
                Entry e = new Entry(pos, length, created, remember(value.array()));
                index.put(key, e);
                liveBytes += recordSize(length);
            }
            pos += HEADER + 32 + length;
        }
        if (pos < size) {
            channel.truncate(pos); // a torn or corrupt tail: cut it off
            channel.force(true);
        }
        end = pos;
        evictOverflow();
    }

    private int readFully(ByteBuffer buf, long position) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, position + total);
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    private static int crc(long created, byte[] key, byte[] value) {
        CRC32 c = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(8).putLong(created);
        c.update(b.array());
        c.update(key);
        c.update(value);
        return (int) c.getValue();
    }

    private static long recordSize(int length) {
        return HEADER + 32L + length;
    }

    private byte[] remember(byte[] value) {
        if (memoryBytes + value.length <= MEMORY_BUDGET) {
            memoryBytes += value.length;
            return value;
        }
        return null;
    }

    private void forget(Entry e) {
        liveBytes -= recordSize(e.length());
        if (e.value() != null) memoryBytes -= e.value().length;
    }

    /**
     * Looks a key up; a hit becomes the most recently used entry.
     *
     * <pre>{@code Optional<byte[]> v = cache.get(fingerprint);}</pre>
     *
     * @param key a 32-byte key
     * @return the value, empty when absent or expired
     */
    public synchronized Optional<byte[]> get(byte[] key) {
        if (closed) return Optional.empty();
        Key k = Key.of(key);
        Entry e = index.get(k);
        if (e == null) {
            misses++;
            return Optional.empty();
        }
        if (clock.getAsLong() - e.created() >= ttlMillis) {
            index.remove(k);
            forget(e);
            misses++;
            return Optional.empty();
        }
        hits++;
        if (e.value() != null) return Optional.of(e.value());
        try {
            ByteBuffer buf = ByteBuffer.allocate(e.length());
            readFully(buf, e.offset() + HEADER + 32);
            return Optional.of(buf.array());
        } catch (IOException ex) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR, "Cannot read the response cache in '" + dir + "': " + ex.getMessage(), ex);
        }
    }

    /**
     * Stores a value (replacing an older one under the same key).
     *
     * <pre>{@code cache.put(fingerprint, answerBytes);}</pre>
     *
     * @param key a 32-byte key
     * @param value the value
     */
    public synchronized void put(byte[] key, byte[] value) {
        if (closed) return;
        if (key.length != 32) throw new IllegalArgumentException("cache keys are 32 bytes, was " + key.length);
        long created = clock.getAsLong();
        ByteBuffer rec = ByteBuffer.allocate(HEADER + 32 + value.length);
        rec.putInt(MAGIC).putInt(value.length).putInt(crc(created, key, value)).putLong(created);
        rec.put(key).put(value).flip();
        try {
            long pos = end;
            while (rec.hasRemaining()) {
                pos += channel.write(rec, pos);
            }
            Key k = Key.of(key);
            Entry old = index.remove(k);
            if (old != null) forget(old);
            index.put(k, new Entry(end, value.length, created, remember(value.clone())));
            liveBytes += recordSize(value.length);
            end = pos;
            evictOverflow();
            if (end > 2 * liveBytes + (1L << 20)) compact();
        } catch (IOException ex) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR, "Cannot write the response cache in '" + dir + "': " + ex.getMessage(), ex);
        }
    }

    private void evictOverflow() {
        Iterator<Map.Entry<Key, Entry>> it = index.entrySet().iterator();
        while (liveBytes > maxBytes && it.hasNext()) {
            Entry e = it.next().getValue();
            it.remove();
            forget(e);
            evictions++;
        }
    }

    /** Rewrites the live entries into a fresh log, then atomically replaces the old one. */
    private void compact() throws IOException {
        Path tmp = dir.resolve(LOG + ".tmp");
        Map<Key, Entry> moved = new HashMap<>();
        List<Key> order = new ArrayList<>(index.keySet());
        long pos = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (Key k : order) {
                Entry e = index.get(k);
                int total = HEADER + 32 + e.length();
                ByteBuffer buf = ByteBuffer.allocate(total);
                readFully(buf, e.offset());
                buf.flip();
                long p = pos;
                while (buf.hasRemaining()) p += out.write(buf, p);
                moved.put(k, new Entry(pos, e.length(), e.created(), e.value()));
                pos = p;
            }
            out.force(true);
        }
        channel.close();
        Files.move(tmp, dir.resolve(LOG), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        channel = FileChannel.open(dir.resolve(LOG), StandardOpenOption.READ, StandardOpenOption.WRITE);
        for (Key k : order) index.put(k, moved.get(k)); // same access order as before
        end = pos;
    }

    /**
     * Live entries.
     *
     * <pre>{@code long n = cache.entries();}</pre>
     *
     * @return the count
     */
    public synchronized int entries() {
        return index.size();
    }

    /**
     * Bytes of live entries (records with headers).
     *
     * <pre>{@code long b = cache.liveBytes();}</pre>
     *
     * @return the size
     */
    public synchronized long liveBytes() {
        return liveBytes;
    }

    /**
     * The log file's size, live and dead records.
     *
     * <pre>{@code long f = cache.fileBytes();}</pre>
     *
     * @return the size
     */
    public synchronized long fileBytes() {
        return end;
    }

    /**
     * Hits since opening.
     *
     * <pre>{@code long h = cache.hits();}</pre>
     *
     * @return the count
     */
    public synchronized long hits() {
        return hits;
    }

    /**
     * Misses since opening.
     *
     * <pre>{@code long m = cache.misses();}</pre>
     *
     * @return the count
     */
    public synchronized long misses() {
        return misses;
    }

    /**
     * Entries evicted to respect the size bound since opening.
     *
     * <pre>{@code long e = cache.evictions();}</pre>
     *
     * @return the count
     */
    public synchronized long evictions() {
        return evictions;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            channel.force(true);
            channel.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new QuarryException(
                    ErrorCode.IO_ERROR, "Cannot close the response cache in '" + dir + "': " + e.getMessage(), e);
        }
    }
}
