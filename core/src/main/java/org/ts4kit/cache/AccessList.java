package org.ts4kit.cache;

import static org.ts4kit.cache.Slots.NONE;

/**
 * A doubly linked list of slots in access order, most recent first, through {@link Slots#prev} and
 * {@link Slots#next}, with the count and weight of what it holds: an LRU queue whose moves are O(1),
 * write ints only and allocate nothing. A slot is in at most one list at a time. Not thread-safe:
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
        int[] prev = slots.prev;
        slots.next[s] = head;
        prev[s] = NONE;
        if (head == NONE) {
            tail = s;
        } else {
            prev[head] = s;
        }
        head = s;
        bytes += slots.weight[s];
        size++;
    }

    void remove(int s) {
        int[] prev = slots.prev;
        int[] next = slots.next;
        int p = prev[s];
        int n = next[s];
        if (p == NONE) {
            head = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail = p;
        } else {
            prev[n] = p;
        }
        prev[s] = NONE;
        next[s] = NONE;
        bytes -= slots.weight[s];
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
        bytes += slots.weight[s] - oldWeight;
    }

    void clear() {
        head = NONE;
        tail = NONE;
        bytes = 0;
        size = 0;
    }
}
