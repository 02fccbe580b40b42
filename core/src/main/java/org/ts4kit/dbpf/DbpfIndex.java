package org.ts4kit.dbpf;

import java.util.Arrays;
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
     * The first live (not deleted) entry with this key, or -1. Deleted entries are not keys.
     * An open-addressing table over the key hashes is built on first use: O(1) per look-up after
     * one O(n) pass.
     */
    public int find(int type, int group, long instance) {
        int[] table = lookupTable();
        int mask = table.length - 1;
        for (int slot = KeyHash.hash(type, group, instance) & mask; ; slot = (slot + 1) & mask) {
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

    private int[] lookupTable() {
        int[] table = lookup;
        if (table == null) {
            table = new int[Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1];
            int mask = table.length - 1;
            for (int i = 0; i < count; i++) {
                if (isDeleted(i)) {
                    continue;
                }
                int slot = KeyHash.hash(types[i], groups[i], instances[i]) & mask;
                while (true) {
                    int e = table[slot] - 1;
                    if (e < 0) {
                        table[slot] = i + 1;
                        break;
                    }
                    if (types[e] == types[i] && groups[e] == groups[i] && instances[e] == instances[i]) {
                        break; // keep the first
                    }
                    slot = (slot + 1) & mask;
                }
            }
            lookup = table;
        }
        return table;
    }
}
