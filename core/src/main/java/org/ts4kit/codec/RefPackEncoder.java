package org.ts4kit.codec;

import java.util.Arrays;

/**
 * Encodes RefPack (QFS): LZ77 with hash-chain match finding over a 128 KiB window and one step of
 * lazy matching (a match is deferred when the next position offers a longer one).
 *
 * <p>Command costs are exact: a copy of 3–10 bytes up to 1 KiB back takes 2 bytes, 4–67 bytes up
 * to 16 KiB back 3 bytes, 5–1028 bytes up to 128 KiB back 4 bytes; literals travel in runs of
 * 4–112 (1 byte each run) and 0–3 ride along with the next command. Not thread-safe: use one
 * instance per thread, or the static {@link #encode(byte[], int, int)}.
 */
public final class RefPackEncoder {
    static final int WINDOW = 1 << 17;
    static final int MAX_MATCH = 1028;
    static final int MIN_MATCH = 3;
    private static final int HASH_BITS = 16;
    private static final int MAX_CHAIN = 256;

    private final int[] head = new int[1 << HASH_BITS];
    private final int[] prev = new int[WINDOW];
    private static final ThreadLocal<RefPackEncoder> PER_THREAD = ThreadLocal.withInitial(RefPackEncoder::new);

    private byte[] out;
    private int outPos;

    /** Encodes {@code src[off..off+len)} into a new array holding exactly the RefPack stream. */
    public static byte[] encode(byte[] src, int off, int len) {
        return PER_THREAD.get().compress(src, off, len);
    }

    public static byte[] encode(byte[] src) {
        return encode(src, 0, src.length);
    }

    public byte[] compress(byte[] src, int off, int len) {
        if (off < 0 || len < 0 || len > src.length - off) {
            throw new IllegalArgumentException("range " + off + "+" + len + " outside " + src.length);
        }
        if (len > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("RefPack sizes are 32-bit");
        }
        // worst case: all literals, 1 command byte per 112, plus header and stop command
        out = new byte[len + len / 112 + 16];
        outPos = 0;
        writeHeader(len);
        Arrays.fill(head, -1);
        int end = off + len;
        int litStart = off;
        int pos = off;
        int pendingLen = 0;
        int pendingDist = 0;
        while (pos < end) {
            long m = findMatch(src, off, pos, end);
            int mLen = (int) (m >>> 32);
            int mDist = (int) m;
            insert(src, off, pos, end);
            if (pendingLen > 0) {
                // the deferred match at pos-1 wins unless this one is longer by enough to pay for it
                if (mLen > pendingLen + 1 || (mLen > pendingLen && cost(mLen, mDist) <= cost(pendingLen, pendingDist))) {
                    pendingLen = mLen;
                    pendingDist = mDist;
                    pos++;
                    continue;
                }
                int start = pos - 1;
                emit(src, litStart, start, pendingLen, pendingDist);
                for (int p = pos + 1; p < start + pendingLen; p++) {
                    insert(src, off, p, end);
                }
                pos = start + pendingLen;
                litStart = pos;
                pendingLen = 0;
                continue;
            }
            if (mLen > 0) {
                pendingLen = mLen;
                pendingDist = mDist;
            }
            pos++;
        }
        if (pendingLen > 0) {
            int start = pos - 1;
            emit(src, litStart, start, pendingLen, pendingDist);
            litStart = start + pendingLen;
        }
        flushLiterals(src, litStart, end, true);
        return Arrays.copyOf(out, outPos);
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

    private static int hash(byte[] src, int p) {
        int v = (src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8 | (src[p + 2] & 0xFF) << 16;
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private void insert(byte[] src, int base, int p, int end) {
        if (p + MIN_MATCH > end) {
            return;
        }
        int h = hash(src, p);
        prev[(p - base) & (WINDOW - 1)] = head[h];
        head[h] = p - base;
    }

    /** The best encodable match at {@code pos} as (length << 32 | distance), or 0. */
    private long findMatch(byte[] src, int base, int pos, int end) {
        if (pos + MIN_MATCH > end) {
            return 0;
        }
        int maxLen = Math.min(MAX_MATCH, end - pos);
        int bestLen = 0;
        int bestDist = 0;
        int candidate = head[hash(src, pos)];
        int rel = pos - base;
        for (int chain = 0; candidate >= 0 && chain < MAX_CHAIN; chain++) {
            int dist = rel - candidate;
            if (dist > WINDOW || dist <= 0) {
                break;
            }
            int c = base + candidate;
            if (src[c + bestLen] == src[pos + bestLen] || bestLen == 0) {
                int l = 0;
                while (l < maxLen && src[c + l] == src[pos + l]) {
                    l++;
                }
                if (encodable(l, dist) && (l > bestLen || (l == bestLen && cost(l, dist) < cost(bestLen, bestDist)))) {
                    bestLen = l;
                    bestDist = dist;
                    if (l == maxLen) {
                        break;
                    }
                }
            }
            int next = prev[candidate & (WINDOW - 1)];
            if (next >= candidate) {
                break; // the slot was overwritten by a newer position: the chain has left the window
            }
            candidate = next;
        }
        return bestLen == 0 ? 0 : (long) bestLen << 32 | bestDist;
    }

    static boolean encodable(int len, int dist) {
        if (len < MIN_MATCH || dist < 1) {
            return false;
        }
        if (len <= 10 && dist <= 1024) {
            return true;
        }
        if (len >= 4 && len <= 67 && dist <= 16384) {
            return true;
        }
        return len >= 5 && len <= MAX_MATCH && dist <= WINDOW;
    }

    /** Bytes of the command that copies {@code len} bytes from {@code dist} back. */
    static int cost(int len, int dist) {
        if (len <= 10 && dist <= 1024) {
            return 2;
        }
        if (len <= 67 && dist <= 16384) {
            return 3;
        }
        return 4;
    }

    private void emit(byte[] src, int litStart, int litEnd, int len, int dist) {
        int lits = flushLiterals(src, litStart, litEnd, false);
        int litPos = litEnd - lits;
        int d = dist - 1;
        if (len <= 10 && dist <= 1024) {
            out[outPos++] = (byte) (((d >> 8) << 5) | ((len - 3) << 2) | lits);
            out[outPos++] = (byte) d;
        } else if (len <= 67 && dist <= 16384) {
            out[outPos++] = (byte) (0x80 | (len - 4));
            out[outPos++] = (byte) ((lits << 6) | (d >> 8));
            out[outPos++] = (byte) d;
        } else {
            int l = len - 5;
            out[outPos++] = (byte) (0xC0 | ((d >> 16) << 4) | ((l >> 8) << 2) | lits);
            out[outPos++] = (byte) (d >> 8);
            out[outPos++] = (byte) d;
            out[outPos++] = (byte) l;
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
            int run = Math.min(112, n & ~3);
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
