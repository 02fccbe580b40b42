package org.ts4kit.cache;

/**
 * How often each key was used lately, approximately: a count-min sketch of 4-bit counters (the
 * TinyLFU paper's, as Caffeine builds it). Each key has four counters in four different longs; its
 * frequency is their minimum, so collisions only ever overestimate. Every {@code 10 × width}
 * increments all counters are halved, so old popularity fades and a key that was hot an hour ago
 * does not keep its place forever. 8 bytes per 16 counters; not thread-safe (its segment's lock).
 */
final class FrequencySketch {
    private static final long[] SEEDS = {0xC3A5_C85C_97CB_3127L, 0xB492_B66F_BE98_F273L, 0x9AE1_6A3B_2F90_404FL,
        0xCBF2_9CE4_8422_2325L};
    private static final long RESET_MASK = 0x7777_7777_7777_7777L;
    private static final long ONE_MASK = 0x1111_1111_1111_1111L;
    private static final int MAX_WIDTH = 1 << 26;

    private long[] table;
    private int mask;
    private int sampleSize;
    private int additions;

    FrequencySketch(long expectedEntries) {
        resize(expectedEntries);
    }

    /** Grows the table when the segment holds more entries than it was sized for (counts start over). */
    void ensureCapacity(long entries) {
        if (entries > table.length && table.length < MAX_WIDTH) {
            resize(entries);
        }
    }

    private void resize(long entries) {
        int width = (int) Math.min(MAX_WIDTH, Math.max(16, Long.highestOneBit(Math.max(1, entries) - 1) << 1));
        table = new long[width];
        mask = width - 1;
        sampleSize = 10 * width;
        additions = 0;
    }

    /** The estimated number of recent uses of the key with this hash, 0 to 15. */
    int frequency(long hash) {
        int start = ((int) hash & 3) << 2;
        int min = 15;
        for (int i = 0; i < 4; i++) {
            int offset = (start + i) << 2;
            int count = (int) ((table[index(hash, i)] >>> offset) & 0xF);
            min = Math.min(min, count);
        }
        return min;
    }

    /** One more use of the key with this hash. */
    void increment(long hash) {
        int start = ((int) hash & 3) << 2;
        boolean added = false;
        for (int i = 0; i < 4; i++) {
            added |= incrementAt(index(hash, i), start + i);
        }
        if (added && ++additions == sampleSize) {
            halve();
        }
    }

    private boolean incrementAt(int i, int counter) {
        int offset = counter << 2;
        long one = 1L << offset;
        if ((table[i] & (0xFL << offset)) != (0xFL << offset)) {
            table[i] += one;
            return true;
        }
        return false;
    }

    /** Ages every counter by half; the count of additions drops to match (odd counters lose their half unit). */
    private void halve() {
        int odd = 0;
        for (int i = 0; i < table.length; i++) {
            odd += Long.bitCount(table[i] & ONE_MASK);
            table[i] = (table[i] >>> 1) & RESET_MASK;
        }
        additions = (additions - (odd >>> 2)) >>> 1;
    }

    private int index(long hash, int i) {
        long h = (hash + SEEDS[i]) * SEEDS[i];
        h += h >>> 32;
        return (int) h & mask;
    }
}
