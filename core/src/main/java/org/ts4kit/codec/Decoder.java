package org.ts4kit.codec;

import java.nio.ByteBuffer;

/**
 * Decompresses one stream into a caller's array, never writing past the declared size. The
 * implementations ({@link StoredDecoder}, {@link ZlibDecoder}, {@link RefPackDecoder}) are
 * stateless and thread-safe; the container layer maps its compression codes to them.
 */
public interface Decoder {
    /**
     * Decodes all of {@code src}'s remaining bytes into {@code dst[off..off+size)}: the stream must
     * produce exactly {@code size} bytes. {@code src}'s position is left where it was.
     *
     * @throws CodecException when the data is corrupt, ends early or produces more than {@code size}
     */
    void decode(ByteBuffer src, byte[] dst, int off, int size) throws CodecException;

    /**
     * The most output bytes one input byte can produce with this format. A declared size over
     * {@code storedBytes * maxRatio()} (plus a small header slack) is a lie, refused before any
     * allocation.
     */
    long maxRatio();
}
