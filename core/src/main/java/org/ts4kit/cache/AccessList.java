package org.ts4kit.cache;

import static org.ts4kit.cache.Slots.NONE;

/**
 * A doubly linked list of slots in access order, most recent first, through the links of
 * {@link Slots}, with the count and weight of what it holds: an LRU queue whose moves are O(1),
 * write longs only and allocate nothing. A slot is in at most one list at a time. Not thread-safe:
 * its segment's lock guards it.
 */
final class AccessList {
    private final Slots slots;
    private int head = NONE;
    private int tail = NONE;
    long bytes;
    int size;

    AccessList(Slots slots) {
        this.slots = slots;
    }

    /** The most recently used slot, or {@link Slots#NONE}. */
    int first() {
        return head;
    }

    /** The least recently used slot, or {@link Slots#NONE}. */
    int last() {
        return tail;
    }

    void addFirst(int s) {
        slots.setNext(s, head);
        slots.setPrev(s, NONE);
        if (head == NONE) {
            tail = s;
        } else {
            slots.setPrev(head, s);
        }
        head = s;
        bytes += slots.weight(s);
        size++;
    }

    void remove(int s) {
        int p = slots.prev(s);
        int n = slots.next(s);
        if (p == NONE) {
            head = n;
        } else {
            slots.setNext(p, n);
        }
        if (n == NONE) {
            tail = p;
        } else {
            slots.setPrev(n, p);
        }
        slots.setPrev(s, NONE);
        slots.setNext(s, NONE);
        bytes -= slots.weight(s);
        size--;
    }

    void moveToFirst(int s) {
        if (head != s) {
            remove(s);
            addFirst(s);
        }
    }

    /** Slot {@code s}, which this list holds, changed weight from {@code oldWeight} (its frame was replaced). */
    void reweigh(int s, int oldWeight) {
        bytes += slots.weight(s) - oldWeight;
    }

    void clear() {
        head = NONE;
        tail = NONE;
        bytes = 0;
        size = 0;
    }
}
