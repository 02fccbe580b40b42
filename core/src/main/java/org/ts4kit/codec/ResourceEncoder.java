package org.ts4kit.codec;

import org.ts4kit.dbpf.Compression;

/** Compresses a resource for a package by its index compression code. */
public final class ResourceEncoder {
    private ResourceEncoder() {
    }

    /** The stored bytes for {@code data} under {@code compression} (none, zlib or RefPack). */
    public static byte[] encode(int compression, byte[] data, int off, int len) {
        switch (compression) {
            case Compression.NONE:
                return java.util.Arrays.copyOfRange(data, off, off + len);
            case Compression.ZLIB:
                return ZlibEncoder.encode(data, off, len, ZlibEncoder.DEFAULT_LEVEL);
            case Compression.REFPACK:
            case Compression.REFPACK_STREAMABLE:
                return RefPackEncoder.encode(data, off, len);
            default:
                throw new IllegalArgumentException("cannot encode with compression " + Compression.name(compression));
        }
    }
}
