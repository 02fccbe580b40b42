package org.ts4kit.cache;

import java.util.Arrays;

/**
 * A segment's entries, each a run of {@value #STRIDE} longs in one array: hash, package, instance,
 * type and group, the bucket chain of the hash table and the weight. A look-up compares the key in one
 * or two cache lines, and there is no object per entry. The access-order links of the eviction policy
 * are a second array: the policy rewrites them for every hit it replays, and on the key's line that
 * would take the line away from the threads reading keys. Linked nodes (the first version) cost a hit
 * ~300 ns under G1: moving a node stores references into old objects, and G1's post-write barrier pays
 * for each; one array per field (the second) touched ten cache lines per hit. Frames sit beside, in
 * {@link #frame}; free slots form a list through the chain field; the arrays double when full.
 * Written under its segment's write lock; {@link #findOptimistic} reads it without.
 */
final class Slots {
    static final int NONE = -1;
    /**
     * What an entry costs besides its frame, for the byte bound: its 40 + 8 + 8 + 1 bytes here, headroom
     * after doubling, the frame's array header (16 B) and its bucket.
     */
    static final int OVERHEAD = 96;
    static final int STRIDE = 5;
    private static final int HASH = 0;
    private static final int PACKAGE = 1;
    private static final int INSTANCE = 2;
    private static final int TYPE_GROUP = 3;
    /** the next slot in the same bucket or the free list (high 32 bits) and the weight (low 32 bits). */
    private static final int CHAIN_WEIGHT = 4;
    private static final int MIN_CAPACITY = 16;

    private long[] meta;
    /** Per slot: prev (high 32 bits) and next (low 32 bits) in access order. */
    private long[] links;
    byte[][] frame;
    /** Which list of the policy holds the slot ({@link TinyLfuPolicy}). */
    byte[] queue;
    private int[] buckets;
    private int size;
    private int used;
    private int free = NONE;

    Slots() {
        clear();
    }

    int size() {
        return size;
    }

    /** The slot holding the key, or {@link #NONE}. */
    int find(long h, long p, int t, int g, long i) {
        long[] m = meta;
        long tg = typeGroup(t, g);
        for (int s = buckets[bucket(h, buckets.length)]; s != NONE; s = chain(s)) {
            int at = s * STRIDE;
            if (m[at + HASH] == h && m[at + INSTANCE] == i && m[at + PACKAGE] == p && m[at + TYPE_GROUP] == tg) {
                return s;
            }
        }
        return NONE;
    }

    /** {@link #find}'s answer was not reliable: the slots changed while it looked ({@link #findOptimistic}). */
    static final int RETRY = -2;
    /** Chain steps an optimistic look-up takes before it gives up (chains hold ~1 slot at load 3/4). */
    private static final int MAX_OPTIMISTIC_STEPS = 32;

    /**
     * {@link #find} without the lock, while a writer may be changing the slots: its answer counts only if
     * the lock's stamp still validates afterwards. Until then the arrays may be mid-change, so every index
     * is checked and the walk is bounded (a chain read half before and half after a change could loop):
     * {@link #RETRY} when it cannot tell.
     */
    int findOptimistic(long h, long p, int t, int g, long i) {
        long[] m = meta;
        int[] b = buckets;
        long tg = typeGroup(t, g);
        int s = b[bucket(h, b.length)];
        for (int steps = 0; s != NONE; steps++) {
            int at = s * STRIDE;
            if (steps == MAX_OPTIMISTIC_STEPS || s < 0 || at + STRIDE > m.length) {
                return RETRY;
            }
            if (m[at + HASH] == h && m[at + INSTANCE] == i && m[at + PACKAGE] == p && m[at + TYPE_GROUP] == tg) {
                return s;
            }
            s = (int) (m[at + CHAIN_WEIGHT] >> 32);
        }
        return NONE;
    }

    /** Slot {@code s}'s frame, or null when {@code s} is outside the arrays (an optimistic read of a changing table). */
    byte[] frameOptimistic(int s) {
        byte[][] f = frame;
        return s < f.length ? f[s] : null;
    }

