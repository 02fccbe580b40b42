package org.ts4kit.cache;

/**
 * One cached resource: its key, its hash (computed once, at the API edge), its compressed frame, and
 * the links of the two structures it lives in: a bucket chain of its segment's {@link NodeTable} and
 * one access-order list of the eviction policy. Guarded by its segment's lock.
 */
final class Node {
    /** What an entry costs besides its frame: this node (72 B), the frame's array header (16 B), its bucket slot and filter bits (~7 B). */
    static final int OVERHEAD = 96;

    final long hash;
    final long packageId;
    final int type;
    final int group;
    final long instance;
    byte[] frame;
    /** {@code frame.length + OVERHEAD}: what the byte bound counts. */
    int weight;
    /** Which list of the policy holds it ({@link TinyLfuPolicy}'s queues). */
    byte queue;
    Node prev;
    Node next;
    Node chain;

    Node(long hash, long packageId, int type, int group, long instance, byte[] frame) {
        this.hash = hash;
        this.packageId = packageId;
        this.type = type;
        this.group = group;
        this.instance = instance;
        setFrame(frame);
    }

    void setFrame(byte[] frame) {
        this.frame = frame;
        this.weight = weightOf(frame);
    }

    static int weightOf(byte[] frame) {
        return frame.length + OVERHEAD;
    }

    boolean matches(long hash, long packageId, int type, int group, long instance) {
        return this.hash == hash && this.instance == instance && this.packageId == packageId && this.type == type
                && this.group == group;
    }
}
