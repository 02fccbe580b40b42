package org.ts4kit.memory;

import java.nio.ByteBuffer;

/**
 * A reusable output buffer for decompressed resources, owned by one thread at a time. It grows to
 * the next power of two when a resource does not fit and never shrinks, so a scan settles on one
 * array and allocates nothing per resource in steady state.
 *
 * <p>A buffer made with a {@link BufferPool} takes its arrays from the pool's size classes and
 * gives them back when it grows and when it is closed, so scan threads share a bounded set of
 * large arrays instead of each keeping the largest resource it ever met:
 *
 * <pre>{@code
 * try (ResourceBuffer buffer = new ResourceBuffer(BufferPool.shared())) {
 *     ... pkg.reader(buffer) ...
 * }   // the array goes back to the pool
 * }</pre>
 */
public final class ResourceBuffer implements AutoCloseable {
    private static final byte[] NONE = new byte[0];
    private static final int DEFAULT_CAPACITY = 64 << 10;

    private final BufferPool pool;
    private byte[] array;
    private ByteBuffer view;

    public ResourceBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public ResourceBuffer(int initialCapacity) {
        this.pool = null;
        this.array = new byte[Math.max(16, initialCapacity)];
    }

    /** A buffer whose arrays come from {@code pool} (the first one on first use). */
    public ResourceBuffer(BufferPool pool) {
        this.pool = pool;
        this.array = NONE;
    }

    /** An array of at least {@code size} bytes; its content is undefined. */
    public byte[] array(int size) {
        if (size > array.length) {
            if (pool != null) {
                pool.release(array); // ignored for the empty start array
                array = pool.acquire(Math.max(size, DEFAULT_CAPACITY));
            } else {
                long grown = Long.highestOneBit(Math.max(1, size - 1)) << 1;
                array = new byte[(int) Math.min(grown, Integer.MAX_VALUE - 16)];
            }
        }
        return array;
    }

    /**
     * A view of the first {@code size} bytes of the current array, reused from call to call while
     * the array stays the same (so reading into this buffer allocates nothing per resource).
     */
    public ByteBuffer view(int size) {
        byte[] a = array(size);
        if (view == null || view.array() != a) {
            view = ByteBuffer.wrap(a);
        }
        view.clear().limit(size);
        return view;
    }

    public int capacity() {
        return array.length;
    }

    /** Gives a pooled array back (a no-op for an unpooled buffer); the buffer stays usable. */
    @Override
    public void close() {
        if (pool != null && array != NONE) {
            pool.release(array);
            array = NONE;
            view = null;
        }
    }
}
