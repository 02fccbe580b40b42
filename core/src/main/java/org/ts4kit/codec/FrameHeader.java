package org.ts4kit.codec;

/**
 * The head of an {@link AdaptiveCompressor} frame: one method byte ({@link CompressionMethod#code()}),
 * then the original length as an unsigned LEB128 varint (7 bits per byte, low bits first, high bit
 * "more follows"; at most 5 bytes, minimal, at most {@link Integer#MAX_VALUE}), then the payload to the
 * end of the frame. Parsing trusts nothing: every field is checked before it is used.
 */
final class FrameHeader {
    /** A varint of an {@code int} needs at most 5 bytes. */
    static final int MAX_VARINT = 5;

    final CompressionMethod method;
    final int length;
    /** Where the payload starts: the header's length. */
    final int payload;

    private FrameHeader(CompressionMethod method, int length, int payload) {
        this.method = method;
        this.length = length;
        this.payload = payload;
    }

    /** The header's bytes for an original of {@code length} bytes. */
    static int size(int length) {
        int n = 2;
        for (int v = length >>> 7; v != 0; v >>>= 7) {
            n++;
        }
        return n;
    }

    /** Writes the header at {@code out[0..]}; returns its length (where the payload goes). */
    static int write(byte[] out, CompressionMethod method, int length) {
        out[0] = (byte) method.code();
        int i = 1;
        int v = length;
        while ((v & ~0x7F) != 0) {
            out[i++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[i++] = (byte) v;
        return i;
    }

    /**
     * Parses the head of {@code frame}, refusing an original length over {@code cap} before anyone
     * allocates for it.
     *
     * @throws CodecException naming the frame offset of the first bad byte and why
     */
    static FrameHeader parse(byte[] frame, long cap) throws CodecException {
        if (frame.length == 0) {
            throw new CodecException(0, "empty frame: no method byte");
        }
        CompressionMethod method = CompressionMethod.ofCode(frame[0] & 0xFF);
        if (method == null) {
            throw new CodecException(0, String.format("unknown method byte 0x%02X (0 none, 1 LZ4, 2 Brotli)", frame[0] & 0xFF));
        }
        long value = 0;
        int i = 1;
        while (true) {
            if (i >= frame.length) {
                throw new CodecException(frame.length, "frame ends inside its original length (" + frame.length + " bytes)");
            }
            if (i > MAX_VARINT) {
                throw new CodecException(i, "original length runs past " + MAX_VARINT + " bytes");
            }
            int b = frame[i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * (i - 1));
            i++;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 2) {
                    throw new CodecException(i - 1, "original length is not minimally encoded (a trailing zero byte)");
                }
                break;
            }
        }
        if (value > Integer.MAX_VALUE) {
            throw new CodecException(1, "original length " + value + " does not fit 31 bits");
        }
        if (value > cap) {
            throw new CodecException(1, "original length " + value + " is over the cap of " + cap
                    + " bytes (-Dts4kit.maxResourceBytes)");
        }
        return new FrameHeader(method, (int) value, i);
    }
}
