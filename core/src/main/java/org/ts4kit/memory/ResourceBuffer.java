package org.ts4kit.memory;

/**
 * A reusable output buffer for decompressed resources, owned by one thread at a time. It grows to
 * the next power of two when a resource does not fit and never shrinks, so a scan settles on one
 * array and allocates nothing per resource in steady state.
 */
public final class ResourceBuffer {
    private byte[] array;
    private java.nio.ByteBuffer view;

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

    /**
     * A view of the first {@code size} bytes of the current array, reused from call to call while
     * the array stays the same (so reading into this buffer allocates nothing per resource).
     */
    public java.nio.ByteBuffer view(int size) {
        byte[] a = array(size);
        if (view == null || view.array() != a) {
            view = java.nio.ByteBuffer.wrap(a);
        }
        view.clear().limit(size);
        return view;
    }

    public int capacity() {
        return array.length;
    }
}
