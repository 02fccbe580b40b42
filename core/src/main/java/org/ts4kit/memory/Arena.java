package org.ts4kit.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Off-heap scratch for the work on one package: bump allocation out of direct chunks, all of it
 * freed at once by {@link #reset()} when the package is done. Chunks are kept for the next package,
 * so a scan that resets after each package allocates off-heap memory only while it grows.
 *
 * <p>Thread-safe: allocations lock (an arena serves a package's work, a handful of allocations,
 * not a hot loop), so threads working on the same package may share it. {@link #reset()} frees
 * everything for everyone: call it once all of them are done with what they allocated.
 */
public final class Arena {
    private final int chunkSize;
    private final List<ByteBuffer> chunks = new ArrayList<>();
    private int chunk;
    private int offset;
    private long allocated;

    public Arena(int chunkSize) {
        if (chunkSize < 64) {
            throw new IllegalArgumentException("chunk size too small: " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /**
     * {@code size} bytes of zeroed-or-stale scratch, 8-byte aligned, little-endian, valid until the
     * next {@link #reset()}. Requests larger than a chunk get a dedicated chunk.
     */
    public synchronized ByteBuffer allocate(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        int aligned = (offset + 7) & ~7;
        if (chunk < chunks.size() && aligned + size <= chunks.get(chunk).capacity()) {
            offset = aligned + size;
            allocated += size;
            return chunks.get(chunk).slice(aligned, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        // move to the next chunk that fits, creating one if needed
        chunk++;
        while (chunk < chunks.size() && chunks.get(chunk).capacity() < size) {
            chunk++; // too small for this request; it serves smaller ones after the next reset
        }
        if (chunk >= chunks.size()) {
            chunks.add(ByteBuffer.allocateDirect(Math.max(chunkSize, size)));
            chunk = chunks.size() - 1;
        }
        offset = size;
        allocated += size;
        return chunks.get(chunk).slice(0, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Frees everything allocated since the last reset; earlier buffers must not be used after this. */
    public synchronized void reset() {
        chunk = 0;
        offset = 0;
        allocated = 0;
    }

    /** Bytes handed out since the last reset. */
    public synchronized long allocated() {
        return allocated;
    }

    /** Off-heap bytes the arena holds. */
    public synchronized long reserved() {
        long r = 0;
        for (ByteBuffer b : chunks) {
            r += b.capacity();
        }
        return r;
    }
}
