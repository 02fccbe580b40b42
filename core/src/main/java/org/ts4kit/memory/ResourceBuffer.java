package org.ts4kit.memory;

/**
 * A reusable output buffer for decompressed resources, owned by one thread at a time. It grows to
 * the next power of two when a resource does not fit and never shrinks, so a scan settles on one
 * array and allocates nothing per resource in steady state.
 */
public final class ResourceBuffer {
    private byte[] array;

    public ResourceBuffer() {
        this(64 << 10);
    }

    public ResourceBuffer(int initialCapacity) {
        array = new byte[Math.max(16, initialCapacity)];
    }

    /** An array of at least {@code size} bytes; its content is undefined. */
    public byte[] array(int size) {
        if (size > array.length) {
            long grown = Long.highestOneBit(Math.max(1, size - 1)) << 1;
            array = new byte[(int) Math.min(grown, Integer.MAX_VALUE - 16)];
        }
        return array;
    }

    public int capacity() {
        return array.length;
    }
}
