package org.ts4kit.cache;

import java.util.Arrays;

/**
 * A segment's entries as parallel primitive arrays indexed by slot: key, hash, frame, weight, the
 * access-order links of the eviction policy and the bucket chains of the hash table. No object per
 * entry, and the links are ints: a hit that moves an entry to the front of its list writes a few
 * ints, where linked nodes would store references into old objects, and G1's post-write barrier
 * made that move cost ~300 ns (JMH {@code CacheBenchmark.cacheHit}, a node-based first version; 80 ns
 * under the Parallel collector). Free slots form a list through {@link #chain}; the arrays double when
 * full. Not thread-safe: its segment's lock guards it.
 */
final class Slots {
    static final int NONE = -1;
    /**
     * What an entry costs besides its frame, for the byte bound: its share of these arrays (57 B),
     * their headroom after doubling, the frame's array header (16 B) and the bucket array.
     */
    static final int OVERHEAD = 96;
    private static final int MIN_CAPACITY = 16;

    long[] hash;
    long[] packageId;
    int[] type;
    int[] group;
    long[] instance;
    byte[][] frame;
    int[] weight;
    /** Access-order links ({@link AccessList}) and which list holds the slot ({@link TinyLfuPolicy}). */
    int[] prev;
    int[] next;
    byte[] queue;
    /** The next slot in the same bucket, or in the free list. */
    private int[] chain;
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
        for (int s = buckets[bucket(h, buckets.length)]; s != NONE; s = chain[s]) {
            if (hash[s] == h && instance[s] == i && packageId[s] == p && type[s] == t && group[s] == g) {
                return s;
            }
        }
        return NONE;
    }

    /** A new slot for a key that is not here, holding {@code f}. */
    int add(long h, long p, int t, int g, long i, byte[] f) {
        if (size >= buckets.length - (buckets.length >>> 2)) { // load factor 3/4; before the new slot is live
            rehash(buckets.length << 1);
        }
        int s = free;
        if (s != NONE) {
            free = chain[s];
        } else {
            if (used == hash.length) {
                grow(hash.length << 1);
            }
            s = used++;
        }
        hash[s] = h;
        packageId[s] = p;
        type[s] = t;
        group[s] = g;
        instance[s] = i;
        setFrame(s, f);
        prev[s] = NONE;
        next[s] = NONE;
        size++;
        int b = bucket(h, buckets.length);
        chain[s] = buckets[b];
        buckets[b] = s;
        return s;
    }

    void setFrame(int s, byte[] f) {
        frame[s] = f;
        weight[s] = weightOf(f);
    }

    static int weightOf(byte[] frame) {
        return frame.length + OVERHEAD;
    }

    /** Frees slot {@code s} (out of any access list already) and drops its frame. */
    void remove(int s) {
        int b = bucket(hash[s], buckets.length);
        if (buckets[b] == s) {
            buckets[b] = chain[s];
        } else {
            int c = buckets[b];
            while (chain[c] != s) {
                c = chain[c];
            }
            chain[c] = chain[s];
        }
        frame[s] = null;
        chain[s] = free;
        free = s;
        size--;
    }

    /** Adds the Bloom hash of every live entry to {@code filter}: one pass over two arrays. */
    void addAllTo(BloomFilter filter) {
        for (int s = 0; s < used; s++) {
            if (frame[s] != null) {
                filter.add(Segment.bloomHash(hash[s]));
            }
        }
    }

    void clear() {
        hash = new long[MIN_CAPACITY];
        packageId = new long[MIN_CAPACITY];
        type = new int[MIN_CAPACITY];
        group = new int[MIN_CAPACITY];
        instance = new long[MIN_CAPACITY];
        frame = new byte[MIN_CAPACITY][];
        weight = new int[MIN_CAPACITY];
        prev = new int[MIN_CAPACITY];
        next = new int[MIN_CAPACITY];
        queue = new byte[MIN_CAPACITY];
        chain = new int[MIN_CAPACITY];
        buckets = new int[MIN_CAPACITY];
        Arrays.fill(buckets, NONE);
        size = 0;
        used = 0;
        free = NONE;
    }

    private void grow(int capacity) {
        hash = Arrays.copyOf(hash, capacity);
        packageId = Arrays.copyOf(packageId, capacity);
        type = Arrays.copyOf(type, capacity);
        group = Arrays.copyOf(group, capacity);
        instance = Arrays.copyOf(instance, capacity);
        frame = Arrays.copyOf(frame, capacity);
        weight = Arrays.copyOf(weight, capacity);
        prev = Arrays.copyOf(prev, capacity);
        next = Arrays.copyOf(next, capacity);
        queue = Arrays.copyOf(queue, capacity);
        chain = Arrays.copyOf(chain, capacity);
    }

    private void rehash(int length) {
        int[] grown = new int[length];
        Arrays.fill(grown, NONE);
        for (int s = 0; s < used; s++) {
            if (frame[s] != null) {
                int b = bucket(hash[s], length);
                chain[s] = grown[b];
                grown[b] = s;
            }
        }
        buckets = grown;
    }

    /** The low bits: the segment was chosen by bits 40 and up, so these still vary inside a segment. */
    private static int bucket(long hash, int length) {
        return (int) hash & (length - 1);
    }
}
