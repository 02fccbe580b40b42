package org.ts4kit.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens {@link ByteSource}s: memory-mapped files and wrapped buffers. */
public final class ByteSources {
    /** 1 GiB windows: a power of two, well under the 2 GiB limit of one {@code MappedByteBuffer}. */
    public static final int DEFAULT_WINDOW_SHIFT = 30;

    private ByteSources() {
    }

    /**
     * Maps a whole file read-only, in 1 GiB windows when it is larger than one. Anything but a regular
     * file (links followed) is refused unopened with a {@link NotRegularFileException}.
     */
    public static ByteSource map(Path file) throws IOException {
        return map(file, DEFAULT_WINDOW_SHIFT);
    }

    /**
     * Maps a whole file read-only in windows of {@code 1 << windowShift} bytes. Tests use tiny
     * windows (a few bytes) so small files cross window boundaries everywhere.
     */
    public static ByteSource map(Path file, int windowShift) throws IOException {
        return map(file, file.toString(), windowShift);
    }

    /** Maps {@code file} under another name for errors: a path relative to a scan root, a URI. */
    public static ByteSource map(Path file, String name) throws IOException {
        return map(file, name, DEFAULT_WINDOW_SHIFT);
    }

    private static ByteSource map(Path file, String name, int windowShift) throws IOException {
        if (windowShift < 1 || windowShift > 30) {
            throw new IllegalArgumentException("window shift must be in 1..30: " + windowShift);
        }
        // never open what is not a regular file: opening a FIFO blocks until something writes to it
        FileKind.requireRegular(file, name);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long window = 1L << windowShift;
            if (size <= window) {
                // a mapping outlives its channel; closing the channel here is safe
                return new BufferSource(name, size == 0 ? ByteBuffer.allocate(0) : ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
            }
            int count = (int) ((size + window - 1) >>> windowShift);
            ByteBuffer[] windows = new ByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long start = (long) i << windowShift;
                windows[i] = ch.map(FileChannel.MapMode.READ_ONLY, start, Math.min(window, size - start));
            }
            return new MultiBufferSource(name, windows, windowShift, size);
        }
    }

    /** A source over the remaining bytes of {@code buffer} (not copied; its position and limit are not changed). */
    public static ByteSource wrap(String name, ByteBuffer buffer) {
        return new BufferSource(name, buffer);
    }

    /**
     * A source over {@code buffer} that runs {@code onClose} once when it is closed: how a source
     * over a pooled array gives it back. Nothing read from the source may be used after that.
     */
    public static ByteSource wrap(String name, ByteBuffer buffer, Runnable onClose) {
        return new BufferSource(name, buffer, onClose);
    }

    public static ByteSource wrap(String name, byte[] bytes) {
        return new BufferSource(name, ByteBuffer.wrap(bytes));
    }

    /**
     * A source over several buffers of {@code 1 << shift} bytes each (the last may be shorter):
     * how a caller presents a remote file larger than 2 GiB that it holds in chunks.
     */
    public static ByteSource wrap(String name, ByteBuffer[] windows, int shift) {
        long length = 0;
        for (int i = 0; i < windows.length; i++) {
            int cap = windows[i].remaining();
            if (i < windows.length - 1 && cap != 1 << shift) {
                throw new IllegalArgumentException("window " + i + " holds " + cap + " bytes, expected " + (1 << shift));
            }
            length += cap;
        }
        return windows.length == 1 ? new BufferSource(name, windows[0]) : new MultiBufferSource(name, windows, shift, length);
    }
}
