package org.ts4kit.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds back-references for the RefPack encoder. Positions sharing a 4-byte hash form a binary
 * search tree ordered by the bytes that follow them (the LZMA "bt4" scheme): a new position becomes
 * the root of its bucket's tree, and the walk down to insert it meets every earlier position whose
 * match could be longer than the ones already found, newest first. Each comparison starts from
 * the prefix already known to match, so repetitive input costs no more than varied input. A second
 * table remembers the last position of each 3-byte prefix, for the short copies that only the
 * 2-byte command (1 KiB back) can take.
 *
 * <p>RefPack's command cost depends on distance, so one "longest match" is not enough: {@link #find}
 * reports the longest match within each distance limit (1 KiB, 16 KiB, 128 KiB). The walk meets
 * candidates nearest first, so each limit's best is final once the walk passes that distance.
 */
final class RefPackMatchFinder {
    /** The farthest a copy reaches back. */
    static final int WINDOW = 1 << 17;
    /**
     * Tree slots cycle over up to twice the window, so a node exactly {@code WINDOW} back is still
     * intact; inputs shorter than that get as many slots as they have positions.
     */
    private static final int MAX_SLOTS = 2 * WINDOW;
    static final int NEAR = 1024;
    static final int MID = 16384;
    static final int MAX_MATCH = 1028;
    private static final int MAX_HASH_BITS = 16;
    private static final int HASH3_BITS = 12;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxDepth;
    private final int niceLength;
    private final int[] head = new int[1 << MAX_HASH_BITS];
    private final int[] head3 = new int[1 << HASH3_BITS];
    /** Children of position p: {@code tree[2 * (p & slotMask)]} holds smaller suffixes, {@code + 1} larger. */
    private int[] tree = new int[0];
    private int slotMask;
    private int hashShift;
    private byte[] src;
    private int end;

    /** Longest match up to 1 KiB back (length 0 if none) and its distance. */
    int nearLen;
    int nearDist;
    /** Longest match of at least 4 bytes up to 16 KiB back, at least as long as the near one. */
    int midLen;
    int midDist;
    /** Longest match of at least 5 bytes in the whole window, at least as long as the mid one. */
    int farLen;
    int farDist;

    /**
     * @param maxDepth   how many tree nodes one search may visit (quality against speed)
     * @param niceLength a match this long ends the search at once
     */
    RefPackMatchFinder(int maxDepth, int niceLength) {
        this.maxDepth = maxDepth;
        this.niceLength = niceLength;
    }

    /** Prepares for {@code src[from..end)}; tables shrink for small inputs so set-up stays cheap. */
    void reset(byte[] src, int from, int end) {
        this.src = src;
        this.end = end;
        int len = end - from;
        int bits = Math.max(8, Math.min(MAX_HASH_BITS, 32 - Integer.numberOfLeadingZeros(Math.max(1, len))));
        hashShift = 32 - bits;
        Arrays.fill(head, 0, 1 << bits, -1);
        Arrays.fill(head3, -1);
        int slots = Math.min(MAX_SLOTS, Integer.highestOneBit(Math.max(1, len)) << 1);
        if (tree.length < 2 * slots) {
            tree = new int[2 * slots];
        }
        slotMask = tree.length / 2 - 1;
    }

