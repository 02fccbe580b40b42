package org.ts4kit.cache;

/**
 * Window TinyLFU (Einziger, Friedman, Manes: "TinyLFU: A Highly Efficient Cache Admission Policy",
 * 2017; Caffeine's policy), by bytes. New entries enter a small LRU window (1 % of the bytes). What
 * the window pushes out becomes a candidate for the main space, a segmented LRU (probation, and a
 * protected part of 80 %, which entries reach by a second hit). When the main space is full, the
 * candidate duels the oldest probation entry: whichever a {@link FrequencySketch} says was used more
 * often lately stays. A full scan of a collection therefore passes through the window without
 * flushing what the repeated look-ups keep using, which plain LRU cannot do.
 *
 * <p>Left out of Caffeine's version: the hill climber that resizes the window to the workload, the
 * doorkeeper Bloom filter in front of the sketch, and the random admission that defends against
 * hash flooding (our hashes are keyed by package and mixed, not chosen by a remote user).
 */
final class TinyLfuPolicy extends EvictionPolicy {
    static final byte WINDOW = 0;
    static final byte PROBATION = 1;
    static final byte PROTECTED = 2;

    private final AccessList window = new AccessList();
    private final AccessList probation = new AccessList();
    private final AccessList protectedPart = new AccessList();
    private final FrequencySketch sketch;
    private final long windowMax;
    private final long protectedMax;

    TinyLfuPolicy(long maxBytes, long expectedEntries) {
        this.windowMax = Math.max(1, maxBytes / 100);
        this.protectedMax = (maxBytes - windowMax) / 5 * 4;
        this.sketch = new FrequencySketch(expectedEntries);
    }

    @Override
    void onInsert(Node n) {
        sketch.increment(n.hash);
        n.queue = WINDOW;
        window.addFirst(n);
        sketch.ensureCapacity((long) window.size + probation.size + protectedPart.size);
    }

    @Override
    void onHit(Node n) {
        sketch.increment(n.hash);
        switch (n.queue) {
            case WINDOW:
                window.moveToFirst(n);
                break;
            case PROBATION: // a second use: into the protected part, which may push its oldest back to probation
                probation.remove(n);
                n.queue = PROTECTED;
                protectedPart.addFirst(n);
                while (protectedPart.bytes > protectedMax) {
                    Node demoted = protectedPart.last();
                    protectedPart.remove(demoted);
                    demoted.queue = PROBATION;
                    probation.addFirst(demoted);
                }
                break;
            default:
                protectedPart.moveToFirst(n);
        }
    }

    @Override
    void onReplace(Node n, int oldWeight) {
        listOf(n).reweigh(n, oldWeight);
        onHit(n);
    }

    @Override
    void onRemove(Node n) {
        listOf(n).remove(n);
    }

    @Override
    void evict(Segment segment) {
        int candidates = 0;
        while (window.bytes > windowMax && window.size > 0) {
            Node c = window.last();
            window.remove(c);
            c.queue = PROBATION;
            probation.addFirst(c);
            candidates++;
        }
        // candidates fill probation's front, newest first; victims come from its back, oldest first
        Node candidate = candidates > 0 ? probation.first() : null;
        Node victim = probation.last();
        while (segment.excess() > 0) {
            if (victim == null && candidate == null) { // probation is spent: the protected part, then the window
                Node other = probation.last() != null ? probation.last()
                        : protectedPart.last() != null ? protectedPart.last() : window.last();
                evict(segment, other);
            } else if (candidate == null || victim == null) {
                Node loser = candidate == null ? victim : candidate;
                if (candidate == null) {
                    victim = victim.prev;
                } else {
                    candidate = --candidates > 0 ? candidate.next : null;
                }
                evict(segment, loser);
            } else if (candidate == victim) { // they met: no candidate left to duel
                Node loser = victim;
                victim = victim.prev;
                candidate = null;
                candidates = 0;
                evict(segment, loser);
            } else if (sketch.frequency(candidate.hash) > sketch.frequency(victim.hash)) {
                Node loser = victim;
                victim = victim.prev;
                evict(segment, loser);
                candidate = --candidates > 0 ? candidate.next : null;
            } else {
                Node loser = candidate;
                Node next = candidate.next;
                candidate = --candidates > 0 ? next : null;
                evict(segment, loser);
            }
        }
    }

    private void evict(Segment segment, Node n) {
        listOf(n).remove(n);
        segment.evict(n);
    }

    private AccessList listOf(Node n) {
        return n.queue == WINDOW ? window : n.queue == PROBATION ? probation : protectedPart;
    }

    @Override
    void clear() {
        window.clear();
        probation.clear();
        protectedPart.clear();
    }
}
