package org.ts4kit.dbpf;

import org.ts4kit.codec.Limits;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.telemetry.Telemetry;

/**
 * What a read may use and must respect, passed in rather than reached for (the way Lucene passes
 * an {@code InfoStream}): the cap on one resource's declared size, the buffer pool that scans decode
 * into and that zip members are inflated into, and the telemetry that records opens, reads and
 * errors. {@link #defaults()} gives today's process-wide settings; an immutable value, so one
 * instance can serve every thread.
 *
 * <pre>{@code
 * ReadOptions quiet = ReadOptions.defaults().withTelemetry(new Telemetry()).withMaxResourceBytes(64 << 20);
 * try (DbpfPackage pkg = DbpfPackage.open(Path.of("mod.package"), quiet)) { ... }
 * }</pre>
 */
public final class ReadOptions {
    private final long maxResourceBytes;
    private final BufferPool pool;
    private final Telemetry telemetry;

    private ReadOptions(long maxResourceBytes, BufferPool pool, Telemetry telemetry) {
        this.maxResourceBytes = Limits.checkCap(maxResourceBytes, "max resource bytes");
        this.pool = pool;
        this.telemetry = telemetry;
    }

    /**
     * The process-wide settings as they are now: {@link Limits#maxResourceBytes()}
     * ({@code -Dts4kit.maxResourceBytes}), {@link BufferPool#shared()}, {@link Telemetry#get()}.
     */
    public static ReadOptions defaults() {
        return new ReadOptions(Limits.maxResourceBytes(), BufferPool.shared(), Telemetry.get());
    }

    /** The largest declared decompressed size one resource (or one zip member) may have. */
    public long maxResourceBytes() {
        return maxResourceBytes;
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
        return new ReadOptions(bytes, pool, telemetry);
    }

    public ReadOptions withPool(BufferPool newPool) {
        return new ReadOptions(maxResourceBytes, java.util.Objects.requireNonNull(newPool, "pool"), telemetry);
    }

    public ReadOptions withTelemetry(Telemetry newTelemetry) {
        return new ReadOptions(maxResourceBytes, pool, java.util.Objects.requireNonNull(newTelemetry, "telemetry"));
    }
}
