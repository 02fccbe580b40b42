package org.ts4kit.codec;

import java.nio.ByteBuffer;

/**
 * Decodes RefPack (QFS), the game's own LZ77 format, from any buffer into a caller's array.
 * Every command is checked before it runs: literals against the input end, copies against the
 * output written so far and the declared size. The decoder never writes past {@code size} bytes.
 */
public final class RefPackDecoder implements Decoder {
    /** A 4-byte copy command makes at most 1028 bytes: 257 per input byte, plus rounding. */
    public static final long MAX_RATIO = 258;
    public static final RefPackDecoder INSTANCE = new RefPackDecoder();

    /** How {@link #copyCommand} packs a command: size, literals, length and distance bit fields. */
    private static final int SIZE_SHIFT = 32;
    private static final int LITERALS_SHIFT = 29;
    private static final int LENGTH_SHIFT = 18;

    private RefPackDecoder() {
    }

    /** The decompressed size a RefPack header declares, or a {@link CodecException} if the header is bad. */
    public static long declaredSize(ByteBuffer src) throws CodecException {
        int base = src.position();
        int len = src.remaining();
        if (len < 2) {
            throw new CodecException(len, "RefPack header is truncated: " + len + " of at least 5 bytes");
        }
        int flags = src.get(base) & 0xFF;
        if ((src.get(base + 1) & 0xFF) != 0xFB) {
            throw new CodecException(1, String.format("not RefPack data: byte 1 is 0x%02X, expected 0xFB", src.get(base + 1) & 0xFF));
        }
        int width = (flags & 0x80) != 0 ? 4 : 3;
        int p = 2 + ((flags & 0x01) != 0 ? width : 0);
        if (len < p + width) {
            throw new CodecException(len, "RefPack header is truncated: " + len + " of " + (p + width) + " bytes");
        }
        long size = 0;
        for (int i = 0; i < width; i++) {
            size = (size << 8) | (src.get(base + p + i) & 0xFF);
        }
        return size;
    }

    /** Length of the header (flags, magic, optional compressed size, decompressed size). */
    static int headerLength(int flags) {
        int width = (flags & 0x80) != 0 ? 4 : 3;
        return 2 + width + ((flags & 0x01) != 0 ? width : 0);
    }

    /**
     * Decodes {@code src}'s remaining bytes into {@code dst[off..off+size)}; the header must
     * declare exactly {@code size} bytes. {@code src}'s position is not changed.
     */
    @Override
    public void decode(ByteBuffer src, byte[] dst, int off, int size) throws CodecException {
        long declared = declaredSize(src);
        if (declared != size) {
            throw new CodecException(2, "RefPack header declares " + declared + " bytes, mem size is " + size);
        }
        if (off < 0 || size < 0 || size > dst.length - off) {
            throw new IllegalArgumentException("destination " + off + "+" + size + " does not fit " + dst.length);
        }
        int base = src.position();
        int in = headerLength(src.get(base) & 0xFF);
        int inEnd = src.remaining();
        int out = 0;
        while (true) {
            if (in >= inEnd) {
                if (out == size) {
                    return; // some writers omit the stop command once the output is complete
                }
                throw new CodecException(in, "RefPack data ends after " + out + " of " + size + " bytes without a stop command");
            }
            int at = in;
            int b0 = src.get(base + in) & 0xFF;
            if (b0 >= 0xE0) {
                int literals = literalRun(src, base, in, inEnd, b0, dst, off + out, size - out, size);
                in += 1 + literals;
                out += literals;
                if (b0 >= 0xFC) {
                    if (out != size) {
                        throw new CodecException(at, "RefPack stop command after " + out + " of " + size + " bytes");
                    }
                    return;
                }
                continue;
            }
            long copy = copyCommand(src, base, in, inEnd, b0);
            int literals = (int) (copy >>> LITERALS_SHIFT) & 3;
            int copyLen = (int) (copy >>> LENGTH_SHIFT) & 0x7FF;
            int distance = (int) copy & 0x3FFFF;
            in += (int) (copy >>> SIZE_SHIFT);
            if (literals > inEnd - in) {
                throw new CodecException(at, "RefPack literals run past the end of the data");
            }
            if (literals + copyLen > size - out) {
                throw new CodecException(at, "RefPack data overruns the mem size of " + size + " bytes");
            }
            if (literals > 0) {
                src.get(base + in, dst, off + out, literals);
                in += literals;
                out += literals;
            }
            if (distance > out) {
                throw new CodecException(at, "RefPack copy reaches " + distance + " bytes back, only " + out + " written");
            }
            copyMatch(dst, off + out, distance, copyLen);
            out += copyLen;
        }
    }

