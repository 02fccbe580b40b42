package org.ts4kit.cache;

/**
 * The order in which a segment gives entries up when it is over its byte budget. The segment calls
 * these under its lock with slots of its {@link Slots}; the policy keeps its own lists and calls back
 * {@link Segment#evict} for each entry it chooses.
 */
abstract class EvictionPolicy {
    /** A new entry, already in the segment's slots and counted in its bytes. */
    abstract void onInsert(int slot);

    /** A hit on the entry. */
    abstract void onHit(int slot);

    /** The entry's frame was replaced (a put over it); it weighed {@code oldWeight} before. */
    abstract void onReplace(int slot, int oldWeight);

    /** The entry leaves the segment other than by eviction (invalidated): out of the policy's lists. */
    abstract void onRemove(int slot);

    /** Evicts through {@code segment.evict} until {@code segment.excess() <= 0}. */
    abstract void evict(Segment segment);

    abstract void clear();

    static EvictionPolicy of(ResourceCache.Policy policy, Slots slots, long maxBytes, long expectedEntries) {
        switch (policy) {
            case LRU:
                return new LruPolicy(slots);
            case W_TINY_LFU:
                return new TinyLfuPolicy(slots, maxBytes, expectedEntries);
            default:
                throw new IllegalArgumentException("unknown policy " + policy);
        }
    }
}
