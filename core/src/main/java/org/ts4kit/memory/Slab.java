package org.ts4kit.memory;

import java.util.Arrays;

/**
 * Fixed-size records of {@code fields} longs each, stored in pages of 8,192 records: a record is
 * an int handle, a field a long. Growing adds a page and never copies what is there (unlike a
 * doubling array), so a slab holding millions of records (keys, offsets, hashes of a collection)
 * grows without a 2× copy peak. Records live as long as the slab: a collection scan only adds, so
 * there is no free list (one was here and no product path used it).
 *
 * <p>Thread-safe: {@link #allocate} locks (uncontended they cost a few
 * nanoseconds; {@link #allocate(int)} takes a run of records under one lock); {@link #get} and
 * {@link #set} do not, and may be called from any thread for a record whose handle reached it
 * through the usual happens-before edge (a queue, a future, a lock), as with an array. Two
 * threads must not write the same record at once.
 */
public final class Slab {
    static final int PAGE_SHIFT = 13;
    static final int PAGE_RECORDS = 1 << PAGE_SHIFT;
    private static final int MASK = PAGE_RECORDS - 1;

    private final int fields;
    /** Replaced (never changed in place) when it grows, so readers see either table whole. */
    private volatile long[][] pages = new long[4][];
    private int pageCount;
    private int next;

    public Slab(int fields) {
        if (fields < 1) {
            throw new IllegalArgumentException("a record needs at least one field");
        }
        this.fields = fields;
    }

    /** A new record (its fields are zero); returns its handle. */
    public synchronized int allocate() {
        if (next == Integer.MAX_VALUE) {
            throw new IllegalStateException("slab is full: " + next + " records");
        }
        int r = next++;
        ensurePage(r >>> PAGE_SHIFT);
        return r;
    }

    /** {@code count} new records with consecutive handles (fields zero); returns the first. */
    public synchronized int allocate(int count) {
        if (count < 1 || count > Integer.MAX_VALUE - next) {
            throw new IllegalArgumentException("cannot allocate " + count + " records after " + next);
        }
        int first = next;
        next += count;
        for (int p = first >>> PAGE_SHIFT; p <= (next - 1) >>> PAGE_SHIFT; p++) {
            ensurePage(p);
        }
        return first;
    }

    private void ensurePage(int p) {
        if (p < pageCount) {
            return;
        }
        long[][] table = pages;
        if (p >= table.length) {
            table = Arrays.copyOf(table, Math.max(p + 1, table.length * 2)); // copies page references only
        }
        for (int q = pageCount; q <= p; q++) {
            table[q] = new long[PAGE_RECORDS * fields];
        }
        pageCount = p + 1;
        pages = table;
    }

    public long get(int record, int field) {
        return pages[record >>> PAGE_SHIFT][(record & MASK) * fields + field];
    }

    public void set(int record, int field, long value) {
        pages[record >>> PAGE_SHIFT][(record & MASK) * fields + field] = value;
    }

    /** Records allocated; handles are {@code 0 .. size() - 1}. */
    public synchronized int size() {
        return next;
    }

    /** Bytes of record storage held. */
    public synchronized long reservedBytes() {
        return (long) pageCount * PAGE_RECORDS * fields * Long.BYTES;
    }
}