    /**
     * Copies the literals of the run or stop command {@code b0} at {@code at} into
     * {@code dst[to..)}, where {@code room} bytes are left of {@code size}; returns how many.
     */
    private static int literalRun(ByteBuffer src, int base, int at, int inEnd, int b0, byte[] dst, int to, int room, int size)
            throws CodecException {
        int literals = b0 >= 0xFC ? b0 & 3 : ((b0 & 0x1F) << 2) + 4;
        if (literals > inEnd - at - 1) {
            throw new CodecException(at, "RefPack literal run of " + literals + " bytes runs past the end of the data");
        }
        if (literals > room) {
            throw new CodecException(at, "RefPack data overruns the mem size of " + size + " bytes");
        }
        src.get(base + at + 1, dst, to, literals);
        return literals;
    }

    /**
     * Reads the copy command starting with {@code b0} (below 0xE0) at {@code in}: its size in bytes,
     * literal count, copy length and distance, packed as
     * {@code size << 32 | literals << 29 | length << 18 | distance} (distance needs 18 bits, length 11).
     */
    private static long copyCommand(ByteBuffer src, int base, int in, int inEnd, int b0) throws CodecException {
        int literals;
        int length;
        int distance;
        int need;
        if (b0 < 0x80) {
            need = 2;
            checkInput(in, need, inEnd);
            int b1 = src.get(base + in + 1) & 0xFF;
            literals = b0 & 3;
            length = ((b0 & 0x1C) >> 2) + 3;
            distance = ((b0 & 0x60) << 3) + b1 + 1;
        } else if (b0 < 0xC0) {
            need = 3;
            checkInput(in, need, inEnd);
            int b1 = src.get(base + in + 1) & 0xFF;
            int b2 = src.get(base + in + 2) & 0xFF;
            literals = b1 >> 6;
            length = (b0 & 0x3F) + 4;
            distance = ((b1 & 0x3F) << 8) + b2 + 1;
        } else {
            need = 4;
            checkInput(in, need, inEnd);
            int b1 = src.get(base + in + 1) & 0xFF;
            int b2 = src.get(base + in + 2) & 0xFF;
            int b3 = src.get(base + in + 3) & 0xFF;
            literals = b0 & 3;
            length = ((b0 & 0x0C) << 6) + b3 + 5;
            distance = ((b0 & 0x10) << 12) + (b1 << 8) + b2 + 1;
        }
        return (long) need << SIZE_SHIFT | (long) literals << LITERALS_SHIFT | (long) length << LENGTH_SHIFT | distance;
    }

    private static void checkInput(int in, int need, int inEnd) throws CodecException {
        if (need > inEnd - in) {
            throw new CodecException(in, "RefPack command is cut off at the end of the data");
        }
    }

    /** Copies a back-reference; overlapping copies (distance < length) repeat the pattern. */
    private static void copyMatch(byte[] dst, int at, int distance, int length) {
        int from = at - distance;
        if (distance >= length) {
            System.arraycopy(dst, from, dst, at, length);
        } else {
            for (int i = 0; i < length; i++) {
                dst[at + i] = dst[from + i];
            }
        }
    }

    @Override
    public long maxRatio() {
        return MAX_RATIO;
    }
}
