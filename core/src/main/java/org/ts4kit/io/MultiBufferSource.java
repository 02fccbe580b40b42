package org.ts4kit.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A source over equal power-of-two windows (the last may be shorter), for files over 2 GiB.
 * A position splits into window and offset by shift and mask; reads that straddle two windows
 * take the slow path byte by byte, slices that straddle are copied.
 */
final class MultiBufferSource extends ByteSource {
    private final ByteBuffer[] windows;
    private final ByteBuffer[] readOnly;
    private final int shift;
    private final long mask;
    private final long length;

    MultiBufferSource(String name, ByteBuffer[] windows, int shift, long length) {
        super(name);
        this.windows = new ByteBuffer[windows.length];
        this.readOnly = new ByteBuffer[windows.length];
        for (int i = 0; i < windows.length; i++) {
            this.windows[i] = windows[i].slice().order(ByteOrder.LITTLE_ENDIAN);
            this.readOnly[i] = this.windows[i].asReadOnlyBuffer();
        }
        this.shift = shift;
        this.mask = (1L << shift) - 1;
        this.length = length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    protected byte byteAt(long pos) {
        return windows[(int) (pos >>> shift)].get((int) (pos & mask));
    }

    @Override
    protected short shortAt(long pos) {
        int off = (int) (pos & mask);
        ByteBuffer w = windows[(int) (pos >>> shift)];
        if (off <= w.capacity() - 2) {
            return w.getShort(off);
        }
        return (short) ((byteAt(pos) & 0xFF) | (byteAt(pos + 1) & 0xFF) << 8);
    }

    @Override
    protected int intAt(long pos) {
        int off = (int) (pos & mask);
        ByteBuffer w = windows[(int) (pos >>> shift)];
        if (off <= w.capacity() - 4) {
            return w.getInt(off);
        }
        int v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | (byteAt(pos + i) & 0xFF);
        }
        return v;
    }

    @Override
    protected void copyTo(long pos, byte[] dst, int off, int len) {
        while (len > 0) {
            ByteBuffer w = windows[(int) (pos >>> shift)];
            int in = (int) (pos & mask);
            int n = Math.min(len, w.capacity() - in);
            w.get(in, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    @Override
    protected ByteBuffer sliceAt(long pos, int len) {
        if (len == 0) {
            // pos may be the file's end, one past the last window when the length is a multiple of it
            return ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer w = windows[(int) (pos >>> shift)];
        int in = (int) (pos & mask);
        if (len <= w.capacity() - in) {
            return readOnly[(int) (pos >>> shift)].slice(in, len).order(ByteOrder.LITTLE_ENDIAN);
        }
        byte[] copy = new byte[len];
        copyTo(pos, copy, 0, len);
        return ByteBuffer.wrap(copy).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    protected ByteBuffer[] readOnlyWindows() {
        return readOnly.clone();
    }

    @Override
    protected int windowShift() {
        return shift;
    }
}
