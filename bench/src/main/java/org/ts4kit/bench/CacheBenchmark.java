package org.ts4kit.bench;

import com.google.common.hash.Funnels;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.ts4kit.cache.BloomFilter;
import org.ts4kit.cache.ResourceCache;
import org.ts4kit.telemetry.Telemetry;

/**
 * Look-up latency of core's cache and Bloom filter:
 * <ul>
 * <li>{@code bloom*}: {@link BloomFilter#mightContain} against Guava's {@code BloomFilter<Long>}, both
 * at 1 % for {@code keys} items, asked about present and absent keys (hashes, pre-boxed for Guava);</li>
 * <li>{@code cache*}: {@link ResourceCache#get} on 200,000 entries of 128 bytes: a hit (decoded copy
 * included), a miss that the filter lets through (a false positive: segment lock and table probe), and a
 * negative (the filter rules the key out: no lock, no probe); the same look-ups in a plain
 * {@link ConcurrentHashMap} keyed by a record, as a cache without a filter would do them ({@code mapHit}
 * returns the stored array, {@code mapHitCopy} a copy, as the cache must). The hits walk 4,096 random
 * keys of the 200,000; the {@code *Hot} ones 64, so their memory stays in the CPU's caches.</li>
 * </ul>
 * <pre>
 * mvn -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar CacheBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// a fixed, pre-touched heap: on this (virtualised) machine the first touch of a page the heap grows into costs
// microseconds, and a growing young generation turned 10 ns allocations into 300-500 ns ones at random
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class CacheBenchmark {
    static final int PROBES = 4096;
    static final int TYPE = 0x0333406C;

    /** A key as a map-based cache would hold it. */
    record Key(long packageId, int type, int group, long instance) {
    }

    @State(Scope.Benchmark)
    public static class Filters {
        @Param({"10000", "1000000"})
        public int keys;
        BloomFilter ours;
        com.google.common.hash.BloomFilter<Long> guava;
        final long[] present = new long[PROBES];
        final long[] absent = new long[PROBES];
        final Long[] presentBoxed = new Long[PROBES];
        final Long[] absentBoxed = new Long[PROBES];

        @Setup
        public void setUp() {
            ours = BloomFilter.create(keys, 0.01);
            guava = com.google.common.hash.BloomFilter.create(Funnels.longFunnel(), keys, 0.01);
            for (int i = 0; i < keys; i++) {
                long h = BloomFilter.keyHash(TYPE, 0, i);
                ours.add(h);
                guava.put(h);
            }
            SplittableRandom rnd = new SplittableRandom(1);
            for (int i = 0; i < PROBES; i++) {
                present[i] = BloomFilter.keyHash(TYPE, 0, rnd.nextInt(keys));
                absent[i] = BloomFilter.keyHash(TYPE, 1, rnd.nextLong()); // group 1 was never added
                presentBoxed[i] = present[i];
                absentBoxed[i] = absent[i];
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Caches {
        static final int ENTRIES = 200_000;
        static final long PACKAGE = 0x5EED;
        @Param({"W_TINY_LFU", "LRU"})
        public ResourceCache.Policy policy;
        ResourceCache cache;
        final ConcurrentHashMap<Key, byte[]> map = new ConcurrentHashMap<>();
        final long[] hit = new long[PROBES];
        final long[] miss = new long[PROBES];
        final long[] negative = new long[PROBES];

        @Setup
        public void setUp() {
            cache = ResourceCache.builder(256L << 20).policy(policy).expectedEntries(ENTRIES).telemetry(new Telemetry()).build();
            byte[] value = new byte[128];
            for (long i = 0; i < ENTRIES; i++) {
                cache.put(PACKAGE, TYPE, 0, i, value);
                map.put(new Key(PACKAGE, TYPE, 0, i), value);
            }
            SplittableRandom rnd = new SplittableRandom(2);
            for (int i = 0; i < PROBES; i++) {
                hit[i] = rnd.nextInt(ENTRIES);
            }
            // absent instances sorted by what the filter says, told apart by the cache's own figures
            int misses = 0;
            int negatives = 0;
            for (long i = ENTRIES; misses < PROBES || negatives < PROBES; i++) {
                long before = cache.stats().misses();
                cache.get(PACKAGE, TYPE, 0, i);
                if (cache.stats().misses() > before) {
                    if (misses < PROBES) {
                        miss[misses++] = i;
                    }
                } else if (negatives < PROBES) {
                    negative[negatives++] = i;
                }
            }
        }
    }

    /** Each benchmark thread's own walk through the probes. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int next() {
            return next++ & (PROBES - 1);
        }
    }

    @Benchmark
    public boolean bloomAbsentOurs(Filters f, Cursor c) {
        return f.ours.mightContain(f.absent[c.next()]);
    }

    @Benchmark
    public boolean bloomAbsentGuava(Filters f, Cursor c) {
        return f.guava.mightContain(f.absentBoxed[c.next()]);
    }

    @Benchmark
    public boolean bloomPresentOurs(Filters f, Cursor c) {
        return f.ours.mightContain(f.present[c.next()]);
    }

    @Benchmark
    public boolean bloomPresentGuava(Filters f, Cursor c) {
        return f.guava.mightContain(f.presentBoxed[c.next()]);
    }

    @Benchmark
    public byte[] cacheHit(Caches s, Cursor c) {
        return s.cache.get(Caches.PACKAGE, TYPE, 0, s.hit[c.next()]);
    }

    @Benchmark
    @Threads(2)
    public byte[] cacheHit2Threads(Caches s, Cursor c) {
        return s.cache.get(Caches.PACKAGE, TYPE, 0, s.hit[c.next()]);
    }

    @Benchmark
    public byte[] cacheMiss(Caches s, Cursor c) {
        return s.cache.get(Caches.PACKAGE, TYPE, 0, s.miss[c.next()]);
    }

    @Benchmark
    public byte[] cacheNegative(Caches s, Cursor c) {
        return s.cache.get(Caches.PACKAGE, TYPE, 0, s.negative[c.next()]);
    }

    @Benchmark
    public byte[] mapHit(Caches s, Cursor c) {
        return s.map.get(new Key(Caches.PACKAGE, TYPE, 0, s.hit[c.next()]));
    }

    /** A map hit that hands out a copy, as the cache must (its callers own what they get). */
    @Benchmark
    public byte[] mapHitCopy(Caches s, Cursor c) {
        return s.map.get(new Key(Caches.PACKAGE, TYPE, 0, s.hit[c.next()])).clone();
    }

    @Benchmark
    @Threads(2)
    public byte[] mapHitCopy2Threads(Caches s, Cursor c) {
        return s.map.get(new Key(Caches.PACKAGE, TYPE, 0, s.hit[c.next()])).clone();
    }

    /** Hits on 64 keys only: what a hit costs when its lines are in the CPU's cache. */
    @Benchmark
    public byte[] cacheHitHot(Caches s, Cursor c) {
        return s.cache.get(Caches.PACKAGE, TYPE, 0, s.hit[c.next() & 63]);
    }

    @Benchmark
    public byte[] mapHitCopyHot(Caches s, Cursor c) {
        return s.map.get(new Key(Caches.PACKAGE, TYPE, 0, s.hit[c.next() & 63])).clone();
    }

    @Benchmark
    public byte[] mapMiss(Caches s, Cursor c) {
        return s.map.get(new Key(Caches.PACKAGE, TYPE, 0, s.negative[c.next()]));
    }
}
