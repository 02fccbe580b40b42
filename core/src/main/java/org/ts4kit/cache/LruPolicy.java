package org.ts4kit.cache;

/** Least recently used: one access-order list; a hit moves the entry to the front, the back is evicted. */
final class LruPolicy extends EvictionPolicy {
    private final AccessList order = new AccessList();

    @Override
    void onInsert(Node n) {
        order.addFirst(n);
    }

    @Override
    void onHit(Node n) {
        order.moveToFirst(n);
    }

    @Override
    void onReplace(Node n, int oldWeight) {
        order.reweigh(n, oldWeight);
        order.moveToFirst(n);
    }

    @Override
    void onRemove(Node n) {
        order.remove(n);
    }

    @Override
    void evict(Segment segment) {
        while (segment.excess() > 0) {
            Node victim = order.last();
            order.remove(victim);
            segment.evict(victim);
        }
    }

    @Override
    void clear() {
        order.clear();
    }
}
