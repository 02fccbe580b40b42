package org.ts4kit.cache;

/**
 * An intrusive doubly linked list of nodes in access order, most recent first, with the count and
 * the weight of what it holds: an LRU queue whose moves are O(1) and allocate nothing. A node is in
 * at most one list at a time. Not thread-safe: its segment's lock guards it.
 */
final class AccessList {
    private Node head;
    private Node tail;
    long bytes;
    int size;

    /** The most recently used node, or null. */
    Node first() {
        return head;
    }

    /** The least recently used node, or null. */
    Node last() {
        return tail;
    }

    void addFirst(Node n) {
        n.prev = null;
        n.next = head;
        if (head == null) {
            tail = n;
        } else {
            head.prev = n;
        }
        head = n;
        bytes += n.weight;
        size++;
    }

    void remove(Node n) {
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        n.prev = null;
        n.next = null;
        bytes -= n.weight;
        size--;
    }

    void moveToFirst(Node n) {
        if (head != n) {
            remove(n);
            addFirst(n);
        }
    }

    /** {@code n}, which this list holds, changed weight from {@code oldWeight} (its frame was replaced). */
    void reweigh(Node n, int oldWeight) {
        bytes += n.weight - oldWeight;
    }

    void clear() {
        head = null;
        tail = null;
        bytes = 0;
        size = 0;
    }
}
