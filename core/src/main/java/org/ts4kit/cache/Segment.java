package org.ts4kit.cache;

import java.util.concurrent.locks.StampedLock;

/**
 * A slice of the cache, picked by hash: its own entries, byte budget, eviction policy and Bloom
 * filter. Writes (puts, invalidations, evictions) take its write lock; look-ups almost never lock.
 *
 * <p>A look-up first asks the filter (a volatile read and 32 bytes), so a key that was never put costs
 * no table probe. Otherwise it reads the slots optimistically ({@link StampedLock#tryOptimisticRead}):
 * the answer stands if no write happened meanwhile, else it is tried again, and after a few tries taken
 * under the shared read lock. A hit is
 * recorded in a {@link ReadBuffer} and reaches the policy when the next writer, or a reader that
 * fills a stripe, drains it: a reader never waits behind a put, an eviction or a filter rebuild, and
 * does not write the lock's word.
 *
 * <p>Evictions leave their keys' bits behind, so the filter only ever over-approximates, and it
 * fills up as keys come and go: after as many additions as it was sized for, its false-positive rate
 * has reached the target, and the next addition rebuilds it from the live keys, sized for twice as
 * many (O(entries), amortised O(1) per put). The rebuild runs under the write lock; look-ups keep
 * reading the old filter until the new one is published (one volatile write), and see every key in both.
 */
final class Segment {
    /** Optimistic reads before a look-up takes the read lock. */
    private static final int OPTIMISTIC_TRIES = 4;

    private final StampedLock lock = new StampedLock();
    private final Slots slots = new Slots();
    private final ReadBuffer reads = new ReadBuffer();
    private final EvictionPolicy policy;
    private final long maxBytes;
    private final long minFilterItems;
    private final double fpp;
    private volatile BloomFilter filter;
    private long filterItems;
    private long filterAdds;
    private long bytes;
    // this segment's figures, counted under the lock the writes take anyway (hits and misses: ResourceCache)
    private long puts;
    private long evictions;
    private long filterRebuilds;
    /** {@link #bytes} and the entry count as last published: written under the lock once an operation is complete. */
    private volatile long bytesView;
    private volatile int entriesView;

    Segment(ResourceCache.Policy policy, long maxBytes, long expectedEntries, double fpp) {
        this.policy = EvictionPolicy.of(policy, slots, maxBytes, expectedEntries);
        this.maxBytes = maxBytes;
        this.minFilterItems = Math.max(64, expectedEntries);
        this.fpp = fpp;
        newFilter(minFilterItems);
    }

    /** The filter's answer for the hash: false means the key is not here (no lock, no table probe). */
    boolean mayHold(long hash) {
        return filter.mightContain(bloomHash(hash));
    }

    /**
     * The frame stored for the key, or null. Without the lock: an optimistic read of the slots, which
     * stands if no write happened meanwhile; after a few failed tries (a writer was busy), under the
     * shared read lock. With {@code access}, a hit is recorded in the read buffer for the policy, and a
     * full stripe is drained.
     */
    byte[] find(long hash, long packageId, int type, int group, long instance, boolean access) {
        int s = Slots.RETRY;
        byte[] frame = null;
        for (int attempt = 0; attempt < OPTIMISTIC_TRIES && s == Slots.RETRY; attempt++) {
            long stamp = lock.tryOptimisticRead();
            if (stamp == 0) {
                Thread.onSpinWait(); // a writer holds the lock: it is usually short
                continue;
            }
            s = slots.findOptimistic(hash, packageId, type, group, instance);
            frame = s >= 0 ? slots.frameOptimistic(s) : null;
            if ((s >= 0 && frame == null) || !lock.validate(stamp)) {
                s = Slots.RETRY;
            }
        }
        if (s == Slots.RETRY) {
            long stamp = lock.readLock();
            try {
                s = slots.find(hash, packageId, type, group, instance);
                frame = s >= 0 ? slots.frame[s] : null;
            } finally {
                lock.unlockRead(stamp);
            }
        }
        if (frame != null && access && reads.offer(s)) {
            drainIfFree();
        }
        return frame;
    }

