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
    private final NodeTable table = new NodeTable();
    private final EvictionPolicy policy;
    private final long maxBytes;
    private final long minFilterItems;
    private final double fpp;
    private final Counters counters;
    private volatile BloomFilter filter;
    private long filterItems;
    private long filterAdds;
    private long bytes;
    /** {@link #bytes} and the entry count as last published: written under the lock once an operation is complete. */
    private volatile long bytesView;
    private volatile int entriesView;

    Segment(ResourceCache.Policy policy, long maxBytes, long expectedEntries, double fpp, Counters counters) {
        this.policy = EvictionPolicy.of(policy, maxBytes, expectedEntries);
        this.maxBytes = maxBytes;
        this.minFilterItems = Math.max(64, expectedEntries);
        this.fpp = fpp;
        this.counters = counters;
        newFilter(minFilterItems);
    }

    /** The filter's answer for the hash: false means the key is not here (no lock, no table probe). */
    boolean mayHold(long hash) {
        return filter.mightContain(bloomHash(hash));
    }

    /** The frame stored for the key, or null; a hit when {@code access}, which the policy records. */
    byte[] find(long hash, long packageId, int type, int group, long instance, boolean access) {
        lock.lock();
        try {
            Node n = table.find(hash, packageId, type, group, instance);
            if (n == null) {
                return null;
            }
            if (access) {
                policy.onHit(n);
            }
            return n.frame;
        } finally {
            lock.unlock();
        }
    }

    /** Stores {@code frame} for the key, then evicts until the segment is within its budget. */
    void put(long hash, long packageId, int type, int group, long instance, byte[] frame) {
        lock.lock();
        try {
            long before = bytes;
            Node n = table.find(hash, packageId, type, group, instance);
            if (Node.weightOf(frame) > maxBytes) { // never fits: and the old value, if any, is stale now
                if (n != null) {
                    remove(n);
                }
            } else if (n != null) {
                int old = n.weight;
                n.setFrame(frame);
                bytes += n.weight - old;
                policy.onReplace(n, old);
            } else {
                n = new Node(hash, packageId, type, group, instance, frame);
                table.add(n);
                bytes += n.weight;
                policy.onInsert(n);
                addToFilter(n);
            }
            policy.evict(this);
            counters.held(bytes - before);
            publish();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the key's entry; {@code frame} non-null: only while it still holds that frame. */
    boolean invalidate(long hash, long packageId, int type, int group, long instance, byte[] frame) {
        lock.lock();
        try {
            Node n = table.find(hash, packageId, type, group, instance);
            if (n == null || (frame != null && n.frame != frame)) {
                return false;
            }
            long before = bytes;
            remove(n);
            counters.held(bytes - before);
            publish();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            counters.held(-bytes);
            table.clear();
            policy.clear();
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

    /** Called by the policy, which has already unlinked {@code n} from its lists. */
    void evict(Node n) {
        table.remove(n);
        bytes -= n.weight;
        n.frame = null;
        counters.evicted();
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

    private void remove(Node n) {
        policy.onRemove(n);
        table.remove(n);
        bytes -= n.weight;
        n.frame = null;
    }

    private void addToFilter(Node n) {
        if (filterAdds >= filterItems) {
            newFilter(Math.max(minFilterItems, 2L * table.size())); // the new node is in the table already
            counters.filterRebuilds.increment();
        } else {
            filter.add(bloomHash(n.hash));
            filterAdds++;
        }
    }

    private void newFilter(long items) {
        BloomFilter f = BloomFilter.create(items, fpp);
        table.forEach(n -> f.add(bloomHash(n.hash)));
        filterItems = items;
        filterAdds = table.size();
        filter = f;
    }

    private void publish() {
        bytesView = bytes;
        entriesView = table.size();
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
