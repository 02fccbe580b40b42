package org.ts4kit.codec;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Raw LZ4 blocks (no frame, no checksum: the caller keeps the original length) through lz4-java,
 * heap arrays only. Stateless and thread-safe: lz4-java's compressors and decompressors are.
 *
 * <pre>{@code
 * byte[] block = Lz4Codec.compress(data, 0, data.length);
 * byte[] back = new byte[data.length];
 * Lz4Codec.decompress(block, 0, block.length, back, 0, data.length);   // CodecException if the block lies
 * }</pre>
 *
 * <p>Decoding uses the <em>safe</em> decompressor with the declared length as its output bound: it
 * checks every literal and match against both ends, so a lying block can neither read nor write out
 * of range, and it must then have produced exactly the declared length from exactly the given bytes.
 * (The "fast" decompressor trusts the declared length to find the input's end; old lz4-java versions
 * read out of bounds there, CVE-2025-12183.) Native code only ever sees heap arrays, never a mapped
 * buffer, so a file truncated under its mapping cannot crash the JVM here ({@link HeapInput}).
 */
public final class Lz4Codec {
    /**
     * LZ4's bound: a match longer than 18 bytes costs one more input byte per 255 output bytes, so
     * one input byte yields at most ~255 output bytes. A declared length over this is a lie.
     */
    public static final long MAX_RATIO = 255;

    /** JNI when it loads, else the fastest Java twin; lz4-java round-trips a sample when it picks. */
    private static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
    private static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
    /** lz4-java's error messages name the input offset ("Malformed input at 17", "Error decoding offset 17 ..."). */
    private static final Pattern OFFSET = Pattern.compile("(\\d+)");

    private Lz4Codec() {
    }

    /** The largest block {@code len} bytes can compress to (incompressible input grows slightly). */
    public static int maxCompressedLength(int len) {
        return COMPRESSOR.maxCompressedLength(len);
    }

    /** {@code src[off..off+len)} as one LZ4 block, in a new array of exactly its length. */
    public static byte[] compress(byte[] src, int off, int len) {
        byte[] out = new byte[maxCompressedLength(len)];
        int n = compress(src, off, len, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    /**
     * Compresses {@code src[off..off+len)} into {@code dst[dstOff..dstOff+maxDstLen)}; returns the block's
     * length, or -1 when it would not fit: a bound below {@code len} makes this "compress only if it
     * saves", with no second copy of the input.
     */
    public static int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxDstLen) {
        try {
            return COMPRESSOR.compress(src, off, len, dst, dstOff, maxDstLen);
        } catch (LZ4Exception tooSmall) {
            return -1; // "maxDestLen is too small": the only way the compressor fails on valid ranges
        }
    }

    /**
     * Decodes the block {@code src[off..off+len)} into {@code dst[dstOff..dstOff+size)}. The block must
     * produce exactly {@code size} bytes and use exactly {@code len} input bytes; nothing is written
     * past {@code size} bytes. Errors name a position relative to {@code off}.
     *
     * @throws CodecException when the block is corrupt, truncated, or decodes to another length
     */
    public static void decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int size) throws CodecException {
        checkDeclared(len, size);
        int n;
        try {
            n = DECOMPRESSOR.decompress(src, off, len, dst, dstOff, size);
        } catch (LZ4Exception e) {
            throw new CodecException(position(e, off, len), "corrupt LZ4 block, or longer than the declared " + size
                    + " bytes (lz4-java: " + e.getMessage() + ")");
        }
        if (n != size) {
            throw new CodecException(len, "LZ4 block decodes to " + n + " bytes, declared " + size);
        }
    }

    /** Refuses, before anything is allocated for it, a {@code size} that no block of {@code len} bytes can produce. */
    static void checkDeclared(int len, int size) throws CodecException {
        if (size > MAX_RATIO * len + 16) {
            throw new CodecException(0, "an LZ4 block of " + len + " bytes cannot hold the declared " + size
                    + " bytes (at most " + MAX_RATIO + " per byte)");
        }
    }

    /** Which backend lz4-java picked, e.g. {@code LZ4Factory:JNI}. */
    public static String description() {
        return "lz4-java " + FACTORY;
    }

    /** The offset lz4-java names in its message, relative to the block and inside it, else 0. */
    private static long position(LZ4Exception e, int off, int len) {
        Matcher m = OFFSET.matcher(String.valueOf(e.getMessage()));
        if (!m.find() || m.group(1).length() > 10) {
            return 0;
        }
        long at = Long.parseLong(m.group(1)) - off;
        return Math.max(0, Math.min(len, at));
    }
}
