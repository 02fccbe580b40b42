package org.ts4kit.scan;

import java.util.Arrays;
import org.ts4kit.dbpf.DbpfIndex;

/**
 * Index records that point at the same stored bytes (same offset, stored size, decompressed size and
 * compression) as an earlier record. Real packages give every resource its own bytes; a crafted one
 * can point 10,000 records at one 255 MiB stream, and decoding it 10,000 times takes hours. The walk
 * decodes each distinct range once and gives the repeats the first record's hash.
 */
public final class SharedRanges {
    private SharedRanges() {
    }

    /**
     * For each entry, the earlier entry whose stored range it repeats, or -1; null when no entry
     * repeats another (the common case: one sort of the offsets, no other allocation).
     */
    public static int[] of(DbpfIndex idx) {
        int n = idx.size();
        long[] byOffset = new long[n];
        for (int i = 0; i < n; i++) {
            byOffset[i] = idx.offset(i) << 31 | i; // offsets are 32-bit, entries fewer than 2^31
        }
        Arrays.sort(byOffset);
        int[] first = null;
        for (int k = 1; k < n; k++) {
            int i = (int) (byOffset[k] & Integer.MAX_VALUE);
            int j = (int) (byOffset[k - 1] & Integer.MAX_VALUE);
            if (byOffset[k] >>> 31 != byOffset[k - 1] >>> 31 || !sameRange(idx, i, j)) {
                continue;
            }
            if (first == null) {
                first = new int[n];
                Arrays.fill(first, -1);
            }
            first[i] = first[j] >= 0 ? first[j] : j; // j < i: sorted by offset, then entry
        }
        return first;
    }

    private static boolean sameRange(DbpfIndex idx, int i, int j) {
        return idx.fileSize(i) == idx.fileSize(j) && idx.memSize(i) == idx.memSize(j)
                && idx.compression(i) == idx.compression(j) && !idx.isDeleted(i) && !idx.isDeleted(j);
    }
}
