package org.ts4kit.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReference;

/** A source over one buffer (at most 2 GiB): a mapped file's only window, a zip entry, bytes in memory. */
final class BufferSource extends ByteSource {
    private final ByteBuffer buf;
    /** Read-only twin of {@link #buf}: slices of it are read-only already, one object per slice. */
    private final ByteBuffer readOnly;
    /** Runs once at the first close: gives a pooled array back. Null when there is nothing to do. */
    private final AtomicReference<Runnable> onClose;

    BufferSource(String name, ByteBuffer buffer) {
        this(name, buffer, null);
    }

    BufferSource(String name, ByteBuffer buffer, Runnable onClose) {
        super(name);
        this.onClose = new AtomicReference<>(onClose);
        // absolute reads only, so the caller's position/limit never matter after this
        this.buf = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.readOnly = buf.asReadOnlyBuffer();
    }

    @Override
    public long length() {
        return buf.capacity();
    }

    @Override
    protected byte byteAt(long pos) {
        return buf.get((int) pos);
    }

    @Override
    protected short shortAt(long pos) {
        return buf.getShort((int) pos);
    }

    @Override
    protected int intAt(long pos) {
        return buf.getInt((int) pos);
    }

    @Override
    protected void copyTo(long pos, byte[] dst, int off, int len) {
        buf.get((int) pos, dst, off, len);
    }

    @Override
    protected ByteBuffer sliceAt(long pos, int len) {
        return readOnly.slice((int) pos, len).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void close() {
        super.close();
        Runnable hook = onClose.getAndSet(null); // once, even when two threads close at the same time
        if (hook != null) {
            hook.run();
        }
    }

    @Override
    protected ByteBuffer[] readOnlyWindows() {
        return new ByteBuffer[] {readOnly};
    }

    /** One window of up to 2 GiB: every valid position is below {@code 1 << 31}. */
    @Override
    protected int windowShift() {
        return 31;
    }
}
