package org.ts4kit.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ts4kit.cache.ResourceCache.Policy;
import org.ts4kit.telemetry.Telemetry;

/**
 * What each policy gives up when the cache is full, on small traces with one segment (so the policy
 * sees every entry): LRU the least recently used; W-TinyLFU what was used least often lately, so a
 * scan does not flush what repeated look-ups keep using.
 */
class EvictionPolicyTest {
    /** Every value weighs exactly 1,000 bytes with its overhead: a cache of 10,000 bytes holds 10. */
    private static final byte[] VALUE = new byte[1000 - Slots.OVERHEAD];
    private static final int ROOM = 10;

    private static ResourceCache cache(Policy policy) {
        return ResourceCache.builder(ROOM * 1000L).policy(policy).segments(1).telemetry(new Telemetry()).build();
    }

    /** A read-through use of a key: a hit, or a miss followed by a put. True on a hit. */
    private static boolean use(ResourceCache cache, long key) {
        if (cache.get(1, 2, 3, key) != null) {
            return true;
        }
        cache.put(1, 2, 3, key, VALUE);
        return false;
    }

    @Test
    void lruEvictsTheLeastRecentlyUsed() {
        ResourceCache cache = cache(Policy.LRU);
        for (long k = 0; k < ROOM; k++) {
            use(cache, k);
        }
        use(cache, 0); // 0 is now the most recent; 1 the least
        use(cache, 100);
        assertNotNull(cache.get(1, 2, 3, 0));
        assertNull(cache.get(1, 2, 3, 1), "the least recently used went");
        assertEquals(ROOM, cache.entries());
        assertEquals(1, cache.stats().evictions());
    }

    @Test
    void aScanFlushesLruButNotTinyLfu() {
        long[] hot = {1, 2, 3, 4, 5};
        for (Policy policy : Policy.values()) {
            ResourceCache cache = cache(policy);
            for (int round = 0; round < 5; round++) {
                for (long k : hot) {
                    use(cache, k);
                }
            }
            for (long k = 1000; k < 1100; k++) { // a scan: 100 keys, each used once
                use(cache, k);
            }
            int kept = 0;
            for (long k : hot) {
                kept += cache.get(1, 2, 3, k) != null ? 1 : 0;
            }
            assertEquals(policy == Policy.LRU ? 0 : hot.length, kept, policy + " kept " + kept + " of the hot keys");
            assertTrue(cache.bytesHeld() <= ROOM * 1000L);
        }
    }

    @Test
    void tinyLfuAdmitsANewKeyOnceItIsUsedMoreThanWhatItWouldReplace() {
        ResourceCache cache = cache(Policy.W_TINY_LFU);
        for (long k = 0; k < ROOM; k++) {
            use(cache, k); // each used once
        }
        use(cache, 50);
        assertNull(cache.get(1, 2, 3, 50), "used once, like the oldest entry: not admitted");
        use(cache, 50);
        use(cache, 50);
        assertNotNull(cache.get(1, 2, 3, 50), "used three times, more than the oldest entry: admitted");
        assertEquals(ROOM, cache.entries());
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void neverOverItsBytesWhateverTheSizes(Policy policy) {
        ResourceCache cache = ResourceCache.builder(50_000).policy(policy).segments(1).telemetry(new Telemetry()).build();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long key = rnd.nextInt(300);
            if (rnd.nextInt(3) == 0) {
                cache.get(1, 2, 3, key);
            } else {
                cache.put(1, 2, 3, key, new byte[rnd.nextInt(rnd.nextBoolean() ? 500 : 60_000)]);
            }
            assertTrue(cache.bytesHeld() <= 50_000, policy + ": " + cache.bytesHeld() + " bytes after step " + i);
        }
        long sum = 0;
        for (long key = 0; key < 300; key++) {
            byte[] v = cache.get(1, 2, 3, key);
            sum += v == null ? 0 : v.length + Slots.OVERHEAD;
        }
        assertEquals(cache.bytesHeld(), sum, "the bytes held are exactly what the entries weigh");
    }

    @Test
    void onLookupsMixedWithScansTinyLfuHitsMoreThanLru() {
        // 8,000 skewed look-ups over 100 keys; every 200 of them, a scan of 300 other keys; room for 40 entries
        List<Long> trace = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 8000; i++) {
            trace.add((long) Math.min(rnd.nextInt(100), Math.min(rnd.nextInt(100), rnd.nextInt(100))));
            if (i % 200 == 199) {
                for (long k = 1000; k < 1300; k++) {
                    trace.add(k);
                }
            }
        }
        double[] lookupHitRate = new double[2];
        for (Policy policy : Policy.values()) {
            ResourceCache cache = ResourceCache.builder(40 * 1000L).policy(policy).segments(1).telemetry(new Telemetry()).build();
            int hits = 0;
            for (long k : trace) {
                hits += use(cache, k) && k < 1000 ? 1 : 0;
            }
            lookupHitRate[policy.ordinal()] = hits / 8000.0;
        }
        double lru = lookupHitRate[Policy.LRU.ordinal()];
        double tinyLfu = lookupHitRate[Policy.W_TINY_LFU.ordinal()];
        // measured: LRU 0.568, W-TinyLFU 0.697 (every scan flushes LRU; TinyLFU keeps the often-used keys)
        assertTrue(tinyLfu > lru + 0.08, "look-up hit rate: W-TinyLFU " + tinyLfu + " vs LRU " + lru);
    }
}
