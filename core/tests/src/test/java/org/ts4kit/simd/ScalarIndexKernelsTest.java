package org.ts4kit.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the kernels compute, shown on the scalar twin (and checked on both where it is cheap). */
class ScalarIndexKernelsTest {
    private final IndexKernels k = ScalarIndexKernels.INSTANCE;
    private final int[] types = {5, 7, 5, 9, 5, 7};
    private final int[] groups = {0, 0, 1, 0, 0, 0};
    private final long[] instances = {10, 11, 12, 13, 12, 11};

    @Test
    void filterTypeWritesAbsolutePositionsInRange() {
        int[] out = new int[6];
        assertEquals(3, k.filterType(types, 0, 6, 5, out));
        assertArrayEquals(new int[] {0, 2, 4}, Arrays.copyOf(out, 3));
        assertEquals(1, k.filterType(types, 1, 4, 5, out));
        assertEquals(2, out[0]);
    }

    @Test
    void filterTypesMatchesAnyTypeOfTheSet() {
        int[] out = new int[6];
        assertEquals(3, k.filterTypes(types, 0, 6, new int[] {7, 9, 9}, out));
        assertArrayEquals(new int[] {1, 3, 5}, Arrays.copyOf(out, 3));
        assertEquals(0, k.filterTypes(types, 0, 6, new int[0], out));
    }

    @Test
    void findKeyReturnsTheFirstFullMatchInRange() {
        assertEquals(4, k.findKey(types, groups, instances, 0, 6, 5, 0, 12));
        assertEquals(1, k.findKey(types, groups, instances, 0, 6, 7, 0, 11));
        assertEquals(5, k.findKey(types, groups, instances, 2, 6, 7, 0, 11));
        assertEquals(-1, k.findKey(types, groups, instances, 0, 4, 5, 0, 12));
    }

    @Test
    void hashKeysIsKeyHashOfEachEntry() {
        long[] out = new long[4];
        k.hashKeys(types, groups, instances, 2, 6, out);
        for (int i = 2; i < 6; i++) {
            assertEquals(IndexKernels.keyHash(types[i], groups[i], instances[i]), out[i - 2]);
        }
        assertEquals(IndexKernels.keyHash(0x034AEECB, 0x80000000, 0x0123456789ABCDEFL),
                IndexKernels.keyHash(0x034AEECB, 0x80000000, 0x0123456789ABCDEFL), "stable within a run");
    }

    /**
     * Keys made to collide under a fixed, linear hash (the one this project had: instance times a
     * constant, xor type and group) spread like random keys under the seeded one: hash flooding costs
     * nothing. 200,000 such keys share no more slots of a 2^19 table than random keys would.
     */
    @Test
    void keysCraftedForAFixedHashDoNotCollide() {
        int n = 200_000;
        int mask = (1 << 19) - 1;
        int[] perSlot = new int[mask + 1];
        int worst = 0;
        for (int i = 0; i < n; i++) {
            long instance = i;
            long typeGroup = (instance * 0x9E3779B97F4A7C15L) ^ 0x1234_5678_9ABC_DEF0L; // old pre-mix value: constant
            int slot = (int) IndexKernels.keyHash((int) (typeGroup >>> 32), (int) typeGroup, instance) & mask;
            worst = Math.max(worst, ++perSlot[slot]);
        }
        assertTrue(worst < 12, "the fullest slot holds " + worst + " of " + n + " crafted keys");
    }

    static Stream<IndexKernels> bothTwins() {
        return IndexKernelsProvider.vectorModuleReadable() ? Stream.of(ScalarIndexKernels.INSTANCE, Twins.panama())
                : Stream.of(ScalarIndexKernels.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("bothTwins")
    void badRangesAndShortOutputsThrowBeforeAnyWork(IndexKernels t) {
        int[] big = new int[100];
        long[] bigL = new long[100];
        assertThrows(IndexOutOfBoundsException.class, () -> t.filterType(big, -1, 10, 0, new int[100]));
        assertThrows(IndexOutOfBoundsException.class, () -> t.filterType(big, 10, 9, 0, new int[100]));
        assertThrows(IndexOutOfBoundsException.class, () -> t.filterType(big, 0, 101, 0, new int[101]));
        assertThrows(IndexOutOfBoundsException.class, () -> t.filterType(big, 0, 100, 0, new int[99]));
        assertThrows(IndexOutOfBoundsException.class, () -> t.filterTypes(big, 0, 100, new int[] {1}, new int[99]));
        assertThrows(IndexOutOfBoundsException.class, () -> t.findKey(big, new int[99], bigL, 0, 100, 0, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> t.hashKeys(big, big, new long[99], 0, 100, bigL));
        assertThrows(IndexOutOfBoundsException.class, () -> t.hashKeys(big, big, bigL, 0, 100, new long[99]));
        assertEquals(0, t.filterType(big, 50, 50, 0, new int[0]));
    }
}
