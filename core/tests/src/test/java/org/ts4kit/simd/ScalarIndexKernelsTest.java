package org.ts4kit.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void bitmapSetsOneBitPerMatchFromTheRangeStart() {
        long[] bits = {-1L};
        assertEquals(2, k.filterTypeBitmap(types, 1, 6, 5, bits));
        assertEquals(0b1010L, bits[0]);
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
        assertEquals(0xF091C5A923FF4246L, IndexKernels.keyHash(0x034AEECB, 0x80000000, 0x0123456789ABCDEFL));
        assertEquals(0x264304D1257F9540L, IndexKernels.keyHash(0, 0, 0));
    }

    /** The definition is a file format of sorts: these values must never change. */
    @Test
    void hashBytesIsPinned() {
        byte[] d = new byte[300];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) i;
        }
        int[] lengths = {0, 1, 7, 8, 31, 32, 33, 100, 300};
        long[] pinned = {0xAA80F7466CA3941FL, 0xB9A82C2BA0487829L, 0x9B5875BC3A870E34L, 0x40297AAAFBD90B99L,
            0x1DF05ECCF508E67DL, 0xC9F1B0767DF127D8L, 0xA3A12B54B54AEEA7L, 0x4BD9E1A069994BA4L, 0x091D1A52281BE836L};
        for (int i = 0; i < lengths.length; i++) {
            assertEquals(pinned[i], k.hashBytes(d, 0, lengths[i]), "length " + lengths[i]);
        }
    }

    @Test
    void hashBytesSeesOrderLengthAndEveryBit() {
        SplittableRandom r = Twins.random(6);
        byte[] d = new byte[256];
        r.nextBytes(d);
        long h = k.hashBytes(d, 0, 256);
        Set<Long> seen = new HashSet<>();
        seen.add(h);
        for (int bit = 0; bit < 256 * 8; bit++) {
            d[bit >>> 3] ^= (byte) (1 << (bit & 7));
            seen.add(k.hashBytes(d, 0, 256));
            d[bit >>> 3] ^= (byte) (1 << (bit & 7));
        }
        assertEquals(256 * 8 + 1, seen.size(), Twins.reproduce() + ": a one-bit flip left the hash unchanged");
        byte[] swapped = d.clone();
        System.arraycopy(d, 0, swapped, 32, 32);
        System.arraycopy(d, 32, swapped, 0, 32);
        assertNotEquals(h, k.hashBytes(swapped, 0, 256), "swapping two 32-byte blocks");
        assertNotEquals(k.hashBytes(new byte[40], 0, 39), k.hashBytes(new byte[40], 0, 40), "trailing zero byte");
        assertNotEquals(k.hashBytes(new byte[64], 0, 32), k.hashBytes(new byte[64], 0, 64), "trailing zero block");
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
        assertThrows(IndexOutOfBoundsException.class, () -> t.filterTypeBitmap(big, 0, 100, 0, new long[1]));
        assertThrows(IndexOutOfBoundsException.class, () -> t.findKey(big, new int[99], bigL, 0, 100, 0, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> t.hashKeys(big, big, new long[99], 0, 100, bigL));
        assertThrows(IndexOutOfBoundsException.class, () -> t.hashKeys(big, big, bigL, 0, 100, new long[99]));
        assertThrows(IndexOutOfBoundsException.class, () -> t.hashBytes(new byte[10], 5, 11));
        assertEquals(0, t.filterType(big, 50, 50, 0, new int[0]));
        assertEquals(0, t.filterTypeBitmap(big, 50, 50, 0, new long[0]));
    }
}
