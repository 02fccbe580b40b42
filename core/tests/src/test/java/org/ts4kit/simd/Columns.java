package org.ts4kit.simd;

import java.util.SplittableRandom;

/** Random index columns: {@code distinct} types (few means dense matches), groups mostly 0. */
final class Columns {
    final int[] types;
    final int[] groups;
    final long[] instances;

    private Columns(int n) {
        types = new int[n];
        groups = new int[n];
        instances = new long[n];
    }

    static Columns random(SplittableRandom r, int n, int distinct) {
        int[] pool = new int[distinct];
        for (int i = 0; i < distinct; i++) {
            pool[i] = r.nextInt();
        }
        Columns c = new Columns(n);
        for (int i = 0; i < n; i++) {
            c.types[i] = pool[r.nextInt(distinct)];
            c.groups[i] = r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(2);
            // few distinct instances, so findKey meets keys that differ only in the instance
            c.instances[i] = r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(3) - 1;
        }
        return c;
    }
}
