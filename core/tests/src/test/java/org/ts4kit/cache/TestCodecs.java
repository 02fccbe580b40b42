package org.ts4kit.cache;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.ZlibDecoder;
import org.ts4kit.codec.ZlibEncoder;

/** Codecs for the cache tests: zlib with a size prefix (a real compressor, built from codec's own parts). */
final class TestCodecs {
    private static final int MAX = 1 << 24;

    private TestCodecs() {
    }

    /** Frame: the decoded size (u32, little-endian), then a zlib stream. */
    static CacheCodec zlib() {
        return CacheCodec.of(TestCodecs::compress, TestCodecs::decompress);
    }

    static byte[] compress(int type, byte[] data, int off, int len) {
        byte[] stream = ZlibEncoder.encode(data, off, len, 1);
        ByteBuffer frame = ByteBuffer.allocate(4 + stream.length).order(ByteOrder.LITTLE_ENDIAN);
        return frame.putInt(len).put(stream).array();
    }

    static byte[] decompress(byte[] frame) throws CodecException {
        if (frame.length < 4) {
            throw new CodecException(0, "frame of " + frame.length + " bytes has no size");
        }
        int size = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < 0 || size > MAX) {
            throw new CodecException(0, "size " + size + " out of range");
        }
        byte[] out = new byte[size];
        ZlibDecoder.INSTANCE.decode(ByteBuffer.wrap(frame, 4, frame.length - 4), out, 0, size);
        return out;
    }
}
