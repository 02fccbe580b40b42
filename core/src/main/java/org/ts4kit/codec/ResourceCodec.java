package org.ts4kit.codec;

import java.nio.ByteBuffer;
import org.ts4kit.dbpf.Compression;

/** Decodes one resource's stored bytes by its index compression code. */
public final class ResourceCodec {
    private ResourceCodec() {
    }

    /**
     * Decodes {@code stored} (all its remaining bytes) into {@code dst[off..off+memSize)}.
     * {@code memSize} must already be checked against {@link Limits#maxResourceBytes()}.
     */
    public static void decode(int compression, ByteBuffer stored, byte[] dst, int off, int memSize) throws CodecException {
        switch (compression) {
            case Compression.NONE:
                if (stored.remaining() != memSize) {
                    throw new CodecException(0, "uncompressed entry stores " + stored.remaining() + " bytes, mem size is " + memSize);
                }
                stored.get(stored.position(), dst, off, memSize);
                return;
            case Compression.ZLIB:
                ZlibDecoder.decode(stored, dst, off, memSize);
                return;
            case Compression.REFPACK:
            case Compression.REFPACK_STREAMABLE:
                RefPackDecoder.decode(stored, dst, off, memSize);
                return;
            case Compression.DELETED:
                throw new CodecException(0, "entry is deleted: it has no data");
            default:
                throw new CodecException(0, "unknown compression 0x" + Compression.name(compression));
        }
    }
}
