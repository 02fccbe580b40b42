package org.ts4kit.codec;

import java.nio.ByteBuffer;

/** Stored, uncompressed data: a bounds-checked copy. */
public final class StoredDecoder implements Decoder {
    public static final StoredDecoder INSTANCE = new StoredDecoder();

    private StoredDecoder() {
    }

    @Override
    public void decode(ByteBuffer src, byte[] dst, int off, int size) throws CodecException {
        if (src.remaining() != size) {
            throw new CodecException(0, "uncompressed entry stores " + src.remaining() + " bytes, mem size is " + size);
        }
        src.get(src.position(), dst, off, size);
    }

    @Override
    public long maxRatio() {
        return 1;
    }
}
