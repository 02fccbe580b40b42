package org.ts4kit.memory;

import java.util.Arrays;

/**
 * Fixed-size records of {@code fields} longs each, stored in pages of 8,192 records: a record is
 * an int handle, a field a long. Growing adds a page and never copies what is there (unlike a
 * doubling array), so a slab holding millions of records (keys, offsets, hashes of a collection)
 * grows without a 2× copy peak. Freed records go on a free list and are reused. Not thread-safe.
 */
public final class Slab {
    static final int PAGE_SHIFT = 13;
    static final int PAGE_RECORDS = 1 << PAGE_SHIFT;
    private static final int MASK = PAGE_RECORDS - 1;

    private final int fields;
    private long[][] pages = new long[4][];
    private int pageCount;
    private int next;
    private int[] free = new int[16];
    private int freeCount;
    private int live;

    public Slab(int fields) {
        if (fields < 1) {
            throw new IllegalArgumentException("a record needs at least one field");
        }
        this.fields = fields;
    }

    /** A new record (its fields are zero); returns its handle. */
    public int allocate() {
        live++;
        if (freeCount > 0) {
            int r = free[--freeCount];
            long[] page = pages[r >>> PAGE_SHIFT];
            Arrays.fill(page, (r & MASK) * fields, (r & MASK) * fields + fields, 0L);
            return r;
        }
        int r = next++;
        int p = r >>> PAGE_SHIFT;
        if (p == pageCount) {
            if (p == pages.length) {
                pages = Arrays.copyOf(pages, p * 2); // copies page references only
            }
            pages[p] = new long[PAGE_RECORDS * fields];
            pageCount++;
        }
        return r;
    }

    /** Returns a record to the slab; its handle may be handed out again. */
    public void free(int record) {
        check(record);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = record;
        live--;
    }

    public long get(int record, int field) {
        return pages[record >>> PAGE_SHIFT][(record & MASK) * fields + field];
    }

    public void set(int record, int field, long value) {
        pages[record >>> PAGE_SHIFT][(record & MASK) * fields + field] = value;
    }

    /** Records allocated and not freed. */
    public int size() {
        return live;
    }

    /** Bytes of record storage held. */
    public long reservedBytes() {
        return (long) pageCount * PAGE_RECORDS * fields * Long.BYTES;
    }

    private void check(int record) {
        if (record < 0 || record >= next) {
            throw new IllegalArgumentException("no record " + record);
        }
    }
}
