package org.ts4kit.testkit.corpus;

import java.io.IOException;
import java.util.SplittableRandom;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/**
 * Resources that several mods in a corpus override: a pool of keys (game tuning that mods
 * commonly patch), each with a few variants. Two packages that pick the same key and variant hold
 * equal bytes (an identical conflict); different variants make a real conflict. A variant's bytes
 * depend only on the seed, the key and the variant, never on which package asks first.
 */
final class SharedResources {
    static final int VARIANTS = 3;
    private final long seed;
    private final int keys;

    SharedResources(long seed, int keys) {
        this.seed = seed;
        this.keys = keys;
    }

    int keyCount() {
        return keys;
    }

    ResourceKey key(int k) {
        int type = ResourceFactory.TUNING_TYPES[k % ResourceFactory.TUNING_TYPES.length];
        return new ResourceKey(type, 0, 0x0000_0000_0001_0000L + k * 7919L);
    }

    byte[] bytes(int k, int variant) {
        SplittableRandom rnd = new SplittableRandom(seed ^ (k * 0x9E3779B97F4A7C15L) ^ (variant * 0xC2B2AE3D27D4EB4FL));
        return TuningXml.generate(rnd, "game_tuning_" + k, key(k).instance(), 600 + rnd.nextInt(3000));
    }

    void write(DbpfWriter out, int k, int variant, int compression) throws IOException {
        out.add(key(k), bytes(k, variant), compression);
    }
}
