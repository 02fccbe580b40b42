package org.ts4kit.cache;

import java.util.Arrays;
import java.util.Objects;
import org.ts4kit.codec.CodecException;

/**
 * How {@link ResourceCache} stores values: each decoded resource is compressed into a frame on
 * {@code put} and decompressed on a hit, and the cache accounts the frame's length, so a cache of
 * 256 MB holds as many resources as fit compressed. {@link #identity()} stores them as they are.
 *
 * <p>Any pair of methods with these shapes plugs in, e.g. the adaptive compressor of {@code codec}:
 * <pre>{@code
 * AdaptiveCompressor ac = ...;
 * ResourceCache cache = ResourceCache.builder(256L << 20)
 *         .codec(CacheCodec.of(ac::compress, ac::decompress))
 *         .build();
 * }</pre>
 *
 * <p>Implementations are called from many threads at once. {@link #compress} must not keep or
 * modify {@code data}; {@link #decompress} must return an array the caller may own (never the frame
 * itself: the cache keeps the frame and hands the result out).
 */
public interface CacheCodec {
    /** A frame holding {@code data[off, off + len)}; {@code type} is the resource type, a hint for the codec. */
    byte[] compress(int type, byte[] data, int off, int len);

    /** The bytes a frame of {@link #compress} holds, in a new array. */
    byte[] decompress(byte[] frame) throws CodecException;

    /** The compressing half, as a method reference: {@code ac::compress}. */
    @FunctionalInterface
    interface Compressor {
        byte[] compress(int type, byte[] data, int off, int len);
    }

    /** The decompressing half, as a method reference: {@code ac::decompress}. */
    @FunctionalInterface
    interface Decompressor {
        byte[] decompress(byte[] frame) throws CodecException;
    }

    /** A codec from its two halves. */
    static CacheCodec of(Compressor compressor, Decompressor decompressor) {
        Objects.requireNonNull(compressor, "compressor");
        Objects.requireNonNull(decompressor, "decompressor");
        return new CacheCodec() {
            @Override
            public byte[] compress(int type, byte[] data, int off, int len) {
                return compressor.compress(type, data, off, len);
            }

            @Override
            public byte[] decompress(byte[] frame) throws CodecException {
                return decompressor.decompress(frame);
            }
        };
    }

    /** Stores the bytes as they are (a copy in, a copy out): for tests, and for data that does not compress. */
    static CacheCodec identity() {
        return of((type, data, off, len) -> Arrays.copyOfRange(data, off, off + len), byte[]::clone);
    }
}
