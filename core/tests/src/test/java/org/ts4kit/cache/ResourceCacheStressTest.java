package org.ts4kit.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ts4kit.cache.ResourceCache.Policy;
import org.ts4kit.telemetry.Telemetry;
import org.ts4kit.testkit.Seeds;

/**
 * Several threads getting, putting, loading, invalidating and now and then clearing the same small set of keys in a cache
 * too small for them, through a real compressor: every value that comes back must be the bytes of its
 * key, the byte bound must hold at every moment a watcher looks, and the figures must add up.
 */
class ResourceCacheStressTest {
    private static final int THREADS = 4;
    private static final int KEYS = 3000;
    private static final long MAX_BYTES = 1L << 20;

    /** Every key's value, made once: the threads spend their time in the cache, not making bytes. */
    private static final byte[][][] VALUES = new byte[3][KEYS][];

    static {
        for (int p = 1; p <= 2; p++) {
            for (int k = 0; k < KEYS; k++) {
                VALUES[p][k] = make(p, k);
            }
        }
    }

    /** The one value key {@code k} ever has (a fresh copy). */
    static byte[] valueOf(long packageId, long instance) {
        return VALUES[(int) packageId][(int) instance].clone();
    }

    /** Its length and content follow from the key. */
    private static byte[] make(long packageId, long instance) {
        SplittableRandom r = new SplittableRandom(packageId * 31 + instance);
        byte[] v = new byte[r.nextInt(r.nextInt(8) == 0 ? 40_000 : 3000)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) ('a' + r.nextInt(r.nextBoolean() ? 4 : 26)); // compressible, not trivially
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void everyReturnedValueIsItsKeysBytes(Policy policy) throws Exception {
        long seed = Seeds.seed("ResourceCacheStressTest#everyReturnedValueIsItsKeysBytes(" + policy + ")");
        ResourceCache cache = ResourceCache.builder(MAX_BYTES).policy(policy).segments(4).codec(TestCodecs.zlib())
                .expectedEntries(200).telemetry(new Telemetry()).build();
        LongAdder lookups = new LongAdder();
        LongAdder loads = new LongAdder();
        AtomicLong maxSeen = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<?> watcher = pool.submit(() -> {
                while (!stop.get()) {
                    maxSeen.accumulateAndGet(cache.bytesHeld(), Math::max);
                    LockSupport.parkNanos(10_000); // look often, without taking a core from the workers
                }
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long threadSeed = seed + t;
                workers.add(pool.submit(() -> {
                    work(cache, new SplittableRandom(threadSeed), lookups, loads);
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                Seeds.check(seed, w::get);
            }
            stop.set(true);
            watcher.get();
        } finally {
            pool.shutdownNow();
        }
        ResourceCache.Stats s = cache.stats();
        System.out.println(policy + ": " + s);
        assertTrue(maxSeen.get() <= MAX_BYTES, "held " + maxSeen.get() + " bytes at one point, over " + MAX_BYTES);
        assertEquals(lookups.sum(), s.lookups(), "every get and getOrLoad is one look-up: hit, miss or negative");
        assertTrue(s.hits() > 0 && s.misses() > 0 && s.negatives() > 0 && s.evictions() > 0, s.toString());
        assertTrue(loads.sum() <= s.misses() + s.negatives(), "a load only after a look-up missed");
        for (long p = 1; p <= 2; p++) {
            for (long k = 0; k < KEYS; k++) {
                byte[] v = cache.get(p, 0x220557DA, 0, k);
                if (v != null) {
                    assertArrayEquals(valueOf(p, k), v);
                }
            }
        }
    }

    private static void work(ResourceCache cache, SplittableRandom rnd, LongAdder lookups, LongAdder loads) throws Exception {
        for (int i = 0; i < 15_000 * Seeds.multiplier(); i++) {
            long p = 1 + rnd.nextInt(2);
            long k = rnd.nextBoolean() ? rnd.nextInt(KEYS / 20) : rnd.nextInt(KEYS); // half the uses on a hot 5 %
            int op = rnd.nextInt(10);
            if (op < 5) {
                lookups.increment();
                byte[] v = cache.get(p, 0x220557DA, 0, k);
                if (v != null) {
                    assertArrayEquals(VALUES[(int) p][(int) k], v, () -> "wrong bytes for " + p + "/" + k);
                }
            } else if (op < 8) {
                lookups.increment();
                byte[] v = cache.getOrLoad(p, 0x220557DA, 0, k, () -> {
                    loads.increment();
                    return valueOf(p, k);
                });
                assertArrayEquals(VALUES[(int) p][(int) k], v, () -> "wrong bytes loaded for " + p + "/" + k);
            } else if (op < 9) {
                cache.put(p, 0x220557DA, 0, k, VALUES[(int) p][(int) k]);
            } else if (rnd.nextInt(300) == 0) {
                cache.clear(); // the slots start over while other threads hold slot numbers in flight
            } else {
                cache.invalidate(p, 0x220557DA, 0, k);
            }
        }
    }
}
