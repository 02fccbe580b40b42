package org.ts4kit.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The plain-loop twin of {@link IndexKernels}: the reference the Vector API twin must match, and
 * what runs when that twin is unavailable. Also holds the exact definitions of the two hashes.
 */
public final class ScalarIndexKernels implements IndexKernels {
    /** The one instance; it holds no state. */
    public static final ScalarIndexKernels INSTANCE = new ScalarIndexKernels();

    /** 2^64 divided by the golden ratio, odd. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    static final long MIX1 = 0xFF51AFD7ED558CCDL;
    static final long MIX2 = 0xC4CEB9FE1A85EC53L;
    /** {@link #keyHash}: keeps the all-zero key away from hash 0, a common empty-slot marker. */
    static final long KEY_SEED = 0x5851F42D4C957F2DL;
    /** {@link #hashBytes}: block size, lane seeds, lane keys and the per-block key step (odd). */
    static final int BLOCK = 32;
    static final long SEED0 = 0x243F6A8885A308D3L;
    static final long SEED1 = 0x13198A2E03707344L;
    static final long SEED2 = 0xA4093822299F31D0L;
    static final long SEED3 = 0x082EFA98EC4E6C89L;
    static final long KEY0 = 0x452821E638D01377L;
    static final long KEY1 = 0xBE5466CF34E90C6CL;
    static final long KEY2 = 0xC0AC29B7C97C50DDL;
    static final long KEY3 = 0x3F84D5B5B5470917L;
    static final long STEP = 0x9216D5D98979FB1BL;

    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
    public int filterTypeBitmap(int[] types, int from, int to, int type, long[] bits) {
        int len = Ranges.range(from, to, types.length);
        int words = (len + 63) >>> 6;
        Ranges.output(words, bits.length);
        int count = 0;
        for (int w = 0; w < words; w++) {
            int base = from + (w << 6);
            int end = Math.min(to, base + 64);
            long word = 0;
            for (int i = base; i < end; i++) {
                if (types[i] == type) {
                    word |= 1L << (i - base);
                }
            }
            bits[w] = word;
            count += Long.bitCount(word);
        }
        return count;
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

    /**
     * The definition of {@link IndexKernels#hashBytes}. Four 64-bit lanes {@code acc[j]} start at
     * {@code SEEDj} and keys {@code key[j]} at {@code KEYj}. Each whole 32-byte block at offset
     * {@code p} updates, for {@code j = 0..3}, with {@code x} the little-endian {@code long} at
     * {@code p + 8j} and {@code d = x ^ key[j]}:
     * {@code acc[j] += (d & 0xFFFFFFFFL) * (d >>> 32) + x; key[j] += STEP}.
     * Then {@code h = (to - from) * GOLDEN}, {@code h = mix64(h ^ acc[j])} for {@code j = 0..3};
     * each remaining whole little-endian {@code long} {@code w} gives {@code h = mix64(h ^ w)}; the
     * last 1 to 7 bytes, packed little-endian into {@code w}, give {@code h = mix64(h ^ w ^ GOLDEN)}.
     * The result is {@code h}. The block loop is a sum of independent terms, so a vector twin can
     * add them in any order.
     */
    @Override
    public long hashBytes(byte[] data, int from, int to) {
        int len = Ranges.range(from, to, data.length);
        long a0 = SEED0;
        long a1 = SEED1;
        long a2 = SEED2;
        long a3 = SEED3;
        long k0 = KEY0;
        long k1 = KEY1;
        long k2 = KEY2;
        long k3 = KEY3;
        int p = from;
        for (int end = to - BLOCK; p <= end; p += BLOCK) {
            a0 += term((long) LE64.get(data, p), k0);
            a1 += term((long) LE64.get(data, p + 8), k1);
            a2 += term((long) LE64.get(data, p + 16), k2);
            a3 += term((long) LE64.get(data, p + 24), k3);
            k0 += STEP;
            k1 += STEP;
            k2 += STEP;
            k3 += STEP;
        }
        return finish(len, a0, a1, a2, a3, data, p, to);
    }

    /** One lane's contribution of one block. */
    static long term(long x, long key) {
        long d = x ^ key;
        return (d & 0xFFFFFFFFL) * (d >>> 32) + x;
    }

    /** The end of {@link #hashBytes} after the block loop: lanes, then the tail {@code data[p, to)}. */
    static long finish(int len, long a0, long a1, long a2, long a3, byte[] data, int p, int to) {
        long h = len * GOLDEN;
        h = mix64(h ^ a0);
        h = mix64(h ^ a1);
        h = mix64(h ^ a2);
        h = mix64(h ^ a3);
        for (; p <= to - 8; p += 8) {
            h = mix64(h ^ (long) LE64.get(data, p));
        }
        if (p < to) {
            long w = 0;
            for (int s = 0; p < to; p++, s += 8) {
                w |= (data[p] & 0xFFL) << s;
            }
            h = mix64(h ^ w ^ GOLDEN);
        }
        return h;
    }

    /** The definition of {@link IndexKernels#keyHash}. */
    static long keyHash(int type, int group, long instance) {
        return mix64((instance * GOLDEN) ^ (((long) type << 32) | (group & 0xFFFFFFFFL)) ^ KEY_SEED);
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
