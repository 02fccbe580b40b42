package org.ts4kit.codec;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Native code (zlib's {@code inflate}, {@code CRC32}) never reads a mapped file: when a file shrinks
 * under its mapping, a native read of a vanished page is a SIGBUS that kills the JVM (Java cannot catch
 * it), while the same fault in a Java-side copy is an {@link InternalError} the readers turn into
 * "file changed while being read". So bytes of a direct buffer (mapped or not: a buffer does not say)
 * reach native code through a per-thread heap chunk; heap buffers go as they are.
 */
public final class HeapInput {
    /** 64 KiB: large enough that zlib's per-call overhead vanishes, small enough to stay in L2. */
    public static final int CHUNK = 1 << 16;

    private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[CHUNK]);

    private HeapInput() {
    }

    /** This thread's chunk: valid until this thread's next call that uses it. */
    public static byte[] chunk() {
        return CHUNKS.get();
    }

    /**
     * Copies {@code src[pos, pos + len)} ({@code len <= CHUNK}) into this thread's chunk with a Java-side
     * read (absolute: {@code src}'s position is not touched) and returns the chunk.
     */
    public static byte[] copy(ByteBuffer src, int pos, int len) {
        byte[] chunk = CHUNKS.get();
        src.get(pos, chunk, 0, len);
        return chunk;
    }

    /** Adds {@code src}'s remaining bytes to {@code crc}, through the chunk when they are off-heap. */
    public static void update(CRC32 crc, ByteBuffer src) {
        if (src.hasArray()) {
            crc.update(src.array(), src.arrayOffset() + src.position(), src.remaining());
            return;
        }
        for (int pos = src.position(); pos < src.limit(); pos += CHUNK) {
            int len = Math.min(CHUNK, src.limit() - pos);
            crc.update(copy(src, pos, len), 0, len);
        }
    }
}
