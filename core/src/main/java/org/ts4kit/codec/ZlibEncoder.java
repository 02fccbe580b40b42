package org.ts4kit.codec;

import java.util.Arrays;
import java.util.zip.Deflater;
import org.ts4kit.memory.ObjectPool;

/** Deflates into zlib streams (with header and checksum) using pooled {@link Deflater}s. */
public final class ZlibEncoder {
    public static final int DEFAULT_LEVEL = 6;
    private static final ObjectPool<Deflater> POOL = new ObjectPool<>(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), () -> new Deflater(DEFAULT_LEVEL),
            Deflater::reset, Deflater::end);

    private ZlibEncoder() {
    }

    public static byte[] encode(byte[] src) {
        return encode(src, 0, src.length, DEFAULT_LEVEL);
    }

    /** Compresses {@code src[off..off+len)} at {@code level} (0–9) into a new array of exactly the stream. */
    public static byte[] encode(byte[] src, int off, int len, int level) {
        Deflater d = POOL.borrow();
        try {
            d.setLevel(level);
            d.setInput(src, off, len);
            d.finish();
            // deflate's worst case: stored blocks, 5 bytes per 16 KiB, plus zlib header and checksum
            byte[] out = new byte[len + (len >>> 12) + 64];
            int n = 0;
            while (!d.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += d.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            POOL.release(d);
        }
    }
}
