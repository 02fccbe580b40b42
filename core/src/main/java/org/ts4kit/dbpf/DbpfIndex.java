package org.ts4kit.dbpf;

import java.util.Arrays;
import org.ts4kit.simd.IndexKernels;
import org.ts4kit.simd.IndexKernelsProvider;

/**
 * The package index as parallel primitive arrays, one slot per entry: filters and hashes run
 * over arrays, never over an object per entry. Immutable once built (the lookup table is built
 * lazily and published safely).
 *
 * <p>Unsigned 32-bit fields (position, mem size) are kept in {@code int}s and widened with
 * {@link Integer#toUnsignedLong} by the accessors.
 */
public final class DbpfIndex {
    private final int count;
    private final int flags;
    final int[] types;
    final int[] groups;
    final long[] instances;
    final int[] positions;
    final int[] fileSizes;
    final int[] memSizes;
    final short[] compressions;
    final short[] committed;
    final long[] recordOffsets;
    private volatile int[] lookup;
    /** Look-ups answered by a linear scan so far; the hash table is built after {@link #SCANS_BEFORE_TABLE}. */
    private volatile int scans;
    /**
     * A vector scan of the key columns costs about what building the table costs divided by a
     * few dozen, so one-off look-ups ({@code ts4kit cat FILE KEY}) never pay for the table and
     * repeated ones soon get O(1).
     */
    private static final int SCANS_BEFORE_TABLE = 8;

    DbpfIndex(int count, int flags) {
        this.count = count;
        this.flags = flags;
        types = new int[count];
        groups = new int[count];
        instances = new long[count];
        positions = new int[count];
        fileSizes = new int[count];
        memSizes = new int[count];
        compressions = new short[count];
        committed = new short[count];
        recordOffsets = new long[count];
    }

    public int size() {
        return count;
    }

    /** The index flags word (bit 0 constant type, bit 1 constant group, bit 2 constant instance high). */
    public int flags() {
        return flags;
    }

    public int type(int i) {
        return types[i];
    }

    public int group(int i) {
        return groups[i];
    }

    public long instance(int i) {
        return instances[i];
    }

    public ResourceKey key(int i) {
        return new ResourceKey(types[i], groups[i], instances[i]);
    }

    /** The offset of the entry's stored bytes in the file. */
    public long offset(int i) {
        return Integer.toUnsignedLong(positions[i]);
    }

    /** Stored size, bit 31 (the "extended" flag) already masked off. */
    public long fileSize(int i) {
        return fileSizes[i];
    }

    public long memSize(int i) {
        return Integer.toUnsignedLong(memSizes[i]);
    }

    /** The compression code ({@link Compression}); 0 when the entry has no extended fields. */
    public int compression(int i) {
        return compressions[i] & 0xFFFF;
    }

    public int committed(int i) {
        return committed[i] & 0xFFFF;
    }

    public boolean isDeleted(int i) {
        return (compressions[i] & 0xFFFF) == Compression.DELETED;
    }

    /** Where entry {@code i}'s record starts in the file: error messages point there. */
    public long recordOffset(int i) {
        return recordOffsets[i];
    }

    /** Entries not marked deleted. */
    public int liveCount() {
        int live = 0;
        for (int i = 0; i < count; i++) {
            if ((compressions[i] & 0xFFFF) != Compression.DELETED) {
                live++;
            }
        }
        return live;
    }

    /**
     * Indices of the entries of {@code type}, in index order: the SIMD kernel over the type
     * column when the Vector API is available ({@link IndexKernelsProvider}), its scalar twin otherwise.
     */
    public int[] entriesOfType(int type) {
        int[] out = new int[count];
        int n = IndexKernelsProvider.get().filterType(types, 0, count, type, out);
        return Arrays.copyOf(out, n);
    }

    /** Indices of the entries whose type is any of {@code typeSet}, in index order. */
    public int[] entriesOfTypes(int... typeSet) {
        int[] out = new int[count];
        int n = IndexKernelsProvider.get().filterTypes(types, 0, count, typeSet, out);
        return Arrays.copyOf(out, n);
    }

    /**
     * The key hash of every entry ({@link IndexKernels#keyHash}, the one key hash of the library)
     * into {@code out[0..size())}, with the SIMD kernel when the Vector API is available.
     */
    public void keyHashes(long[] out) {
        IndexKernelsProvider.get().hashKeys(types, groups, instances, 0, count, out);
    }

    /**
     * The first live (not deleted) entry with this key, or -1. Deleted entries are not keys. The
     * first few look-ups scan the key columns with the SIMD kernel; after that an open-addressing
     * table over the key hashes (built once, O(n), hashes computed in bulk) answers in O(1).
     */
    public int find(int type, int group, long instance) {
        int[] table = lookup;
        if (table == null) {
            if (scans < SCANS_BEFORE_TABLE) {
                scans++; // racy on purpose: a lost increment only delays the table by one look-up
                return scan(type, group, instance);
            }
            table = lookupTable();
        }
        int mask = table.length - 1;
        for (int slot = (int) IndexKernels.keyHash(type, group, instance) & mask; ; slot = (slot + 1) & mask) {
            int e = table[slot] - 1;
            if (e < 0) {
                return -1;
            }
            if (types[e] == type && groups[e] == group && instances[e] == instance) {
                return e;
            }
        }
    }

    public int find(ResourceKey key) {
        return find(key.type(), key.group(), key.instance());
    }

    /** The linear path: the first match that is not deleted. */
    private int scan(int type, int group, long instance) {
        IndexKernels kernels = IndexKernelsProvider.get();
        for (int from = 0; from < count; ) {
            int e = kernels.findKey(types, groups, instances, from, count, type, group, instance);
            if (e < 0 || !isDeleted(e)) {
                return e;
            }
            from = e + 1;
        }
        return -1;
    }

    private synchronized int[] lookupTable() {
        int[] table = lookup;
        if (table != null) {
            return table;
        }
        long[] hashes = new long[count];
        keyHashes(hashes);
        table = new int[Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1];
        int mask = table.length - 1;
        for (int i = 0; i < count; i++) {
            if (isDeleted(i)) {
                continue;
            }
            for (int slot = (int) hashes[i] & mask; ; slot = (slot + 1) & mask) {
                int e = table[slot] - 1;
                if (e < 0) {
                    table[slot] = i + 1;
                    break;
                }
                if (types[e] == types[i] && groups[e] == groups[i] && instances[e] == instances[i]) {
                    break; // keep the first
                }
            }
        }
        lookup = table;
        return table;
    }
}
