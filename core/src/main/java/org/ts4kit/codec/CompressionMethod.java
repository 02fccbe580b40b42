package org.ts4kit.codec;

/**
 * How an {@link AdaptiveCompressor} frame stores its payload; {@link #code()} is the frame's first byte.
 * The codes are part of the frame format: never renumber them.
 */
public enum CompressionMethod {
    /** The payload is the original bytes. */
    NONE(0),
    /** An LZ4 block ({@link Lz4Codec}): fast both ways, for binary data. */
    LZ4(1),
    /** A Brotli stream ({@link BrotliCodec}): slower to write, much smaller for text. */
    BROTLI(2);

    private final int code;

    CompressionMethod(int code) {
        this.code = code;
    }

    /** The frame's method byte. */
    public int code() {
        return code;
    }

    /** The method whose code is {@code code}, or null for a byte no frame may start with. */
    public static CompressionMethod ofCode(int code) {
        switch (code) {
            case 0: return NONE;
            case 1: return LZ4;
            case 2: return BROTLI;
            default: return null;
        }
    }
}
