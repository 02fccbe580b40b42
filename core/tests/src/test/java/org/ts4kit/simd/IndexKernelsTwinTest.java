package org.ts4kit.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API twin returns exactly what the scalar twin returns, on random inputs and on the
 * lengths where vector loops turn into tails: 0, 1, lanes - 1, lanes, lanes + 1 for 4, 8 and 16
 * lanes, the 64-entry words and odd lengths, each at odd offsets. Skipped without the module.
 */
class IndexKernelsTwinTest {
    /** Lengths around 4-, 8-, 16-lane vectors, 32-byte blocks, 64-entry words, and odd ones. */
    static final int[] EDGE_LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128,
        129, 200, 207, 255, 256, 257, 1000, 4098};
    static final int[] OFFSETS = {0, 1, 3, 17};

    @Test
    void edgeLengthsAtOddOffsetsAgree() {
        IndexKernels panama = Twins.panama();
        SplittableRandom r = Twins.random(1);
        for (int len : EDGE_LENGTHS) {
            for (int from : OFFSETS) {
                for (int distinct : new int[] {1, 3, 40}) {
                    Columns c = Columns.random(r, from + len + 5, distinct);
                    compareAll(panama, c, from, from + len, r, "len=" + len + " from=" + from + " distinct=" + distinct);
                }
            }
        }
    }

    @Test
    void randomInputsAgree() {
        IndexKernels panama = Twins.panama();
        SplittableRandom r = Twins.random(2);
        for (int round = 0; round < 300; round++) {
            int size = r.nextInt(r.nextBoolean() ? 300 : 20_000);
            int from = size == 0 ? 0 : r.nextInt(size);
            int to = from + r.nextInt(size - from + 1);
            Columns c = Columns.random(r, size, 1 + r.nextInt(r.nextBoolean() ? 4 : 200));
            compareAll(panama, c, from, to, r, "round=" + round + " size=" + size + " from=" + from + " to=" + to);
        }
    }

    @Test
    void everyTypeSetSizeAgrees() {
        IndexKernels panama = Twins.panama();
        SplittableRandom r = Twins.random(3);
        Columns c = Columns.random(r, 4101, 30);
        for (int k = 0; k <= 20; k++) {
            int[] set = new int[k];
            for (int s = 0; s < k; s++) {
                set[s] = r.nextInt(4) == 0 ? set[r.nextInt(s + 1)] : c.types[r.nextInt(c.types.length)];
            }
            compareTypeSet(panama, c, 3, 4098, set, "set=" + Arrays.toString(set));
        }
    }

    @Test
    void findKeyAgreesOnFirstMatchAbsentKeyAndKeysOutsideTheRange() {
        IndexKernels panama = Twins.panama();
        SplittableRandom r = Twins.random(4);
        for (int len : EDGE_LENGTHS) {
            Columns c = Columns.random(r, len + 10, 2);
            int from = 5;
            int to = from + len;
            for (int probe = 0; probe < 20; probe++) {
                int at = r.nextInt(c.types.length);
                String where = Twins.reproduce() + " len=" + len + " at=" + at;
                assertEquals(Twins.scalar().findKey(c.types, c.groups, c.instances, from, to, c.types[at], c.groups[at],
                        c.instances[at]), panama.findKey(c.types, c.groups, c.instances, from, to, c.types[at],
                                c.groups[at], c.instances[at]), where);
            }
            assertEquals(-1, panama.findKey(c.types, c.groups, c.instances, from, to, 7, 0, 12345L));
        }
    }

    private static void compareAll(IndexKernels panama, Columns c, int from, int to, SplittableRandom r, String what) {
        IndexKernels scalar = Twins.scalar();
        String where = Twins.reproduce() + " " + what;
        int type = c.types.length == 0 || r.nextInt(8) == 0 ? r.nextInt() : c.types[r.nextInt(c.types.length)];
        int[] a = new int[to - from];
        int[] b = new int[to - from];
        int na = scalar.filterType(c.types, from, to, type, a);
        int nb = panama.filterType(c.types, from, to, type, b);
        assertEquals(na, nb, where + " filterType count");
        assertArrayEquals(Arrays.copyOf(a, na), Arrays.copyOf(b, nb), where + " filterType");


        int[] set = new int[r.nextInt(6)];
        for (int s = 0; s < set.length; s++) {
            set[s] = c.types.length == 0 ? s : c.types[r.nextInt(c.types.length)];
        }
        compareTypeSet(panama, c, from, to, set, what);

        long[] ha = new long[to - from];
        long[] hb = new long[to - from];
        scalar.hashKeys(c.types, c.groups, c.instances, from, to, ha);
        panama.hashKeys(c.types, c.groups, c.instances, from, to, hb);
        assertArrayEquals(ha, hb, where + " hashKeys");

        if (to > from) {
            int at = from + r.nextInt(to - from);
            assertEquals(scalar.findKey(c.types, c.groups, c.instances, from, to, c.types[at], c.groups[at],
                    c.instances[at]), panama.findKey(c.types, c.groups, c.instances, from, to, c.types[at],
                            c.groups[at], c.instances[at]), where + " findKey");
        }
    }

    private static void compareTypeSet(IndexKernels panama, Columns c, int from, int to, int[] set, String what) {
        String where = Twins.reproduce() + " " + what;
        int[] a = new int[to - from];
        int[] b = new int[to - from];
        int na = Twins.scalar().filterTypes(c.types, from, to, set, a);
        int nb = panama.filterTypes(c.types, from, to, set, b);
        assertEquals(na, nb, where + " filterTypes count");
        assertArrayEquals(Arrays.copyOf(a, na), Arrays.copyOf(b, nb), where + " filterTypes");
    }
}
