package org.ts4kit.resource;

import org.ts4kit.simd.IndexKernels;

/**
 * Finds the first row holding a 64-bit key: an open-addressing table (linear probing, power-of-two
 * capacity, load at most 1/2) built once over a column of keys. Used by string tables (key
 * hashes) and name maps (instances) so that repeated look-ups cost O(1) without boxing.
 *
 * <p>When a key occurs in several rows the table keeps the first, so {@code find} answers "the
 * first row in file order", the same as a linear scan would.
 */
final class KeyLookup {
    private static final int EMPTY = -1;

    private final long[] keys;
    private final int[] rows;
    private final int mask;

    private KeyLookup(long[] keys, int[] rows) {
        this.keys = keys;
        this.rows = rows;
        this.mask = keys.length - 1;
    }

    static KeyLookup ofInts(int[] column, int count) {
        KeyLookup t = empty(count);
        for (int i = 0; i < count; i++) {
            t.putIfAbsent(column[i] & 0xFFFF_FFFFL, i);
        }
        return t;
    }

    static KeyLookup ofLongs(long[] column, int count) {
        KeyLookup t = empty(count);
        for (int i = 0; i < count; i++) {
            t.putIfAbsent(column[i], i);
        }
        return t;
    }

    private static KeyLookup empty(int count) {
        // at least twice the rows, rounded up to a power of two; count is < 2^30 here because
        // every row costs the resource at least 7 bytes and resources are under 2 GiB
        int capacity = Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
        int[] rows = new int[capacity];
        java.util.Arrays.fill(rows, EMPTY);
        return new KeyLookup(new long[capacity], rows);
    }

    private void putIfAbsent(long key, int row) {
        int slot = slot(key);
        while (rows[slot] != EMPTY) {
            if (keys[slot] == key) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        rows[slot] = row;
    }

    /** The first row holding {@code key}, or -1. */
    int find(long key) {
        int slot = slot(key);
        while (rows[slot] != EMPTY) {
            if (keys[slot] == key) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(long key) {
        // string hashes are already spread, instances often are not (sequential ids from tools), and a
        // file may be crafted to fill one slot: mix with the process's secret seed before masking
        return (int) IndexKernels.seededMix64(key) & mask;
    }
}
