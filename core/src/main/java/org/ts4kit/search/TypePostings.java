package org.ts4kit.search;

import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * A bitmap per resource type, made from the type column in one pass per distinct type. A collection
 * holds a few dozen types, so a scan per type beats a hash look-up (and a boxed key) per resource.
 */
final class TypePostings {
    private final Map<Integer, RoaringBitmap> byType = new HashMap<>();

    TypePostings(int[] types) {
        int[] distinct = distinct(types);
        for (int type : distinct) {
            RoaringBitmapWriter<RoaringBitmap> w = RoaringBitmapWriter.writer().get();
            for (int r = 0; r < types.length; r++) {
                if (types[r] == type) {
                    w.add(r);
                }
            }
            RoaringBitmap b = w.get();
            b.runOptimize();
            byType.put(type, b);
        }
    }

    /** The resources of {@code type}; empty when none. Do not modify. */
    RoaringBitmap get(int type) {
        RoaringBitmap b = byType.get(type);
        return b != null ? b : Postings.EMPTY;
    }

    long sizeInBytes() {
        return byType.values().stream().mapToLong(RoaringBitmap::getSizeInBytes).sum();
    }

    private static int[] distinct(int[] types) {
        int[] seen = new int[64];
        int n = 0;
        int last = 0;
        boolean any = false;
        outer:
        for (int t : types) {
            if (any && t == last) {
                continue; // runs are the rule: a package's resources are sorted by type
            }
            any = true;
            last = t;
            for (int i = 0; i < n; i++) {
                if (seen[i] == t) {
                    continue outer;
                }
            }
            if (n == seen.length) {
                seen = java.util.Arrays.copyOf(seen, n * 2);
            }
            seen[n++] = t;
        }
        return java.util.Arrays.copyOf(seen, n);
    }
}
