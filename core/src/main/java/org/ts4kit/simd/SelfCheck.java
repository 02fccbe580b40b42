package org.ts4kit.simd;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A start-up check that a twin agrees with the scalar twin on a small fixed sample. */
final class SelfCheck {
    private static final int N = 1000;

    private SelfCheck() {
    }

    /** The name of the first kernel where the two disagree, or null if they agree. */
    static String mismatch(IndexKernels a, IndexKernels b) {
        SplittableRandom r = new SplittableRandom(0x7534L);
        int[] types = new int[N];
        int[] groups = new int[N];
        long[] instances = new long[N];
        for (int i = 0; i < N; i++) {
            types[i] = r.nextInt(8);
            groups[i] = r.nextInt(2);
            instances[i] = r.nextLong();
        }
        int from = 3;
        int to = N - 5;
        int[] outA = new int[N];
        int[] outB = new int[N];
        if (!sameCount(a.filterType(types, from, to, 5, outA), b.filterType(types, from, to, 5, outB), outA, outB)) {
            return "filterType";
        }
        int[] set = {1, 4, 6};
        if (!sameCount(a.filterTypes(types, from, to, set, outA), b.filterTypes(types, from, to, set, outB), outA,
                outB)) {
            return "filterTypes";
        }
        int at = 777;
        if (a.findKey(types, groups, instances, from, to, types[at], groups[at], instances[at])
                != b.findKey(types, groups, instances, from, to, types[at], groups[at], instances[at])) {
            return "findKey";
        }
        long[] hashA = new long[N];
        long[] hashB = new long[N];
        a.hashKeys(types, groups, instances, from, to, hashA);
        b.hashKeys(types, groups, instances, from, to, hashB);
        if (!Arrays.equals(hashA, hashB)) {
            return "hashKeys";
        }
        return null;
    }

    private static boolean sameCount(int countA, int countB, int[] outA, int[] outB) {
        return countA == countB && Arrays.equals(outA, 0, countA, outB, 0, countB);
    }
}
