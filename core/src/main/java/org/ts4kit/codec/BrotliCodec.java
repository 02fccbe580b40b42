package org.ts4kit.codec;

import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.aayushatharva.brotli4j.encoder.EncoderJNI;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Brotli streams through brotli4j's native library, heap arrays in and out. Stateless and
 * thread-safe: every call makes its own native encoder or decoder (a Brotli state cannot be reset
 * for the next stream, so there is nothing to pool) and frees it before returning.
 *
 * <pre>{@code
 * if (BrotliCodec.isAvailable()) {
 *     byte[] stream = BrotliCodec.compress(xml, 0, xml.length, 5);
 *     byte[] back = BrotliCodec.decompress(stream, 0, stream.length, xml.length);   // CodecException if it lies
 * } else {
 *     System.err.println(BrotliCodec.description());   // says why, once, for the caller to print
 * }
 * }</pre>
 *
 * <p>Decoding is bounded by the declared length: output is pulled from the decoder at most one byte
 * more than still fits, so a stream that would decode to more is refused as soon as it does, and
 * nothing is allocated for output that was not produced. Input goes to the decoder in 4 KiB chunks
 * copied by Java into the decoder's own buffer, so native code never reads a caller's (possibly
 * mapped) memory, and an error can be placed within 4 KiB. Whether the library loaded is decided
 * once ({@link BrotliSupport}; {@code -Dts4kit.brotli=off} says no).
 */
public final class BrotliCodec {
    public static final int MIN_QUALITY = 0;
    public static final int MAX_QUALITY = 11;
    /** Input bytes per push to the decoder: where a corrupt stream fails is known to this many bytes. */
    static final int INPUT_CHUNK = 4 << 10;
    /** Output a decode into a new array starts with, per input byte, before it grows (text rarely passes 16:1). */
    private static final int FIRST_GUESS_RATIO = 16;

    private BrotliCodec() {
    }

    /** Whether the native library loaded and passed a round trip (and {@code -Dts4kit.brotli} is not {@code off}). */
    public static boolean isAvailable() {
        return BrotliSupport.unavailableReason() == null;
    }

    /** Why Brotli is not available, or null when it is. */
    public static String unavailableReason() {
        return BrotliSupport.unavailableReason();
    }

    /** One line for {@code --stats} and reports: the library, or why it is not there and what stands in. */
    public static String description() {
        String why = unavailableReason();
        return why == null ? "brotli4j (native libbrotli)" : "unavailable (" + why + "); LZ4 stands in for Brotli";
    }

    /** A bound on the stream {@code len} bytes compress to: Brotli stores what it cannot shrink, with small headers. */
    public static int maxCompressedLength(int len) {
        return len + (len >>> 10) + 64;
    }

