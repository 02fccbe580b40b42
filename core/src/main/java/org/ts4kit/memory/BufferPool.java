package org.ts4kit.memory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap buffers for decompression output, pooled by size class (powers of two from 4 KiB to
 * 256 MiB). {@link #acquire} returns an array of at least the size asked for, {@link #release}
 * gives it back. Each class keeps a bounded number of idle arrays and the whole pool a bounded
 * number of idle bytes, so a burst of large resources does not pin memory forever. Thread-safe and
 * lock-free on the common path (one queue per class).
 */
public final class BufferPool {
    static final int MIN_SHIFT = 12;
    static final int MAX_SHIFT = 28;

    private final ArrayBlockingQueue<byte[]>[] classes;
    private final long maxIdleBytes;
    private final AtomicLong idleBytes = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    /** {@code perClass} idle arrays per size class at most, and {@code maxIdleBytes} idle in all. */
    @SuppressWarnings("unchecked")
    public BufferPool(int perClass, long maxIdleBytes) {
        this.classes = new ArrayBlockingQueue[MAX_SHIFT - MIN_SHIFT + 1];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = new ArrayBlockingQueue<>(Math.max(1, perClass));
        }
        this.maxIdleBytes = maxIdleBytes;
    }

    /** The process's pool for scans (decompression output, inflated zip members): sized by {@link #forThisMachine}. */
    public static BufferPool shared() {
        return Shared.POOL;
    }

    private static final class Shared {
        static final BufferPool POOL = forThisMachine();
    }

    /** A pool sized for a scan: 2 idle arrays per class per core, at most 256 MiB idle. */
    public static BufferPool forThisMachine() {
        return new BufferPool(2 * Runtime.getRuntime().availableProcessors(), 256L << 20);
    }

    /** The size class (index) that holds {@code size} bytes, or -1 when it is larger than any class. */
    static int classOf(int size) {
        int shift = Math.max(MIN_SHIFT, 32 - Integer.numberOfLeadingZeros(Math.max(1, size) - 1));
        return shift > MAX_SHIFT ? -1 : shift - MIN_SHIFT;
    }

    /** An array of at least {@code size} bytes (its content is undefined). */
    public byte[] acquire(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        int c = classOf(size);
        if (c < 0) {
            misses.incrementAndGet();
            return new byte[size]; // beyond the largest class: not pooled
        }
        byte[] b = classes[c].poll();
        if (b != null) {
            idleBytes.addAndGet(-b.length);
            hits.incrementAndGet();
            return b;
        }
        misses.incrementAndGet();
        return new byte[1 << (c + MIN_SHIFT)];
    }

    /** Gives an array from {@link #acquire} back; arrays of other sizes are ignored. */
    public void release(byte[] b) {
        int c = classOf(b.length);
        if (c < 0 || b.length != 1 << (c + MIN_SHIFT)) {
            return;
        }
        if (idleBytes.addAndGet(b.length) > maxIdleBytes || !classes[c].offer(b)) {
            idleBytes.addAndGet(-b.length);
        }
    }

    public long idleBytes() {
        return idleBytes.get();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}
