package org.ts4kit.simd;

import java.util.Objects;

/** Entry checks shared by both twins, so both reject the same bad arguments the same way. */
final class Ranges {
    private Ranges() {
    }

    /** Checks {@code [from, to)} against {@code length} and returns {@code to - from}. */
    static int range(int from, int to, int length) {
        Objects.checkFromToIndex(from, to, length);
        return to - from;
    }

    /** Checks that an output of {@code capacity} holds {@code needed} elements. */
    static void output(int needed, int capacity) {
        if (capacity < needed) {
            throw new IndexOutOfBoundsException("output holds " + capacity + " elements, needs " + needed);
        }
    }

    /** Checks the three key columns over {@code [from, to)} and returns {@code to - from}. */
    static int keys(int[] types, int[] groups, long[] instances, int from, int to) {
        int n = range(from, to, types.length);
        range(from, to, groups.length);
        range(from, to, instances.length);
        return n;
    }
}
