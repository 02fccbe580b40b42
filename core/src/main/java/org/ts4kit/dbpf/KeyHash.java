package org.ts4kit.dbpf;

/** Mixes a (type, group, instance) key into well-spread bits for hash tables. */
public final class KeyHash {
    private KeyHash() {
    }

    /** 64 well-mixed bits (the murmur3 finaliser over the three fields). */
    public static long hash64(int type, int group, long instance) {
        long h = instance * 0x9E3779B97F4A7C15L;
        h ^= ((long) type << 32 | (group & 0xFFFF_FFFFL)) + 0x632BE59BD9B4E019L + (h << 6) + (h >>> 2);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    public static int hash(int type, int group, long instance) {
        long h = hash64(type, group, instance);
        return (int) (h ^ (h >>> 32));
    }
}