    private int hash4(int p) {
        int v = (src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8 | (src[p + 2] & 0xFF) << 16 | (src[p + 3] & 0xFF) << 24;
        return (v * 0x9E3779B1) >>> hashShift;
    }

    private int hash3(int p) {
        int v = (src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8 | (src[p + 2] & 0xFF) << 16;
        return (v * 0x9E3779B1) >>> (32 - HASH3_BITS);
    }

    /** Adds {@code pos} to the tables without reporting matches (for positions inside a chosen copy). */
    void insert(int pos) {
        if (pos + 3 <= end) {
            head3[hash3(pos)] = pos;
        }
        if (pos + 4 <= end) {
            walkTree(pos, Math.min(niceLength, end - pos), 0);
        }
    }

    /**
     * Searches for matches at {@code pos} of at most {@code maxLen} bytes, fills the result fields,
     * and inserts {@code pos}.
     */
    void find(int pos, int maxLen) {
        nearLen = 0;
        nearDist = 0;
        midLen = 0;
        midDist = 0;
        farLen = 0;
        farDist = 0;
        if (pos + 3 <= end) {
            int h3 = hash3(pos);
            int c3 = head3[h3];
            head3[h3] = pos;
            if (c3 >= 0 && pos - c3 <= NEAR) {
                int l = matchLength(c3, pos, 0, maxLen);
                if (l >= 3) {
                    record(l, pos - c3);
                }
            }
        }
        if (pos + 4 <= end) {
            int limit = Math.min(niceLength, end - pos);
            walkTree(pos, limit, maxLen);
            if (limit < maxLen) {
                extend(pos, limit, maxLen);
            }
        }
    }

    /** A match that reached the search limit may go on: measure it up to {@code maxLen}. */
    private void extend(int pos, int limit, int maxLen) {
        if (nearLen == limit) {
            nearLen = matchLength(pos - nearDist, pos, limit, maxLen);
        }
        if (midLen == limit) {
            midLen = matchLength(pos - midDist, pos, limit, maxLen);
        }
        if (farLen == limit) {
            farLen = matchLength(pos - farDist, pos, limit, maxLen);
        }
    }

    /**
     * Inserts {@code pos} as the root of its bucket's tree, re-hanging the old tree's nodes on its
     * smaller or larger side by the first {@code limit} bytes; notes each longer match (cut to
     * {@code maxLen}, none when 0) on the way. A node that matches all {@code limit} bytes cannot be
     * ordered against {@code pos}, so {@code pos} takes its children and replaces it.
     */
    private void walkTree(int pos, int limit, int maxLen) {
        int h = hash4(pos);
        int candidate = head[h];
        head[h] = pos;
        int smallerSlot = 2 * (pos & slotMask);
        int largerSlot = smallerSlot + 1;
        int smallerLen = 0;
        int largerLen = 0;
        int best = Math.max(nearLen, farLen);
        for (int depth = maxDepth; ; depth--) {
            int dist = pos - candidate;
            if (candidate < 0 || dist > WINDOW || depth == 0) {
                tree[smallerSlot] = -1;
                tree[largerSlot] = -1;
                return;
            }
            int node = 2 * (candidate & slotMask);
            int len = matchLength(candidate, pos, Math.min(smallerLen, largerLen), limit);
            if (Math.min(len, maxLen) > best) {
                best = Math.min(len, maxLen);
                record(best, dist);
            }
            if (len == limit) {
                tree[smallerSlot] = tree[node];
                tree[largerSlot] = tree[node + 1];
                return;
            }
            if ((src[candidate + len] & 0xFF) < (src[pos + len] & 0xFF)) {
                tree[smallerSlot] = candidate; // candidate sorts before pos: hang it on the smaller side
                smallerSlot = node + 1;        // its larger subtree holds what lies between it and pos
                candidate = tree[smallerSlot];
                smallerLen = len;
            } else {
                tree[largerSlot] = candidate;
                largerSlot = node;
                candidate = tree[largerSlot];
                largerLen = len;
            }
        }
    }

    /** Notes a match longer than the best so far; candidates arrive nearest first. */
    private void record(int len, int dist) {
        if (len < 3) {
            return;
        }
        if (dist <= NEAR && len > nearLen) {
            nearLen = len;
            nearDist = dist;
        }
        if (dist <= MID && len >= 4 && len > midLen) {
            midLen = len;
            midDist = dist;
        }
        if (len >= 5 && len > farLen) {
            farLen = len;
            farDist = dist;
        }
    }

    /**
     * How many bytes at {@code candidate} and {@code pos} agree, up to {@code maxLen}, given that the
     * first {@code known} do; compares 8 at a time.
     */
    private int matchLength(int candidate, int pos, int known, int maxLen) {
        int l = known;
        while (l + 8 <= maxLen) {
            long diff = (long) LONGS.get(src, candidate + l) ^ (long) LONGS.get(src, pos + l);
            if (diff != 0) {
                return l + (Long.numberOfTrailingZeros(diff) >>> 3);
            }
            l += 8;
        }
        while (l < maxLen && src[candidate + l] == src[pos + l]) {
            l++;
        }
        return l;
    }
}
