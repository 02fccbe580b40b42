package org.ts4kit.io;

import java.io.Closeable;
import java.nio.ByteBuffer;

/**
 * Random-access, little-endian reads over the bytes of one package: a memory-mapped file
 * (one or several windows), or any {@link ByteBuffer} (a zip entry, a remote file read into memory).
 *
 * <p>Every read is bounds-checked against {@link #length()} with overflow-safe arithmetic and
 * fails with {@link SourceBoundsException}; parsers check ranges themselves first so they can
 * name the field that lies, and the source check is the last line of defence.
 *
 * <p>Only the source that created a mapping owns it. {@link #close()} is idempotent; any read
 * after it fails with {@link IllegalStateException} ("already closed") instead of touching
 * memory. Mappings are released by the garbage collector once the source and every slice it
 * handed out are unreachable: ts4kit never force-unmaps, because a slice held by a caller after
 * {@code close()} would then crash the JVM.
 */
public abstract class ByteSource implements Closeable {
    private final String name;
    private volatile boolean closed;

    protected ByteSource(String name) {
        this.name = name;
    }

    /** What errors call this source: a path, {@code archive.zip!/inner.package}, a URL. */
    public final String name() {
        return name;
    }

    public abstract long length();

    public final byte getByte(long pos) {
        checkRange(pos, 1);
        return byteAt(pos);
    }

    public final int getUnsignedShortLE(long pos) {
        checkRange(pos, 2);
        return shortAt(pos) & 0xFFFF;
    }

    public final int getIntLE(long pos) {
        checkRange(pos, 4);
        return intAt(pos);
    }

    public final long getUnsignedIntLE(long pos) {
        return getIntLE(pos) & 0xFFFF_FFFFL;
    }

    public final long getLongLE(long pos) {
        checkRange(pos, 8);
        return (intAt(pos) & 0xFFFF_FFFFL) | ((long) intAt(pos + 4) << 32);
    }

    /** Copies {@code len} bytes at {@code pos} into {@code dst[off..off+len)}. */
    public final void get(long pos, byte[] dst, int off, int len) {
        checkRange(pos, len);
        if (off < 0 || len > dst.length - off) {
            throw new IndexOutOfBoundsException("destination " + off + "+" + len + " of " + dst.length);
        }
        copyTo(pos, dst, off, len);
    }

    /**
     * The {@code len} bytes at {@code pos} as a read-only little-endian buffer. A view of the
     * mapping when the range lies inside one window; a heap copy only when it straddles two.
     */
    public final ByteBuffer slice(long pos, int len) {
        checkRange(pos, len);
        return sliceAt(pos, len);
    }

    /**
     * A reusable, allocation-free reader of ranges for one thread; see {@link SourceCursor}. Make
     * one per thread (or per task) and keep it for the package's life.
     */
    public final SourceCursor cursor() {
        return new SourceCursor(this, readOnlyWindows(), windowShift());
    }

    /** The read-only, little-endian buffers the bytes live in, each {@code 1 << windowShift()} long but the last. */
    protected abstract ByteBuffer[] readOnlyWindows();

    protected abstract int windowShift();

    /** True when {@code [pos, pos+len)} lies inside this source; never overflows. */
    public final boolean contains(long pos, long len) {
        return pos >= 0 && len >= 0 && pos <= length() && len <= length() - pos;
    }

    protected final void checkRange(long pos, long len) {
        if (closed) {
            throw new IllegalStateException(name + ": already closed");
        }
        if (!contains(pos, len)) {
            throw new SourceBoundsException(name, pos, len, length());
        }
    }

    protected abstract byte byteAt(long pos);

    protected abstract short shortAt(long pos);

    protected abstract int intAt(long pos);

    protected abstract void copyTo(long pos, byte[] dst, int off, int len);

    protected abstract ByteBuffer sliceAt(long pos, int len);

    public final boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
