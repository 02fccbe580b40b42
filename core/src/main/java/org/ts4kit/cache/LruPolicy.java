package org.ts4kit.cache;

/** Least recently used: one access-order list; a hit moves the entry to the front, the back is evicted. */
final class LruPolicy extends EvictionPolicy {
    private final AccessList order;

    LruPolicy(Slots slots) {
        this.order = new AccessList(slots);
    }

    @Override
    void onInsert(int slot) {
        order.addFirst(slot);
    }

    @Override
    void onHit(int slot) {
        order.moveToFirst(slot);
    }

    @Override
    void onReplace(int slot, int oldWeight) {
        order.reweigh(slot, oldWeight);
        order.moveToFirst(slot);
    }

    @Override
    void onRemove(int slot) {
        order.remove(slot);
    }

    @Override
    void evict(Segment segment) {
        while (segment.excess() > 0) {
            int victim = order.last();
            order.remove(victim);
            segment.evict(victim);
        }
    }

    @Override
    void clear() {
        order.clear();
    }
}
