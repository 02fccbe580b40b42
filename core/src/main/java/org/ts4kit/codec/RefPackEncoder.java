package org.ts4kit.codec;

import java.util.Arrays;

/**
 * Encodes RefPack (QFS), the game's own LZ77 format, with a near-optimal parse
 * ({@link RefPackParser}) over binary-tree matches ({@link RefPackMatchFinder}) in the full 128 KiB
 * window.
 *
 * <p>Command costs are exact: a copy of 3–10 bytes up to 1 KiB back takes 2 bytes, 4–67 bytes up
 * to 16 KiB back 3 bytes, 5–1028 bytes up to 128 KiB back 4 bytes; literals travel in runs of
 * 4–112 (1 byte each run) and 0–3 ride along with the next command.
 *
 * <p>How small: on tuning XML the output is within 0.2% of the smallest RefPack stream possible
 * (checked against a brute-force optimum in the tests). That is still 16–30% larger than zlib
 * level 6 for files under 16 KiB, and under 15% larger from about 32 KiB: zlib also entropy-codes
 * what it cannot copy, while RefPack stores every literal as a whole byte. How fast: 5–10 MB/s of
 * XML on one core, 6–10 times slower than zlib level 6 (see {@code RefPackBench} in the tests).
 *
 * <p>Not thread-safe: use one instance per thread, or the static {@link #encode(byte[], int, int)},
 * which keeps one per thread.
 */
public final class RefPackEncoder {
    static final int DEFAULT_MAX_DEPTH = 32;
    static final int DEFAULT_NICE_LENGTH = 258;
    private static final int MAX_LITERAL_RUN = 112;
    private static final ThreadLocal<RefPackEncoder> PER_THREAD = ThreadLocal.withInitial(RefPackEncoder::new);

    private final RefPackParser parser;
    private byte[] out;
    private int outPos;

    public RefPackEncoder() {
        this(DEFAULT_MAX_DEPTH, DEFAULT_NICE_LENGTH);
    }

    /**
     * An encoder with its own search effort: a deeper search and a longer nice length compress
     * better, slower. See {@link RefPackMatchFinder}.
     */
    RefPackEncoder(int maxDepth, int niceLength) {
        if (maxDepth < 1 || niceLength < 5 || niceLength > RefPackMatchFinder.MAX_MATCH) {
            throw new IllegalArgumentException("maxDepth " + maxDepth + ", niceLength " + niceLength);
        }
        this.parser = new RefPackParser(maxDepth, niceLength);
    }

    /** Encodes {@code src[off..off+len)} into a new array holding exactly the RefPack stream. */
    public static byte[] encode(byte[] src, int off, int len) {
        return PER_THREAD.get().compress(src, off, len);
    }

    public static byte[] encode(byte[] src) {
        return encode(src, 0, src.length);
    }

    /** Encodes {@code src[off..off+len)} into a new array holding exactly the RefPack stream. */
    public byte[] compress(byte[] src, int off, int len) {
        if (off < 0 || len < 0 || len > src.length - off) {
            throw new IllegalArgumentException("range " + off + "+" + len + " outside " + src.length);
        }
        // worst case: all literals, 1 command byte per 112, plus header and stop command
        out = new byte[len + len / MAX_LITERAL_RUN + 16];
        outPos = 0;
        writeHeader(len);
        int end = off + len;
        parser.reset(src, off, end);
        int litStart = off;
        for (int blockStart = off; blockStart < end; blockStart += RefPackParser.BLOCK) {
            int blockEnd = Math.min(end, blockStart + RefPackParser.BLOCK);
            parser.parse(blockStart, blockEnd, blockStart - litStart);
            for (int k = 0; k < parser.count; k++) {
                int start = parser.starts[k];
                emit(src, litStart, start, parser.lengths[k], parser.distances[k]);
                litStart = start + parser.lengths[k];
            }
        }
        flushLiterals(src, litStart, end, true);
        byte[] result = Arrays.copyOf(out, outPos);
        out = null;
        return result;
    }

    private void writeHeader(int len) {
        if (len < (1 << 24)) {
            out[outPos++] = 0x10;
            out[outPos++] = (byte) 0xFB;
        } else {
            out[outPos++] = (byte) 0x90;
            out[outPos++] = (byte) 0xFB;
            out[outPos++] = (byte) (len >>> 24);
        }
        out[outPos++] = (byte) (len >>> 16);
        out[outPos++] = (byte) (len >>> 8);
        out[outPos++] = (byte) len;
    }

    /** Bytes of the command that copies {@code len} bytes from {@code dist} back. */
    static int cost(int len, int dist) {
        if (len <= 10 && dist <= RefPackMatchFinder.NEAR) {
            return 2;
        }
        if (len <= 67 && dist <= RefPackMatchFinder.MID) {
            return 3;
        }
        return 4;
    }

    /** Writes the literals {@code [litStart, litEnd)} and then one copy command. */
    private void emit(byte[] src, int litStart, int litEnd, int len, int dist) {
        int lits = flushLiterals(src, litStart, litEnd, false);
        int litPos = litEnd - lits;
        int d = dist - 1;
        switch (cost(len, dist)) {
            case 2:
                out[outPos++] = (byte) (((d >> 8) << 5) | ((len - 3) << 2) | lits);
                out[outPos++] = (byte) d;
                break;
            case 3:
                out[outPos++] = (byte) (0x80 | (len - 4));
                out[outPos++] = (byte) ((lits << 6) | (d >> 8));
                out[outPos++] = (byte) d;
                break;
            default:
                int l = len - 5;
                out[outPos++] = (byte) (0xC0 | ((d >> 16) << 4) | ((l >> 8) << 2) | lits);
                out[outPos++] = (byte) (d >> 8);
                out[outPos++] = (byte) d;
                out[outPos++] = (byte) l;
                break;
        }
        System.arraycopy(src, litPos, out, outPos, lits);
        outPos += lits;
    }

    /**
     * Writes literal runs of 4–112 bytes until fewer than 4 remain; returns how many remain (they
     * ride with the next command). At the end of the stream, writes them with the stop command.
     */
    private int flushLiterals(byte[] src, int from, int to, boolean last) {
        int n = to - from;
        while (n >= 4) {
            int run = Math.min(MAX_LITERAL_RUN, n & ~3);
            out[outPos++] = (byte) (0xE0 | ((run - 4) >> 2));
            System.arraycopy(src, from, out, outPos, run);
            outPos += run;
            from += run;
            n -= run;
        }
        if (last) {
            out[outPos++] = (byte) (0xFC | n);
            System.arraycopy(src, from, out, outPos, n);
            outPos += n;
        }
        return n;
    }
}
