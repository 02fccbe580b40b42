package org.ts4kit.simd;

import static org.ts4kit.simd.ScalarIndexKernels.MIX1;
import static org.ts4kit.simd.ScalarIndexKernels.MIX2;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Java Vector API twin of {@link ScalarIndexKernels}. Loaded only by name from
 * {@link IndexKernelsProvider}, so nothing else links against {@code jdk.incubator.vector}.
 * Uses only {@code fromArray}/{@code intoArray} (the {@code ByteBuffer} methods are gone on Java 25),
 * keeps every species in a {@code static final} field, unrolls and ends with a scalar tail.
 */
final class PanamaIndexKernels implements IndexKernels {
    /** Filters and key scans: the widest int vector the CPU prefers. */
    private static final VectorSpecies<Integer> INT = IntVector.SPECIES_PREFERRED;
    /** Key hashes: longs as wide as {@link #INT}, fed by ints half as wide. */
    private static final VectorSpecies<Long> LONG = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INT_HALF =
            VectorSpecies.of(int.class, VectorShape.forBitSize(LONG.vectorBitSize() / 2));
    private static final int L = INT.length();
    /** {@code WEIGHTS[k] = 1 << k}: lane weights for {@link #bits32}. */
    private static final int[] WEIGHTS = new int[32];

    static {
        for (int k = 0; k < 32; k++) {
            WEIGHTS[k] = 1 << k;
        }
    }

    /** {@code VectorMask.toLong} is an intrinsic from Java 18 on (JDK-8273949), a slow loop before. */
    private static final boolean TO_LONG = Runtime.version().feature() >= 18;
    private static final int LH = LONG.length();

    PanamaIndexKernels() {
        if (INT.vectorBitSize() < 256 || INT.vectorBitSize() > 512) {
            throw new UnsupportedOperationException(INT.vectorBitSize() + "-bit vectors (needs 256 or 512)");
        }
    }

    @Override
    public String name() {
        return "Panama (" + INT.vectorBitSize() + "-bit)";
    }

    @Override
    public int filterType(int[] types, int from, int to, int type, int[] out) {
        Ranges.output(Ranges.range(from, to, types.length), out.length);
        int n = 0;
        int i = from;
        for (int end = to - 64; i <= end; i += 64) {
            n = positions(word(types, i, type), i, out, n);
        }
        return ScalarIndexKernels.filterTypeLoop(types, i, to, type, out, n);
    }

    /**
     * Writes {@code base + k} for every set bit {@code k} of {@code bits} to {@code out[n..]},
     * ascending, and returns the new {@code n}. The first four are written without branches (a
     * sparse filter's words hold 0 to 4 bits, and a loop over them mispredicts its exit about once
     * a word), so {@code out[n, n + 4)} must exist. It does for the word of a whole 64-entry block
     * at {@code base}: {@code n <= base - from} and {@code out.length >= to - from >= base + 64 - from}.
     * Elements of {@code out} past the returned count may be overwritten.
     */
    private static int positions(long bits, int base, int[] out, int n) {
        int count = Long.bitCount(bits);
        out[n] = base + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        out[n + 1] = base + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        out[n + 2] = base + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        out[n + 3] = base + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        for (int k = n + 4; bits != 0; k++) {
            out[k] = base + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
        }
        return n + count;
    }

    /** Bit {@code k} set iff {@code types[base + k] == type}, for {@code k < 64}. */
    private static long word(int[] types, int base, int type) {
        if (TO_LONG) {
            long word = 0;
            for (int k = 0; k < 64; k += L) {
                word |= IntVector.fromArray(INT, types, base + k).eq(type).toLong() << k;
            }
            return word;
        }
        return (bits32(types, base, type) & 0xFFFFFFFFL) | ((long) bits32(types, base + 32, type) << 32);
    }

    /** Bit {@code k} set iff lane {@code k} of {@code m} is set. */
    private static long bits(VectorMask<Integer> m) {
        if (TO_LONG) {
            return m.toLong();
        }
        return IntVector.zero(INT).blend(IntVector.fromArray(INT, WEIGHTS, 0), m).reduceLanes(VectorOperators.OR)
                & 0xFFFFFFFFL;
    }

