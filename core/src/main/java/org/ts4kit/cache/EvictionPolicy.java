package org.ts4kit.cache;

/**
 * The order in which a segment gives entries up when it is over its byte budget. The segment calls
 * these under its lock; the policy keeps its own lists and calls back {@link Segment#evict} for each
 * entry it chooses.
 */
abstract class EvictionPolicy {
    /** A new entry, already in the segment's table and counted in its bytes. */
    abstract void onInsert(Node n);

    /** A hit on {@code n} (or a put that replaced its value). */
    abstract void onHit(Node n);

    /** {@code n}'s frame was replaced; it weighed {@code oldWeight} before. */
    abstract void onReplace(Node n, int oldWeight);

    /** {@code n} left the segment other than by eviction (invalidated). */
    abstract void onRemove(Node n);

    /** Evicts through {@code segment.evict} until {@code segment.excess() <= 0}. */
    abstract void evict(Segment segment);

    abstract void clear();

    static EvictionPolicy of(ResourceCache.Policy policy, long maxBytes, long expectedEntries) {
        switch (policy) {
            case LRU:
                return new LruPolicy();
            case W_TINY_LFU:
                return new TinyLfuPolicy(maxBytes, expectedEntries);
            default:
                throw new IllegalArgumentException("unknown policy " + policy);
        }
    }
}
