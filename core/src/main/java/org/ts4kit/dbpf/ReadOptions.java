package org.ts4kit.dbpf;

import java.util.Objects;
import org.ts4kit.codec.Limits;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.telemetry.Telemetry;

/**
 * What a read may use and must respect, passed in rather than reached for (the way Lucene passes
 * an {@code InfoStream}): the limits that keep hostile input cheap, the buffer pool that scans decode
 * into and that zip members are inflated into, and the telemetry that records opens, reads and
 * errors. {@link #defaults()} gives today's process-wide settings; an immutable value, so one
 * instance can serve every thread.
 *
 * <p>The limits, each named in the error when a file hits it:
 * <ul>
 * <li>{@link #maxResourceBytes()}: one resource's (or zip member's) declared decompressed size
 *     ({@code -Dts4kit.maxResourceBytes}, default 256 MiB);
 * <li>{@link #maxEntries()}: index entries per package ({@code -Dts4kit.maxEntries}, default 4,000,000;
 *     the largest game packages hold a few hundred thousand), checked before any index array exists;
 * <li>{@link #maxDecodeRatio()} and {@link #maxDecodedBytes()}: bytes decompressed per package (or per
 *     zip archive), in all, at most the ratio times its size on disk (but always one largest resource)
 *     and never over the absolute cap ({@code -Dts4kit.maxDecodeRatio}, default 100;
 *     {@code -Dts4kit.maxDecodedBytes}, default 16 GiB): many records that share one stored stream,
 *     or zip members that share one local header, cannot turn a small file into hours of inflating.
 * </ul>
 *
 * <pre>{@code
 * ReadOptions quiet = ReadOptions.defaults().withTelemetry(new Telemetry()).withMaxResourceBytes(64 << 20);
 * try (DbpfPackage pkg = DbpfPackage.open(Path.of("mod.package"), quiet)) { ... }
 * }</pre>
 */
public final class ReadOptions {
    public static final int DEFAULT_MAX_ENTRIES = 4_000_000;
    /** More entries than the index's arrays (and 32 bytes of hash per entry) can hold. */
    static final int HARD_MAX_ENTRIES = (Integer.MAX_VALUE - 16) / 32;

    private final long maxResourceBytes;
    private final int maxEntries;
    private final long maxDecodeRatio;
    private final long maxDecodedBytes;
    private final BufferPool pool;
    private final Telemetry telemetry;

    private ReadOptions(long maxResourceBytes, int maxEntries, long maxDecodeRatio, long maxDecodedBytes, BufferPool pool,
            Telemetry telemetry) {
        this.maxResourceBytes = Limits.checkCap(maxResourceBytes, "max resource bytes");
        this.maxEntries = (int) check(maxEntries, 0, HARD_MAX_ENTRIES, "max entries");
        this.maxDecodeRatio = check(maxDecodeRatio, 1, Long.MAX_VALUE, "max decode ratio");
        this.maxDecodedBytes = check(maxDecodedBytes, 0, Long.MAX_VALUE, "max decoded bytes");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    private static long check(long v, long min, long max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ": " + v);
        }
        return v;
    }

    /**
     * The process-wide settings as they are now: {@link Limits#maxResourceBytes()}
     * ({@code -Dts4kit.maxResourceBytes}), the other limits from their system properties (above),
     * {@link BufferPool#shared()}, {@link Telemetry#get()}.
     */
    public static ReadOptions defaults() {
        long entries = Limits.sizeProperty("ts4kit.maxEntries", DEFAULT_MAX_ENTRIES);
        return new ReadOptions(Limits.maxResourceBytes(), (int) Math.min(entries, Integer.MAX_VALUE),
                Limits.sizeProperty("ts4kit.maxDecodeRatio", Limits.DEFAULT_MAX_DECODE_RATIO),
                Limits.sizeProperty("ts4kit.maxDecodedBytes", Limits.DEFAULT_MAX_DECODED_BYTES), BufferPool.shared(), Telemetry.get());
    }

    /** The largest declared decompressed size one resource (or one zip member) may have. */
    public long maxResourceBytes() {
        return maxResourceBytes;
    }

    /** The most index entries a package may declare. */
    public int maxEntries() {
        return maxEntries;
    }

    /** Bytes decompressed per package or archive, in all, per byte of its size on disk. */
    public long maxDecodeRatio() {
        return maxDecodeRatio;
    }

    /** Bytes decompressed per package or archive, in all, whatever its size. */
    public long maxDecodedBytes() {
        return maxDecodedBytes;
    }

    /**
     * What a package or archive of {@code size} bytes may decompress in all: {@link #maxDecodeRatio()}
     * times its size, but at least one resource of {@link #maxResourceBytes()}, and at most
     * {@link #maxDecodedBytes()}.
     */
    public long decodeBudget(long size) {
        return Limits.decodeBudget(size, maxResourceBytes, maxDecodeRatio, maxDecodedBytes);
    }

    /** Where scans take decode buffers and zip members their inflated bytes. */
    public BufferPool pool() {
        return pool;
    }

    /** Where opens, reads and errors are recorded. */
    public Telemetry telemetry() {
        return telemetry;
    }

    public ReadOptions withMaxResourceBytes(long bytes) {
        return new ReadOptions(bytes, maxEntries, maxDecodeRatio, maxDecodedBytes, pool, telemetry);
    }

    public ReadOptions withMaxEntries(int entries) {
        return new ReadOptions(maxResourceBytes, entries, maxDecodeRatio, maxDecodedBytes, pool, telemetry);
    }

    /** Sets the relative ({@code ratio}) and absolute ({@code bytes}) bounds of {@link #decodeBudget}. */
    public ReadOptions withDecodeLimits(long ratio, long bytes) {
        return new ReadOptions(maxResourceBytes, maxEntries, ratio, bytes, pool, telemetry);
    }

    public ReadOptions withPool(BufferPool newPool) {
        return new ReadOptions(maxResourceBytes, maxEntries, maxDecodeRatio, maxDecodedBytes, newPool, telemetry);
    }

    public ReadOptions withTelemetry(Telemetry newTelemetry) {
        return new ReadOptions(maxResourceBytes, maxEntries, maxDecodeRatio, maxDecodedBytes, pool, newTelemetry);
    }
}
