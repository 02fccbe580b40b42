package org.ts4kit.cache;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;

/**
 * Hits waiting to be applied to the eviction policy: a hit finds its entry without the segment's lock,
 * records the slot here, and whoever next holds the lock replays the records (Caffeine's read buffer).
 * Striped by thread, so readers do not write the same cache lines, and lossy: a record that finds its
 * stripe full or contended is dropped. A policy that misses a few hits orders entries a little less
 * exactly; a reader that waited for the lock would make every hit as slow as the slowest writer.
 */
final class ReadBuffer {
    /** Records per stripe; a full stripe asks its segment to drain. */
    static final int STRIPE_SIZE = 32;
    private static final int MASK = STRIPE_SIZE - 1;
    /** Longs between two counters: a stripe's counters on a cache line of their own. */
    private static final int PAD = 16;

    private final int stripes;
    /** Per stripe: records written (at {@code PAD * i}) and read (at {@code PAD * i + 8}). */
    private final AtomicLongArray counters;
    /** Per stripe, {@code STRIPE_SIZE} records: slot + 1, or 0 for none. */
    private final AtomicIntegerArray records;

    ReadBuffer() {
        this.stripes = Integer.highestOneBit(Math.max(1, Math.min(32, 4 * Runtime.getRuntime().availableProcessors())));
        this.counters = new AtomicLongArray(stripes * PAD);
        this.records = new AtomicIntegerArray(stripes * STRIPE_SIZE);
    }

    /** Records a hit on {@code slot}; true when the stripe is full and should be drained. */
    boolean offer(int slot) {
        int stripe = (int) (Mix.fmix64(Thread.currentThread().getId()) & (stripes - 1));
        int w = stripe * PAD;
        long tail = counters.get(w);
        long head = counters.get(w + 8);
        if (tail - head >= STRIPE_SIZE) {
            return true;
        }
        if (counters.compareAndSet(w, tail, tail + 1)) { // lost to another thread on this stripe: dropped
            records.lazySet(stripe * STRIPE_SIZE + (int) (tail & MASK), slot + 1);
        }
        return tail - head >= STRIPE_SIZE - 1;
    }

    /** Hands every record to {@code apply}, oldest first per stripe. Only under the segment's lock (one drainer). */
    void drain(IntConsumer apply) {
        for (int stripe = 0; stripe < stripes; stripe++) {
            int w = stripe * PAD;
            long head = counters.get(w + 8);
            long tail = counters.get(w);
            for (; head < tail; head++) {
                int at = stripe * STRIPE_SIZE + (int) (head & MASK);
                int record = records.get(at);
                if (record == 0) {
                    break; // claimed but not written yet: its writer is between the two steps, read it next time
                }
                records.lazySet(at, 0);
                apply.accept(record - 1);
            }
            counters.lazySet(w + 8, head);
        }
    }
}
