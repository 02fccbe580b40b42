package org.ts4kit.fuzz;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.Decoder;

/**
 * One decoder on one stream and declared size, from a heap buffer at a non-zero position and from a
 * direct buffer (the off-heap path mapped files take). Both must end the same way: the same output,
 * or a {@link CodecException} with the same message and position inside the stream. Nothing may be
 * written outside {@code dst[off..off+size)} (guard bytes on both sides), and the input's position
 * must not move. Any other exception escapes as a finding.
 */
final class DecoderHarness {
    private static final int PAD = 5;
    private static final int OFFSET = 7;
    private static final int GUARD = 16;
    private static final byte GUARD_BYTE = (byte) 0xA5;

    private DecoderHarness() {
    }

    /** The zlib harnesses' inputs start with the declared size in this many bytes, little-endian ({@link SeedCorpus#withSize}). */
    static final int SIZE_BYTES = 3;

    /** Where the stream starts in a zlib harness's input: after the declared size, or at the end of a shorter input. */
    static int streamStart(byte[] data) {
        return Math.min(SIZE_BYTES, data.length);
    }

    /** The declared size at the start of a zlib harness's input, modulo the resource cap + 1. */
    static int declaredSize(byte[] data) {
        int size = 0;
        for (int i = 0; i < streamStart(data); i++) {
            size |= (data[i] & 0xFF) << (8 * i);
        }
        return size % (Caps.MAX_RESOURCE + 1);
    }

    /** Decodes {@code data[from..]} as exactly {@code size} bytes with {@code decoder}. */
    static void check(Decoder decoder, byte[] data, int from, int size) {
        int length = data.length - from;
        byte[] padded = new byte[PAD + length + PAD];
        Arrays.fill(padded, (byte) 0xFC); // a RefPack stop command: a decoder reading past the limit would "succeed"
        System.arraycopy(data, from, padded, PAD, length);
        Result heap = attempt(decoder, ByteBuffer.wrap(padded, PAD, length), size);
        Result offHeap = attempt(decoder, Inputs.direct(data, from, length), size);
        if (!heap.equals(offHeap)) {
            throw new AssertionError("heap and direct buffers disagree: " + heap + " / " + offHeap);
        }
    }

    /** How one decode ended: its output, or its error's message and position. */
    private static final class Result {
        final byte[] output;
        final String error;
        final long position;

        Result(byte[] output, String error, long position) {
            this.output = output;
            this.error = error;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Arrays.equals(output, r.output) && Objects.equals(error, r.error) && position == r.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(output), error, position);
        }

        @Override
        public String toString() {
            return error == null ? output.length + " bytes decoded" : "position " + position + ": " + error;
        }
    }

    private static Result attempt(Decoder decoder, ByteBuffer src, int size) {
        byte[] dst = new byte[OFFSET + size + GUARD];
        Arrays.fill(dst, 0, OFFSET, GUARD_BYTE);
        Arrays.fill(dst, OFFSET + size, dst.length, GUARD_BYTE);
        int position = src.position();
        Result result;
        try {
            decoder.decode(src, dst, OFFSET, size);
            result = new Result(Arrays.copyOfRange(dst, OFFSET, OFFSET + size), null, 0);
        } catch (CodecException e) {
            Refusals.check(e, src.remaining());
            result = new Result(null, e.getMessage(), e.position());
        }
        if (src.position() != position) {
            throw new AssertionError("the input buffer's position moved from " + position + " to " + src.position());
        }
        checkGuard(dst, 0, OFFSET, size);
        checkGuard(dst, OFFSET + size, dst.length, size);
        return result;
    }

    /** Only the guards are looked at: a loop over a 1 MiB window would cost more than the decode. */
    private static void checkGuard(byte[] dst, int from, int to, int size) {
        for (int i = from; i < to; i++) {
            if (dst[i] != GUARD_BYTE) {
                throw new AssertionError("byte " + (i - OFFSET) + " outside the destination window [0, " + size + ") was written");
            }
        }
    }
}
