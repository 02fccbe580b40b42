package org.ts4kit.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's reusable window onto a {@link ByteSource}: {@link #range} returns the bytes of a
 * range as a buffer this cursor owns and repositions on every call, so reading resource after
 * resource allocates nothing (a {@link ByteSource#slice} is a new buffer object per call). The
 * same idea as a Lucene {@code IndexInput} clone: the source is shared, the position is private.
 *
 * <p>Not thread-safe; the buffer returned is valid until the next call. Ranges that straddle two
 * mapping windows (files over 1 GiB, rare) are copied into a scratch array the cursor keeps.
 */
public final class SourceCursor {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);

    private final ByteSource source;
    private final ByteBuffer[] windows;
    private final ByteBuffer[] views;
    private final int shift;
    private final long mask;
    private byte[] scratch = new byte[0];
    private ByteBuffer scratchView;

    SourceCursor(ByteSource source, ByteBuffer[] readOnlyWindows, int shift) {
        this.source = source;
        this.windows = readOnlyWindows;
        this.views = new ByteBuffer[readOnlyWindows.length];
        this.shift = shift;
        this.mask = (1L << shift) - 1;
    }

    public ByteSource source() {
        return source;
    }

    /**
     * The {@code len} bytes at {@code pos}: read-only, little-endian, between the buffer's position
     * and limit (the position is not 0 in general). Bounds-checked like every source read.
     */
    public ByteBuffer range(long pos, int len) {
        source.checkRange(pos, len);
        if (len == 0) {
            return EMPTY;
        }
        int w = (int) (pos >>> shift);
        int in = (int) (pos & mask);
        ByteBuffer window = windows[w];
        if (len <= window.capacity() - in) {
            ByteBuffer view = views[w];
            if (view == null) {
                view = window.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                views[w] = view;
            }
            view.limit(view.capacity()).position(in).limit(in + len);
            return view;
        }
        if (scratch.length < len) {
            scratch = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) len, 2L * scratch.length))];
            scratchView = ByteBuffer.wrap(scratch).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        source.copyTo(pos, scratch, 0, len);
        scratchView.limit(scratchView.capacity()).position(0).limit(len);
        return scratchView;
    }
}
