package org.ts4kit.cache;

import java.nio.charset.StandardCharsets;

/**
 * 64-bit mixing shared by the Bloom filters, the cache's hash table, its segments and its frequency
 * sketch, so that every one of them sees well-spread bits and a key is hashed once per look-up.
 */
final class Mix {
    /** The golden ratio as a 64-bit odd constant: multiplying by it is a bijection that spreads low bits up. */
    static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final long KEY_SEED = 0x2545_F491_4F6C_DD1DL;

    private Mix() {
    }

    /**
     * MurmurHash3's 64-bit finaliser: a bijection in which every input bit flips each output bit
     * with probability close to 1/2 (full avalanche), at two multiplies and three shifts.
     */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xFF51_AFD7_ED55_8CCDL;
        k ^= k >>> 33;
        k *= 0xC4CE_B9FE_1A85_EC53L;
        k ^= k >>> 33;
        return k;
    }

    /**
     * A resource key's hash. For a fixed type and group it is a bijection of the instance (no two
     * instances of one type and group collide); across types and groups two keys collide with
     * probability about 2^-64. The seed keeps the all-zero key away from fmix64's fixed point 0.
     */
    static long key(int type, int group, long instance) {
        long typeGroup = ((long) type << 32) | (group & 0xFFFF_FFFFL);
        return fmix64(instance + fmix64(typeGroup ^ KEY_SEED) * GOLDEN);
    }

    /** A key's hash within one package: a bijection of the package id for a fixed resource key. */
    static long entry(long packageId, int type, int group, long instance) {
        return fmix64(key(type, group, instance) + packageId * GOLDEN);
    }

    /** A 64-bit hash of text and two numbers (a file's path, size and time), eight bytes at a time. */
    static long of(String text, long a, long b) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long h = fmix64(bytes.length ^ KEY_SEED);
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            h = fmix64(h ^ littleEndian(bytes, i, 8)) * GOLDEN;
        }
        if (i < bytes.length) {
            h = fmix64(h ^ littleEndian(bytes, i, bytes.length - i)) * GOLDEN;
        }
        h = fmix64(h ^ a) * GOLDEN;
        return fmix64(h ^ b);
    }

    private static long littleEndian(byte[] b, int from, int n) {
        long v = 0;
        for (int j = n - 1; j >= 0; j--) {
            v = (v << 8) | (b[from + j] & 0xFF);
        }
        return v;
    }
}
