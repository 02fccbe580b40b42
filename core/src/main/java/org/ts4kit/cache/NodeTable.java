package org.ts4kit.cache;

import java.util.function.Consumer;

/**
 * A segment's entries by key: a chained hash table over the nodes themselves, so a look-up compares
 * the key's fields in place and allocates nothing (a {@code HashMap} would need a key object per
 * look-up). Not thread-safe: its segment's lock guards it.
 */
final class NodeTable {
    private static final int MIN_BUCKETS = 16;
    private Node[] buckets = new Node[MIN_BUCKETS];
    private int size;

    int size() {
        return size;
    }

    Node find(long hash, long packageId, int type, int group, long instance) {
        for (Node n = buckets[index(hash, buckets.length)]; n != null; n = n.chain) {
            if (n.matches(hash, packageId, type, group, instance)) {
                return n;
            }
        }
        return null;
    }

    /** Adds a node whose key is not in the table. */
    void add(Node n) {
        if (size >= buckets.length - (buckets.length >>> 2)) { // load factor 3/4
            resize(buckets.length << 1);
        }
        int i = index(n.hash, buckets.length);
        n.chain = buckets[i];
        buckets[i] = n;
        size++;
    }

    /** Removes {@code n} (by identity); false when it is not here. */
    boolean remove(Node n) {
        int i = index(n.hash, buckets.length);
        Node prev = null;
        for (Node c = buckets[i]; c != null; prev = c, c = c.chain) {
            if (c == n) {
                if (prev == null) {
                    buckets[i] = c.chain;
                } else {
                    prev.chain = c.chain;
                }
                c.chain = null;
                size--;
                return true;
            }
        }
        return false;
    }

    void forEach(Consumer<Node> action) {
        for (Node head : buckets) {
            for (Node n = head; n != null; n = n.chain) {
                action.accept(n);
            }
        }
    }

    void clear() {
        buckets = new Node[MIN_BUCKETS];
        size = 0;
    }

    private void resize(int length) {
        Node[] old = buckets;
        Node[] grown = new Node[length];
        for (Node head : old) {
            for (Node n = head; n != null;) {
                Node next = n.chain;
                int i = index(n.hash, length);
                n.chain = grown[i];
                grown[i] = n;
                n = next;
            }
        }
        buckets = grown;
    }

    /** The low bits: the segment was chosen by bits 40 and up, so these still vary inside a segment. */
    private static int index(long hash, int length) {
        return (int) hash & (length - 1);
    }
}
