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
    private final TermTable building = new TermTable();
    private final Map<String, RoaringBitmap> ranges = new HashMap<>();
    private Map<String, RoaringBitmap> terms;
    private volatile String[] sorted;

    /** Resource {@code doc} holds {@code token}; {@code doc} never decreases from one call to the next. */
    void add(String token, int doc) {
        building.add(token, doc);
    }

    /** Every resource in {@code [from, to)} holds {@code token} (a package's name: all its resources). */
    void addRange(String token, int from, int to) {
        ranges.computeIfAbsent(token, t -> new RoaringBitmap()).add((long) from, (long) to);
    }

    void freeze() {
        terms = new HashMap<>((building.size() + ranges.size()) * 4 / 3 + 1);
        building.forEach((token, docs, count) -> {
            RoaringBitmap b = RoaringBitmap.bitmapOf(count == docs.length ? docs : Arrays.copyOf(docs, count));
            b.runOptimize();
            terms.put(token, b);
        });
        for (Map.Entry<String, RoaringBitmap> e : ranges.entrySet()) {
            e.getValue().runOptimize();
            terms.merge(e.getKey(), e.getValue(), (a, b) -> RoaringBitmap.or(a, b));
        }
        ranges.clear();
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
}