    /** Replays the recorded hits if no one holds the lock; a busy lock means a writer, who drains first. */
    private void drainIfFree() {
        long stamp = lock.tryWriteLock();
        if (stamp != 0) {
            try {
                drainReads();
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    /** Under the write lock: the recorded hits, on slots that still hold an entry (a slot may have been freed since). */
    private void drainReads() {
        reads.drain(s -> {
            if (s < slots.frame.length && slots.frame[s] != null) { // clear() may have shrunk the slots since
                policy.onHit(s);
            }
        });
    }

    /** Stores {@code frame} for the key, then evicts until the segment is within its budget. */
    void put(long hash, long packageId, int type, int group, long instance, byte[] frame) {
        long stamp = lock.writeLock();
        try {
            drainReads(); // the hits so far, before this put changes what the policy would evict
            puts++;
            int s = slots.find(hash, packageId, type, group, instance);
            if (Slots.weightOf(frame) > maxBytes) { // never fits: and the old value, if any, is stale now
                if (s != Slots.NONE) {
                    remove(s);
                }
            } else if (s != Slots.NONE) {
                int old = slots.weight(s);
                slots.setFrame(s, frame);
                bytes += slots.weight(s) - old;
                policy.onReplace(s, old);
            } else {
                s = slots.add(hash, packageId, type, group, instance, frame);
                bytes += slots.weight(s);
                policy.onInsert(s);
                addToFilter(hash);
            }
            policy.evict(this);
            publish();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Removes the key's entry; {@code frame} non-null: only while the entry still holds that frame (one the codec could not read). */
    boolean invalidate(long hash, long packageId, int type, int group, long instance, byte[] frame) {
        long stamp = lock.writeLock();
        try {
            drainReads(); // a recorded hit on the slot about to be freed must not reach the policy after it
            int s = slots.find(hash, packageId, type, group, instance);
            if (s == Slots.NONE || (frame != null && slots.frame[s] != frame)) {
                return false;
            }
            remove(s);
            publish();
            return true;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    void clear() {
        long stamp = lock.writeLock();
        try {
            drainReads();
            policy.clear();
            slots.clear();
            bytes = 0;
            newFilter(minFilterItems);
            publish();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Bytes over the budget (the policy evicts while this is positive). */
    long excess() {
        return bytes - maxBytes;
    }

    /** Called by the policy, which has already taken slot {@code s} out of its lists. */
    void evict(int s) {
        bytes -= slots.weight(s);
        slots.remove(s);
        evictions++;
    }

    /** Adds puts, evictions and filter rebuilds to {@code into[0..3)}. */
    void addCounts(long[] into) {
        long stamp = lock.writeLock();
        try {
            into[0] += puts;
            into[1] += evictions;
            into[2] += filterRebuilds;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    long bytes() {
        return bytesView;
    }

    int entries() {
        return entriesView;
    }

    long filterBytes() {
        return filter.serializedSize();
    }

    private void remove(int s) {
        policy.onRemove(s);
        bytes -= slots.weight(s);
        slots.remove(s);
    }

    private void addToFilter(long hash) {
        if (filterAdds >= filterItems) {
            newFilter(Math.max(minFilterItems, 2L * slots.size())); // the new entry is in the slots already
            filterRebuilds++;
        } else {
            filter.add(bloomHash(hash));
            filterAdds++;
        }
    }

    private void newFilter(long items) {
        BloomFilter f = BloomFilter.create(items, fpp);
        slots.addAllTo(f);
        filterItems = items;
        filterAdds = slots.size();
        filter = f;
    }

    private void publish() {
        bytesView = bytes;
        entriesView = slots.size();
    }

    /**
     * The filter's view of an entry hash. Segments are chosen by bits 40 and up, which are therefore
     * alike within one; the filter picks its block from the high half of what it is given, so it gets
     * the halves swapped and picks blocks by the low half, which varies.
     */
    static long bloomHash(long hash) {
        return Long.rotateLeft(hash, 32);
    }
}
