package org.ts4kit.cache;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A slice of the cache, picked by hash: its own entries, byte budget, eviction policy and Bloom
 * filter, under its own lock, so threads working on different slices never wait for each other.
 *
 * <p>The filter answers look-ups without the lock (a volatile read and 32 bytes), so a key that was
 * never put costs no lock and no table probe. Evictions leave their bits behind, so the filter only
 * ever over-approximates, and it fills up as keys come and go: after as many additions as it was
 * sized for, its false-positive rate has reached the target, and the next addition rebuilds it from
 * the live keys, sized for twice as many (O(entries), amortised O(1) per put). The rebuild runs under
 * the lock, which puts and hits of this segment already take; look-ups keep reading the old filter
 * until the new one is published (one volatile write), and see every key in both.
 */
final class Segment {
    private final ReentrantLock lock = new ReentrantLock();
    private final Slots slots = new Slots();
    private final EvictionPolicy policy;
    private final long maxBytes;
    private final long minFilterItems;
    private final double fpp;
    private volatile BloomFilter filter;
    private long filterItems;
    private long filterAdds;
    private long bytes;
    // this segment's figures: counted under the lock every operation takes anyway, read by counts()
    private long hits;
    private long misses;
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
     * The frame stored for the key, or null. With {@code access} a look-up: counted as a hit or a
     * miss, and a hit recorded by the policy.
     */
    byte[] find(long hash, long packageId, int type, int group, long instance, boolean access) {
        lock.lock();
        try {
            int s = slots.find(hash, packageId, type, group, instance);
            if (s == Slots.NONE) {
                misses += access ? 1 : 0;
                return null;
            }
            if (access) {
                hits++;
                policy.onHit(s);
            }
            return slots.frame[s];
        } finally {
            lock.unlock();
        }
    }

    /** Stores {@code frame} for the key, then evicts until the segment is within its budget. */
    void put(long hash, long packageId, int type, int group, long instance, byte[] frame) {
        lock.lock();
        try {
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
            lock.unlock();
        }
    }

    /**
     * Removes the key's entry; {@code frame} non-null: only while the entry still holds that frame (one
     * the codec could not read), and with {@code hitWasMiss} its look-up, counted as a hit, becomes a miss.
     */
    boolean invalidate(long hash, long packageId, int type, int group, long instance, byte[] frame, boolean hitWasMiss) {
        lock.lock();
        try {
            if (hitWasMiss) {
                hits--;
                misses++;
            }
            int s = slots.find(hash, packageId, type, group, instance);
            if (s == Slots.NONE || (frame != null && slots.frame[s] != frame)) {
                return false;
            }
            remove(s);
            publish();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            policy.clear();
            slots.clear();
            bytes = 0;
            newFilter(minFilterItems);
            publish();
        } finally {
            lock.unlock();
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

    /** Adds hits, misses, puts, evictions and filter rebuilds to {@code into[0..5)}. */
    void addCounts(long[] into) {
        lock.lock();
        try {
            into[0] += hits;
            into[1] += misses;
            into[2] += puts;
            into[3] += evictions;
            into[4] += filterRebuilds;
        } finally {
            lock.unlock();
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
