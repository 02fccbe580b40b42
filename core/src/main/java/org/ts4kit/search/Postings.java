package org.ts4kit.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * One field's term dictionary: token to the bitmap of the resources that hold it. Filled in ascending
 * resource order (each resource's tokens before the next resource's), which is the order RoaringBitmap
 * appends fastest in; then frozen. A prefix ({@code buff*}) is a range of the sorted terms, sorted once,
 * on the first prefix query.
 */
final class Postings {
    private final Map<String, Growing> building = new HashMap<>();
    private Map<String, RoaringBitmap> terms;
    private volatile String[] sorted;

    /** Resource {@code doc} holds {@code token}; {@code doc} never decreases from one call to the next. */
    void add(String token, int doc) {
        building.computeIfAbsent(token, t -> new Growing()).add(doc);
    }

    /** Every resource in {@code [from, to)} holds {@code token} (a package's name: all its resources). */
    void addRange(String token, int from, int to) {
        building.computeIfAbsent(token, t -> new Growing()).addRange(from, to);
    }

    void freeze() {
        terms = new HashMap<>(building.size() * 4 / 3 + 1);
        for (Map.Entry<String, Growing> e : building.entrySet()) {
            terms.put(e.getKey(), e.getValue().toBitmap());
        }
        building.clear();
    }

    int termCount() {
        return terms.size();
    }

    /** The resources holding {@code token}; empty when none. Do not modify. */
    RoaringBitmap get(String token) {
        RoaringBitmap b = terms.get(token);
        return b != null ? b : EMPTY;
    }

    /** The resources holding any token that starts with {@code prefix}. */
    RoaringBitmap withPrefix(String prefix) {
        String[] all = sortedTerms();
        int from = Arrays.binarySearch(all, prefix);
        from = from >= 0 ? from : -from - 1;
        int to = from;
        while (to < all.length && all[to].startsWith(prefix)) {
            to++;
        }
        RoaringBitmap[] parts = new RoaringBitmap[to - from];
        for (int i = from; i < to; i++) {
            parts[i - from] = terms.get(all[i]);
        }
        return parts.length == 0 ? EMPTY : FastAggregation.or(parts);
    }

    private String[] sortedTerms() {
        String[] s = sorted;
        if (s == null) {
            s = terms.keySet().toArray(new String[0]);
            Arrays.sort(s);
            sorted = s;
        }
        return s;
    }

    long sizeInBytes() {
        long bytes = 0;
        for (Map.Entry<String, RoaringBitmap> e : terms.entrySet()) {
            bytes += e.getValue().getSizeInBytes() + 40L + 2L * e.getKey().length();
        }
        return bytes;
    }

    static final RoaringBitmap EMPTY = new RoaringBitmap();

    /**
     * A posting list while the index is built: most terms hold a handful of resources, so a small int
     * array beats a bitmap per term until the end; ranges (package names) go straight to a bitmap.
     */
    private static final class Growing {
        private int[] docs = new int[2];
        private int n;
        private RoaringBitmap ranges;

        void add(int doc) {
            if (n > 0 && docs[n - 1] == doc) {
                return; // a token twice in one name
            }
            if (n == docs.length) {
                docs = Arrays.copyOf(docs, n * 2);
            }
            docs[n++] = doc;
        }

        void addRange(int from, int to) {
            if (ranges == null) {
                ranges = new RoaringBitmap();
            }
            ranges.add((long) from, (long) to);
        }

        RoaringBitmap toBitmap() {
            RoaringBitmap b = n == 0 ? new RoaringBitmap() : RoaringBitmap.bitmapOf(Arrays.copyOf(docs, n));
            if (ranges != null) {
                b.or(ranges);
            }
            b.runOptimize();
            return b;
        }
    }
}