    /** A new slot for a key that is not here, holding {@code f}, in no access list yet. */
    int add(long h, long p, int t, int g, long i, byte[] f) {
        if (size >= buckets.length - (buckets.length >>> 2)) { // load factor 3/4; before the new slot is live
            rehash(buckets.length << 1);
        }
        int s = free;
        if (s != NONE) {
            free = chain(s);
        } else {
            if (used == frame.length) {
                grow(frame.length << 1);
            }
            s = used++;
        }
        int at = s * STRIDE;
        meta[at + HASH] = h;
        meta[at + PACKAGE] = p;
        meta[at + INSTANCE] = i;
        meta[at + TYPE_GROUP] = typeGroup(t, g);
        links[s] = links(NONE, NONE);
        int b = bucket(h, buckets.length);
        meta[at + CHAIN_WEIGHT] = chainWeight(buckets[b], weightOf(f));
        buckets[b] = s;
        frame[s] = f;
        size++;
        return s;
    }

    long hash(int s) {
        return meta[s * STRIDE + HASH];
    }

    int weight(int s) {
        return (int) meta[s * STRIDE + CHAIN_WEIGHT];
    }

    int prev(int s) {
        return (int) (links[s] >> 32);
    }

    int next(int s) {
        return (int) links[s];
    }

    void setPrev(int s, int prev) {
        links[s] = links(prev, (int) links[s]);
    }

    void setNext(int s, int next) {
        links[s] = links((int) (links[s] >> 32), next);
    }

    void setFrame(int s, byte[] f) {
        frame[s] = f;
        int at = s * STRIDE + CHAIN_WEIGHT;
        meta[at] = chainWeight((int) (meta[at] >> 32), weightOf(f));
    }

    static int weightOf(byte[] frame) {
        return frame.length + OVERHEAD;
    }

    /** Frees slot {@code s} (out of any access list already) and drops its frame. */
    void remove(int s) {
        int b = bucket(hash(s), buckets.length);
        if (buckets[b] == s) {
            buckets[b] = chain(s);
        } else {
            int c = buckets[b];
            while (chain(c) != s) {
                c = chain(c);
            }
            setChain(c, chain(s));
        }
        frame[s] = null;
        setChain(s, free);
        free = s;
        size--;
    }

    /** Adds the Bloom hash of every live entry to {@code filter}: one pass over the slots. */
    void addAllTo(BloomFilter filter) {
        for (int s = 0; s < used; s++) {
            if (frame[s] != null) {
                filter.add(Segment.bloomHash(hash(s)));
            }
        }
    }

    void clear() {
        meta = new long[MIN_CAPACITY * STRIDE];
        links = new long[MIN_CAPACITY];
        frame = new byte[MIN_CAPACITY][];
        queue = new byte[MIN_CAPACITY];
        buckets = new int[MIN_CAPACITY];
        Arrays.fill(buckets, NONE);
        size = 0;
        used = 0;
        free = NONE;
    }

    private int chain(int s) {
        return (int) (meta[s * STRIDE + CHAIN_WEIGHT] >> 32);
    }

    private void setChain(int s, int chain) {
        int at = s * STRIDE + CHAIN_WEIGHT;
        meta[at] = chainWeight(chain, (int) meta[at]);
    }

    private void grow(int capacity) {
        meta = Arrays.copyOf(meta, capacity * STRIDE);
        links = Arrays.copyOf(links, capacity);
        frame = Arrays.copyOf(frame, capacity);
        queue = Arrays.copyOf(queue, capacity);
    }

    private void rehash(int length) {
        int[] grown = new int[length];
        Arrays.fill(grown, NONE);
        for (int s = 0; s < used; s++) {
            if (frame[s] != null) {
                int b = bucket(hash(s), length);
                setChain(s, grown[b]);
                grown[b] = s;
            }
        }
        buckets = grown;
    }

    private static long typeGroup(int type, int group) {
        return ((long) type << 32) | (group & 0xFFFF_FFFFL);
    }

    private static long links(int prev, int next) {
        return ((long) prev << 32) | (next & 0xFFFF_FFFFL);
    }

    private static long chainWeight(int chain, int weight) {
        return ((long) chain << 32) | (weight & 0xFFFF_FFFFL);
    }

    /** The low bits: the segment was chosen by bits 40 and up, so these still vary inside a segment. */
    private static int bucket(long hash, int length) {
        return (int) hash & (length - 1);
    }
}