    /** {@code src[off..off+len)} as one Brotli stream at {@code quality} (0–11), in a new array of exactly its length. */
    public static byte[] compress(byte[] src, int off, int len, int quality) {
        byte[] out = new byte[maxCompressedLength(len)];
        int n = compress(src, off, len, quality, out, 0, out.length);
        if (n < 0) {
            throw new IllegalStateException("Brotli output of " + len + " bytes passed its bound of " + out.length);
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Compresses {@code src[off..off+len)} at {@code quality} into {@code dst[dstOff..dstOff+maxDstLen)};
     * returns the stream's length, or -1 as soon as it would not fit (a bound below {@code len} makes
     * this "compress only if it saves").
     *
     * @throws IllegalStateException when Brotli is not available (check {@link #isAvailable()} first)
     */
    public static int compress(byte[] src, int off, int len, int quality, byte[] dst, int dstOff, int maxDstLen) {
        requireAvailable();
        if (quality < MIN_QUALITY || quality > MAX_QUALITY) {
            throw new IllegalArgumentException("Brotli quality must be in 0..11: " + quality);
        }
        Objects.checkFromIndexSize(off, len, src.length);
        Objects.checkFromIndexSize(dstOff, maxDstLen, dst.length);
        return encode(src, off, len, quality, dst, dstOff, maxDstLen);
    }

    /**
     * Decodes the stream {@code src[off..off+len)} into {@code dst[dstOff..dstOff+size)}: it must produce
     * exactly {@code size} bytes from exactly {@code len} input bytes. Errors name a position relative to {@code off}.
     *
     * @throws CodecException when the stream is corrupt, truncated, followed by other bytes, decodes to
     *         another length, or Brotli is not available
     */
    public static void decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int size) throws CodecException {
        Objects.checkFromIndexSize(off, len, src.length);
        Objects.checkFromIndexSize(dstOff, size, dst.length);
        checkAvailable();
        decode(src, off, len, new Output(dst, dstOff, size, false));
    }

    /** As {@link #decompress(byte[], int, int, byte[], int, int)}, into a new array that grows only as output arrives. */
    public static byte[] decompress(byte[] src, int off, int len, int size) throws CodecException {
        Objects.checkFromIndexSize(off, len, src.length);
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
        int first = (int) Math.min(size, Math.max(64 << 10, (long) FIRST_GUESS_RATIO * len));
        checkAvailable();
        Output out = new Output(new byte[first], 0, size, true);
        decode(src, off, len, out);
        return out.array.length == size ? out.array : Arrays.copyOf(out.array, size);
    }

    private static EncoderJNI.Wrapper newEncoder(int len, int quality) {
        // the smallest window that holds the whole input: less memory, same output for small inputs
        int lgwin = Math.max(10, Math.min(22, 32 - Integer.numberOfLeadingZeros(len + 15)));
        try {
            return new EncoderJNI.Wrapper(Math.max(1, len), quality, lgwin, Encoder.Mode.GENERIC);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a Brotli encoder: " + e.getMessage(), e);
        }
    }

    /** {@link BrotliSupport}'s self-check: a round trip without asking whether Brotli is available. */
    static int encodeUnchecked(byte[] src, byte[] dst, int quality) {
        return encode(src, 0, src.length, quality, dst, 0, dst.length);
    }

    static void decodeUnchecked(byte[] stream, int len, byte[] dst) throws CodecException {
        decode(stream, 0, len, new Output(dst, 0, dst.length, false));
    }

    private static int encode(byte[] src, int off, int len, int quality, byte[] dst, int dstOff, int max) {
        EncoderJNI.Wrapper encoder = newEncoder(len, quality);
        try {
            return pullAll(encoder, src, off, len, dst, dstOff, max);
        } finally {
            encoder.destroy();
        }
    }

    /** Hands the whole input over at once (the encoder then knows its size) and pulls output until the stream ends. */
    private static int pullAll(EncoderJNI.Wrapper encoder, byte[] src, int off, int len, byte[] dst, int dstOff, int max) {
        encoder.getInputBuffer().put(src, off, len); // a Java-side copy into the encoder's own buffer
        encoder.push(EncoderJNI.Operation.FINISH, len);
        int n = 0;
        while (true) {
            if (!encoder.isSuccess()) {
                throw new IllegalStateException("Brotli encoder failed on " + len + " bytes");
            } else if (encoder.hasMoreOutput()) {
                ByteBuffer chunk = encoder.pull();
                int k = chunk.remaining();
                if (k > max - n) {
                    return -1;
                }
                chunk.get(dst, dstOff + n, k);
                n += k;
            } else if (!encoder.isFinished()) {
                encoder.push(EncoderJNI.Operation.FINISH, 0);
            } else {
                return n;
            }
        }
    }

    private static void checkAvailable() throws CodecException {
        String why = unavailableReason();
        if (why != null) {
            throw new CodecException(0, "a Brotli stream, but Brotli is unavailable: " + why);
        }
    }

    private static void decode(byte[] src, int off, int len, Output out) throws CodecException {
        DecoderJNI.Wrapper decoder;
        try {
            decoder = new DecoderJNI.Wrapper(Math.max(1, Math.min(len, INPUT_CHUNK)));
        } catch (IOException e) {
            throw new CodecException(0, "cannot start a Brotli decoder: " + e.getMessage(), e);
        }
        try {
            new Decode(decoder, src, off, len, out).run();
        } finally {
            decoder.destroy();
        }
    }

    /** One decode's loop over the decoder's states. */
    private static final class Decode {
        final DecoderJNI.Wrapper decoder;
        final byte[] src;
        final int off;
        final int len;
        final Output out;
        int chunkStart;
        int fed;

        Decode(DecoderJNI.Wrapper decoder, byte[] src, int off, int len, Output out) {
            this.decoder = decoder;
            this.src = src;
            this.off = off;
            this.len = len;
            this.out = out;
        }

        void run() throws CodecException {
            feed();
            int idle = 0;
            while (true) {
                DecoderJNI.Status status = decoder.getStatus();
                if (status == DecoderJNI.Status.ERROR) {
                    throw new CodecException(chunkStart, "corrupt Brotli data in bytes " + chunkStart + ".." + fed
                            + " (or bytes after the end of the stream)");
                } else if (status == DecoderJNI.Status.NEEDS_MORE_OUTPUT || decoder.hasOutput()) {
                    // one byte more than still fits: getting it proves the stream is longer than declared
                    int before = out.written;
                    out.take(decoder.pull(out.room() + 1), fed);
                    idle = out.written == before ? idle + 1 : 0;
                    if (idle > 2) {
                        throw new CodecException(fed, "Brotli decoder makes no progress");
                    }
                } else if (status == DecoderJNI.Status.OK) {
                    decoder.push(0);
                } else if (status == DecoderJNI.Status.NEEDS_MORE_INPUT) {
                    if (fed == len) {
                        throw new CodecException(len, "Brotli stream is truncated: " + out.written + " of " + out.size
                                + " bytes decoded");
                    }
                    feed();
                } else { // DONE
                    if (fed < len) {
                        throw new CodecException(fed, "the Brotli stream ends at byte " + fed + " of " + len);
                    }
                    if (out.written != out.size) {
                        throw new CodecException(len, "Brotli stream ends after " + out.written + " bytes, declared " + out.size);
                    }
                    return;
                }
            }
        }

        /** The next chunk of input, copied by Java into the decoder's buffer. */
        void feed() {
            int k = Math.min(INPUT_CHUNK, len - fed);
            ByteBuffer in = decoder.getInputBuffer();
            in.clear();
            in.put(src, off + fed, k);
            chunkStart = fed;
            fed += k;
            decoder.push(k);
        }
    }

    /** Where decoded bytes go: a caller's fixed window, or an own array grown on demand up to the declared size. */
    private static final class Output {
        byte[] array;
        final int base;
        final int size;
        final boolean grows;
        int written;

        Output(byte[] array, int base, int size, boolean grows) {
            this.array = array;
            this.base = base;
            this.size = size;
            this.grows = grows;
        }

        int room() {
            return size - written;
        }

        void take(ByteBuffer chunk, int position) throws CodecException {
            int k = chunk.remaining();
            if (k > room()) {
                throw new CodecException(position, "Brotli stream decodes to more than the declared " + size + " bytes");
            }
            if (grows && base + written + k > array.length) {
                array = Arrays.copyOf(array, (int) Math.min(size, Math.max(2L * array.length, written + k)));
            }
            chunk.get(array, base + written, k);
            written += k;
        }
    }

    static void requireAvailable() {
        String why = unavailableReason();
        if (why != null) {
            throw new IllegalStateException("Brotli is unavailable: " + why);
        }
    }
}
