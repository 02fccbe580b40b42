package org.ts4kit.simd;

/**
 * Hot loops over the columnar index arrays ({@code types[]}, {@code groups[]}, {@code instances[]}
 * of a package index). Two twins implement it: {@link ScalarIndexKernels}
 * (plain loops, the reference) and {@code PanamaIndexKernels} (Java Vector API); both return
 * identical results for every input. Get the one to use from {@link IndexKernelsProvider#get()}.
 *
 * <p>Every method works on the half-open range {@code [from, to)} of its input arrays and checks
 * the range and the output capacity on entry ({@link IndexOutOfBoundsException}). Positions
 * written to {@code out} are absolute indexes into the input arrays, in ascending order; elements
 * of {@code out} past the returned count may be overwritten (the vector twin writes a few
 * unconditionally).
 */
public interface IndexKernels {

    /** A short name for logs: {@code "scalar"} or {@code "Panama (256-bit)"}. */
    String name();

    /**
     * Writes every {@code i} in {@code [from, to)} with {@code types[i] == type} to {@code out},
     * ascending, and returns how many. {@code out.length} must be at least {@code to - from}.
     */
    int filterType(int[] types, int from, int to, int type, int[] out);

    /**
     * Like {@link #filterType} for a set of types: writes every {@code i} with {@code types[i]}
     * equal to any element of {@code typeSet[0..typeSet.length)}. Meant for small sets (up to about
     * 16); the cost grows with the set size. Duplicates in the set are harmless.
     */
    int filterTypes(int[] types, int from, int to, int[] typeSet, int[] out);

    /**
     * The first {@code i} in {@code [from, to)} with {@code types[i] == type},
     * {@code groups[i] == group} and {@code instances[i] == instance}, or -1.
     */
    int findKey(int[] types, int[] groups, long[] instances, int from, int to, int type, int group, long instance);

    /**
     * Writes {@link #keyHash keyHash(types[i], groups[i], instances[i])} to {@code out[i - from]}
     * for every {@code i} in {@code [from, to)}. {@code out.length} must be at least {@code to - from}.
     */
    void hashKeys(int[] types, int[] groups, long[] instances, int from, int to, long[] out);

    /**
     * The 64-bit hash of one resource key, as {@link #hashKeys} computes it:
     * {@code mix64(mix64(instance ^ seed) ^ ((long) type << 32 | (group & 0xFFFFFFFFL)))}, where
     * {@code mix64} is MurmurHash3's 64-bit finaliser ({@link ScalarIndexKernels#mix64}) and {@code seed}
     * a secret drawn once per process, so crafted keys cannot be made to collide (hash flooding).
     * Different keys can collide, rarely; the same key hashes differently in another run.
     */
    static long keyHash(int type, int group, long instance) {
        return ScalarIndexKernels.keyHash(type, group, instance);
    }

    /**
     * MurmurHash3's 64-bit finaliser, the mixing step of {@link #keyHash}: spreads any long (a string
     * key hash, an instance) over all 64 bits before it picks a hash-table slot.
     */
    static long mix64(long h) {
        return ScalarIndexKernels.mix64(h);
    }

    /** {@link #mix64} keyed with the process's secret seed: slots of tables keyed by file content. */
    static long seededMix64(long h) {
        return ScalarIndexKernels.seededMix64(h);
    }
}
