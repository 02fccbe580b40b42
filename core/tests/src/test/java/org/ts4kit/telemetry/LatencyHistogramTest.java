package org.ts4kit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.ts4kit.testkit.Seeds;

/**
 * Percentiles against an exact sort of the same random samples: every answer lies within half a
 * bucket (under 1/256 of the value) of the true nearest-rank percentile. Random tests print their
 * seed; replay one with {@code -Dts4kit.seed=N}.
 */
class LatencyHistogramTest {
    static final double[] PERCENTILES = {0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

    /** Pinned seeds first, then this run's seed. */
    static LongStream seeds() {
        Seeds.seed("LatencyHistogramTest");
        return Seeds.pinnedAndRun(1L, 42L);
    }

    /** Samples in nanoseconds from a few shapes latencies take. */
    static long[] samples(Random rnd, int shape, int n) {
        LongSupplier next;
        switch (shape) {
            case 0: // exact region and just above it
                next = () -> rnd.nextInt(2_000);
                break;
            case 1: // log-uniform from 1 us to 60 s
                next = () -> (long) Math.exp(Math.log(1e3) + rnd.nextDouble() * (Math.log(6e10) - Math.log(1e3)));
                break;
            case 2: // a read: ~20 us body with a heavy tail of ms stalls
                next = () -> rnd.nextInt(100) < 98 ? 15_000 + (long) (rnd.nextGaussian() * 3_000 + 5_000)
                        : 1_000_000 + rnd.nextInt(50_000_000);
                break;
            default: // few distinct values, many ties
                next = () -> 1_000L << rnd.nextInt(20);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.max(0, next.getAsLong());
        }
        return v;
    }

    static long exact(long[] sorted, double p) {
        if (p == 100) {
            return sorted[sorted.length - 1];
        }
        int rank = (int) Math.max(1, Math.ceil(p / 100 * sorted.length));
        return sorted[rank - 1];
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void percentilesAreWithinBucketPrecisionOfAnExactSort(long seed) {
        Random rnd = new Random(seed);
        for (int shape = 0; shape < 4; shape++) {
            for (int n : new int[] {1, 2, 7, 100, 1_001, 50_000}) {
                long[] v = samples(rnd, shape, n);
                LatencyHistogram h = new LatencyHistogram("t");
                for (long x : v) {
                    h.record(x);
                }
                long[] sorted = v.clone();
                Arrays.sort(sorted);
                String where = "seed " + seed + " (reproduce with -Dts4kit.seed=" + seed + "), shape " + shape + ", n " + n;
                assertEquals(n, h.count(), where);
                assertEquals(LongStream.of(v).sum(), h.sum(), where);
                assertEquals((double) LongStream.of(v).sum() / n, h.mean(), 1e-6, where);
                assertEquals(sorted[0], h.min(), where);
                assertEquals(sorted[n - 1], h.max(), where);
                for (double p : PERCENTILES) {
                    long want = exact(sorted, p);
                    long got = h.percentile(p);
                    assertTrue(Math.abs(got - want) <= want / 256, where + ": p" + p + " is " + got + ", exact " + want);
                }
            }
        }
    }

    @Test
    void everyBucketHoldsExactlyTheValuesBetweenItsBounds() {
        long next = 0;
        for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
            long lo = LatencyHistogram.lowest(i);
            long w = LatencyHistogram.width(i);
            assertEquals(next, lo, "bucket " + i + " starts where the last ended");
            assertEquals(i, LatencyHistogram.index(lo));
            assertEquals(i, LatencyHistogram.index(lo + w - 1));
            assertTrue(w == 1 || w <= lo / 128, "bucket " + i + " is at most 1/128 of its values wide");
            next = lo + w;
        }
        assertTrue(next > LatencyHistogram.HIGHEST, "the buckets reach 60 s");
    }

    @Test
    void valuesPastTheRangeKeepAnExactMax() {
        LatencyHistogram h = new LatencyHistogram("t");
        h.record(10);
        h.record(3_600_000_000_000L); // an hour
        h.record(-5); // a clock step
        assertEquals(3, h.count());
        assertEquals(3_600_000_000_000L, h.max());
        assertEquals(3_600_000_000_000L, h.percentile(100));
        assertEquals(0, h.min());
        assertEquals(0, new LatencyHistogram("empty").percentile(99));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mergingEqualsRecordingEverythingInOne(long seed) {
        Random rnd = new Random(seed);
        LatencyHistogram all = new LatencyHistogram("all");
        LatencyHistogram a = new LatencyHistogram("a");
        LatencyHistogram b = new LatencyHistogram("b");
        for (long x : samples(rnd, 1, 10_000)) {
            all.record(x);
            (rnd.nextBoolean() ? a : b).record(x);
        }
        a.merge(b);
        assertEquals(all.count(), a.count());
        assertEquals(all.sum(), a.sum());
        assertEquals(all.max(), a.max());
        assertEquals(all.min(), a.min());
        for (double p : PERCENTILES) {
            assertEquals(all.percentile(p), a.percentile(p), "p" + p + ", seed " + seed);
        }
    }

    @Test
    void threadsRecordingAtOnceLoseNothing() throws Exception {
        LatencyHistogram h = new LatencyHistogram("t");
        Counter c = new Counter("c");
        int threads = 4;
        int each = 200_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] done = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                long base = t;
                done[t] = pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        h.record(base * 1_000 + (i & 1023));
                        c.increment();
                    }
                });
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals((long) threads * each, h.count());
        assertEquals((long) threads * each, c.get());
        assertEquals(3_000 + 1023, h.max());
    }

    @Test
    void recordingAllocatesNothing() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean)) {
            return;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
        long id = Thread.currentThread().getId();
        LatencyHistogram h = new LatencyHistogram("t");
        Counter c = new Counter("c");
        for (int i = 0; i < 20_000; i++) { // warm up, let the JIT settle
            h.record(i * 997L);
            c.add(i);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1_000_000; i++) {
            h.record(i * 7919L);
            c.add(i);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 10_000, "a million records allocated " + allocated + " bytes");
    }
}
