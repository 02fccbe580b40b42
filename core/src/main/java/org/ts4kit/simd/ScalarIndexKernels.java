package org.ts4kit.simd;


/**
 * The plain-loop twin of {@link IndexKernels}: the reference the Vector API twin must match, and
 * what runs when that twin is unavailable. Also holds the exact definitions of the two hashes.
 */
final class ScalarIndexKernels implements IndexKernels {
    /** The one instance; it holds no state. */
    public static final ScalarIndexKernels INSTANCE = new ScalarIndexKernels();

    static final long MIX1 = 0xFF51AFD7ED558CCDL;
    static final long MIX2 = 0xC4CEB9FE1A85EC53L;
    /**
     * The key hash's secret, drawn once per process: without it nobody can craft keys that collide
     * (hash flooding: 200,000 keys of one slot made a look-up quadratic). Keys and slots change from
     * run to run; nothing stored or printed depends on them. ThreadLocalRandom's first seed mixes the
     * clock in nanoseconds and milliseconds: unpredictable to whoever writes a file, and no SecureRandom
     * start-up cost on the CLI's cold path.
     */
    static final long KEY_SEED = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1;

    public ScalarIndexKernels() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int filterType(int[] types, int from, int to, int type, int[] out) {
        Ranges.output(Ranges.range(from, to, types.length), out.length);
        return filterTypeLoop(types, from, to, type, out, 0);
    }

    /** The plain loops below are also the vector twin's tails: one definition of each result. */
    static int filterTypeLoop(int[] types, int i, int to, int type, int[] out, int n) {
        for (; i < to; i++) {
            if (types[i] == type) {
                out[n++] = i;
            }
        }
        return n;
    }

    @Override
    public int filterTypes(int[] types, int from, int to, int[] typeSet, int[] out) {
        Ranges.output(Ranges.range(from, to, types.length), out.length);
        return filterTypesLoop(types, from, to, typeSet, out, 0);
    }

    static int filterTypesLoop(int[] types, int i, int to, int[] typeSet, int[] out, int n) {
        for (; i < to; i++) {
            int t = types[i];
            for (int s : typeSet) {
                if (t == s) {
                    out[n++] = i;
                    break;
                }
            }
        }
        return n;
    }

    @Override
    public int findKey(int[] types, int[] groups, long[] instances, int from, int to, int type, int group,
            long instance) {
        Ranges.keys(types, groups, instances, from, to);
        return findKeyLoop(types, groups, instances, from, to, type, group, instance);
    }

    static int findKeyLoop(int[] types, int[] groups, long[] instances, int i, int to, int type, int group, long instance) {
        for (; i < to; i++) {
            if (types[i] == type && groups[i] == group && instances[i] == instance) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void hashKeys(int[] types, int[] groups, long[] instances, int from, int to, long[] out) {
        Ranges.output(Ranges.keys(types, groups, instances, from, to), out.length);
        hashKeysLoop(types, groups, instances, from, from, to, out);
    }

    /** Hashes entries {@code [i, to)} into {@code out[i - from ...]}. */
    static void hashKeysLoop(int[] types, int[] groups, long[] instances, int from, int i, int to, long[] out) {
        for (; i < to; i++) {
            out[i - from] = keyHash(types[i], groups[i], instances[i]);
        }
    }

    /** The definition of {@link IndexKernels#keyHash}. */
    static long keyHash(int type, int group, long instance) {
        // keyed and non-linear in every field: the instance goes through the mixer with the secret first,
        // so two keys collide only if type and group make up for a difference nobody can predict
        return mix64(mix64(instance ^ KEY_SEED) ^ (((long) type << 32) | (group & 0xFFFFFFFFL)));
    }

    /** {@link #mix64} of {@code h} keyed with the process's secret: for tables keyed by file content. */
    static long seededMix64(long h) {
        return mix64(h ^ KEY_SEED);
    }

    /**
     * MurmurHash3's {@code fmix64}: {@code h ^= h >>> 33; h *= 0xFF51AFD7ED558CCDL; h ^= h >>> 33;
     * h *= 0xC4CEB9FE1A85EC53L; h ^= h >>> 33}. A bijection on {@code long}.
     */
    public static long mix64(long h) {
        h ^= h >>> 33;
        h *= MIX1;
        h ^= h >>> 33;
        h *= MIX2;
        return h ^ (h >>> 33);
    }
}