    /**
     * Bit {@code k} set iff {@code types[base + k] == type}, for {@code k < 32}, without
     * {@code VectorMask.toLong} (a slow loop on Java 17): each lane's weight {@code 1 << k} is kept
     * where the lane matches, and the lanes are OR-ed together.
     */
    private static int bits32(int[] types, int base, int type) {
        IntVector acc = IntVector.zero(INT);
        for (int k = 0; k < 32; k += L) {
            VectorMask<Integer> m = IntVector.fromArray(INT, types, base + k).eq(type);
            acc = acc.or(IntVector.zero(INT).blend(IntVector.fromArray(INT, WEIGHTS, k), m));
        }
        return acc.reduceLanes(VectorOperators.OR);
    }

    @Override
    public int filterTypes(int[] types, int from, int to, int[] typeSet, int[] out) {
        Ranges.output(Ranges.range(from, to, types.length), out.length);
        if (typeSet.length == 0) {
            return 0;
        }
        int n = 0;
        int i = from;
        for (int end = to - 64; i <= end; i += 64) {
            long word = 0;
            for (int k = 0; k < 64; k += L) {
                IntVector v = IntVector.fromArray(INT, types, i + k);
                VectorMask<Integer> m = v.eq(typeSet[0]);
                for (int s = 1; s < typeSet.length; s++) {
                    m = m.or(v.eq(typeSet[s]));
                }
                word |= bits(m) << k;
            }
            n = positions(word, i, out, n);
        }
        return ScalarIndexKernels.filterTypesLoop(types, i, to, typeSet, out, n);
    }

    @Override
    public int findKey(int[] types, int[] groups, long[] instances, int from, int to, int type, int group,
            long instance) {
        Ranges.keys(types, groups, instances, from, to);
        int i = from;
        for (int end = to - 2 * L; i <= end; i += 2 * L) {
            VectorMask<Integer> m0 = IntVector.fromArray(INT, types, i).eq(type)
                    .and(IntVector.fromArray(INT, groups, i).eq(group));
            VectorMask<Integer> m1 = IntVector.fromArray(INT, types, i + L).eq(type)
                    .and(IntVector.fromArray(INT, groups, i + L).eq(group));
            if (m0.or(m1).anyTrue()) {
                long bits = bits(m0) | (bits(m1) << L);
                while (bits != 0) {
                    int at = i + Long.numberOfTrailingZeros(bits);
                    if (instances[at] == instance) {
                        return at;
                    }
                    bits &= bits - 1;
                }
            }
        }
        return ScalarIndexKernels.findKeyLoop(types, groups, instances, i, to, type, group, instance);
    }

    @Override
    public void hashKeys(int[] types, int[] groups, long[] instances, int from, int to, long[] out) {
        Ranges.output(Ranges.keys(types, groups, instances, from, to), out.length);
        int i = from;
        for (int end = to - LH; i <= end; i += LH) {
            LongVector t = (LongVector) IntVector.fromArray(INT_HALF, types, i)
                    .convertShape(VectorOperators.I2L, LONG, 0);
            LongVector g = (LongVector) IntVector.fromArray(INT_HALF, groups, i)
                    .convertShape(VectorOperators.I2L, LONG, 0);
            LongVector inner = mix64(LongVector.fromArray(LONG, instances, i).lanewise(VectorOperators.XOR, ScalarIndexKernels.KEY_SEED));
            LongVector h = inner.lanewise(VectorOperators.XOR, t.lanewise(VectorOperators.LSHL, 32)
                    .lanewise(VectorOperators.OR, g.and(0xFFFFFFFFL)));
            mix64(h).intoArray(out, i - from);
        }
        ScalarIndexKernels.hashKeysLoop(types, groups, instances, from, i, to, out);
    }

    private static LongVector mix64(LongVector h) {
        h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 33)).mul(MIX1);
        h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 33)).mul(MIX2);
        return h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 33));
    }

}
