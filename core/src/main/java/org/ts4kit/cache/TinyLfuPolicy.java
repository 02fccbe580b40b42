package org.ts4kit.cache;

import static org.ts4kit.cache.Slots.NONE;

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

    private final Slots slots;
    private final AccessList window;
    private final AccessList probation;
    private final AccessList protectedPart;
    private final FrequencySketch sketch;
    private final long windowMax;
    private final long protectedMax;

    TinyLfuPolicy(Slots slots, long maxBytes, long expectedEntries) {
        this.slots = slots;
        this.window = new AccessList(slots);
        this.probation = new AccessList(slots);
        this.protectedPart = new AccessList(slots);
        this.windowMax = Math.max(1, maxBytes / 100);
        this.protectedMax = (maxBytes - windowMax) / 5 * 4;
        this.sketch = new FrequencySketch(expectedEntries);
    }

    @Override
    void onInsert(int s) {
        sketch.increment(slots.hash(s));
        slots.queue[s] = WINDOW;
        window.addFirst(s);
        sketch.ensureCapacity(slots.size());
    }

    @Override
    void onHit(int s) {
        sketch.increment(slots.hash(s));
        switch (slots.queue[s]) {
            case WINDOW:
                window.moveToFirst(s);
                break;
            case PROBATION: // a second use: into the protected part, which may push its oldest back to probation
                probation.remove(s);
                slots.queue[s] = PROTECTED;
                protectedPart.addFirst(s);
                while (protectedPart.bytes > protectedMax) {
                    int demoted = protectedPart.last();
                    protectedPart.remove(demoted);
                    slots.queue[demoted] = PROBATION;
                    probation.addFirst(demoted);
                }
                break;
            default:
                protectedPart.moveToFirst(s);
        }
    }

    @Override
    void onReplace(int s, int oldWeight) {
        listOf(s).reweigh(s, oldWeight);
        onHit(s);
    }

    @Override
    void onRemove(int s) {
        listOf(s).remove(s);
    }

    @Override
    void evict(Segment segment) {
        int candidates = 0;
        while (window.bytes > windowMax && window.size > 0) {
            int c = window.last();
            window.remove(c);
            slots.queue[c] = PROBATION;
            probation.addFirst(c);
            candidates++;
        }
        // candidates fill probation's front, newest first; victims come from its back, oldest first
        int candidate = candidates > 0 ? probation.first() : NONE;
        int victim = probation.last();
        while (segment.excess() > 0) {
            if (victim == NONE && candidate == NONE) { // probation is spent: the protected part, then the window
                int other = probation.last() != NONE ? probation.last()
                        : protectedPart.last() != NONE ? protectedPart.last() : window.last();
                evict(segment, other);
            } else if (candidate == NONE || victim == NONE) {
                int loser = candidate == NONE ? victim : candidate;
                if (candidate == NONE) {
                    victim = slots.prev(victim);
                } else {
                    candidate = --candidates > 0 ? slots.next(candidate) : NONE;
                }
                evict(segment, loser);
            } else if (candidate == victim) { // they met: no candidate left to duel
                int loser = victim;
                victim = slots.prev(victim);
                candidate = NONE;
                candidates = 0;
                evict(segment, loser);
            } else if (sketch.frequency(slots.hash(candidate)) > sketch.frequency(slots.hash(victim))) {
                int loser = victim;
                victim = slots.prev(victim);
                evict(segment, loser);
                candidate = --candidates > 0 ? slots.next(candidate) : NONE;
            } else {
                int loser = candidate;
                int next = slots.next(candidate);
                candidate = --candidates > 0 ? next : NONE;
                evict(segment, loser);
            }
        }
    }

    private void evict(Segment segment, int s) {
        listOf(s).remove(s);
        segment.evict(s);
    }

    private AccessList listOf(int s) {
        byte q = slots.queue[s];
        return q == WINDOW ? window : q == PROBATION ? probation : protectedPart;
    }

    @Override
    void clear() {
        window.clear();
        probation.clear();
        protectedPart.clear();
    }
}
