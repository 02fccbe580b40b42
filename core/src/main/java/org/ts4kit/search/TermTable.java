package org.ts4kit.search;

import java.util.Arrays;

/**
 * Token to growing posting list while an index is built: open addressing over parallel arrays (the
 * token, its hash, its resources so far), no node or wrapper object per token or per posting. Building
 * a collection's index is one look-up per (token, resource) pair, tens of millions for string tables,
 * and {@code HashMap.computeIfAbsent} with a list object per term measured 4x slower here
 * (SearchBenchmark.build, 1M resources).
 */
final class TermTable {
    private String[] tokens = new String[1 << 10];
    private int[] hashes = new int[1 << 10];
    private int[][] docs = new int[1 << 10][];
    private int[] counts = new int[1 << 10];
    private int size;

    /** Resource {@code doc} holds {@code token}; calls come in non-decreasing {@code doc} order. */
    void add(String token, int doc) {
        int slot = slot(token);
        int[] list = docs[slot];
        int n = counts[slot];
        if (n > 0 && list[n - 1] == doc) {
            return; // a token twice in one name
        }
        if (n == list.length) {
            list = docs[slot] = Arrays.copyOf(list, n * 2);
        }
        list[n] = doc;
        counts[slot] = n + 1;
    }

    private int slot(String token) {
        int h = token.hashCode();
        int mask = tokens.length - 1;
        for (int i = (h ^ (h >>> 16)) * 0x9E3779B9 >>> 7 & mask; ; i = (i + 1) & mask) {
            String t = tokens[i];
            if (t == null) {
                if ((size + 1) * 2 > tokens.length) {
                    grow();
                    return slot(token);
                }
                tokens[i] = token;
                hashes[i] = h;
                docs[i] = new int[2];
                size++;
                return i;
            }
            if (hashes[i] == h && t.equals(token)) {
                return i;
            }
        }
    }

    private void grow() {
        String[] oldTokens = tokens;
        int[] oldHashes = hashes;
        int[][] oldDocs = docs;
        int[] oldCounts = counts;
        int capacity = oldTokens.length * 2;
        tokens = new String[capacity];
        hashes = new int[capacity];
        docs = new int[capacity][];
        counts = new int[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldTokens.length; j++) {
            if (oldTokens[j] == null) {
                continue;
            }
            int h = oldHashes[j];
            int i = (h ^ (h >>> 16)) * 0x9E3779B9 >>> 7 & mask;
            while (tokens[i] != null) {
                i = (i + 1) & mask;
            }
            tokens[i] = oldTokens[j];
            hashes[i] = h;
            docs[i] = oldDocs[j];
            counts[i] = oldCounts[j];
        }
    }

    int size() {
        return size;
    }

    /** Calls {@code sink} with each token and its sorted resources (the array may be longer than {@code count}). */
    void forEach(Sink sink) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] != null) {
                sink.accept(tokens[i], docs[i], counts[i]);
            }
        }
    }

    interface Sink {
        void accept(String token, int[] docs, int count);
    }
}
