package org.ts4kit.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ts4kit.testkit.Seeds;

/** {@link BloomFilter}: never a false negative, the false-positive rate it was built for, a checked serialised form. */
class BloomFilterTest {
    static LongStream seeds() {
        return Seeds.pinnedAndRun(1L, 0x7534_6B69_74L);
    }

    @Test
    void perPackageFilterAnswersForItsKeys() throws CacheFormatException {
        BloomFilter keys = BloomFilter.create(3, 0.01);
        keys.add(BloomFilter.keyHash(0x220557DA, 0, 0x8000_0000_0000_ABCDL));
        keys.add(BloomFilter.keyHash(0x0333406C, 0x8000_0000, 42));
        BloomFilter saved = BloomFilter.readFrom(ByteBuffer.wrap(keys.toByteArray()));
        assertTrue(saved.mightContain(BloomFilter.keyHash(0x220557DA, 0, 0x8000_0000_0000_ABCDL)));
        assertTrue(saved.mightContain(BloomFilter.keyHash(0x0333406C, 0x8000_0000, 42)));
        assertEquals(1, saved.blockCount(), "three keys fit one 32-byte block");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverAFalseNegative(long seed) {
        Seeds.check(seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int round = 0; round < 20 * Seeds.multiplier(); round++) {
                int n = rnd.nextInt(rnd.nextBoolean() ? 100 : 50_000);
                double fpp = new double[] {0.5, 0.1, 0.01, 0.001}[rnd.nextInt(4)];
                // a filter sized for fewer items than it gets (overfilled) must still never say no
                BloomFilter f = BloomFilter.create(rnd.nextInt(4) == 0 ? Math.max(1, n / 10) : n, fpp);
                long[] added = new long[n];
                for (int i = 0; i < n; i++) {
                    added[i] = rnd.nextBoolean() ? rnd.nextLong() : BloomFilter.keyHash(rnd.nextInt(), rnd.nextInt(), rnd.nextLong());
                    f.add(added[i]);
                }
                for (long h : added) {
                    assertTrue(f.mightContain(h), () -> "false negative for " + Long.toHexString(h) + " in a filter of " + n);
                }
            }
        });
    }

    @Test
    void concurrentAddsLoseNoBit() throws Exception {
        BloomFilter f = BloomFilter.withBlocks(4); // few blocks: the threads write the same words all the time
        int threads = 4;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = (long) t * perThread;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        f.add(Mix.fmix64(base + i));
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (long i = 0; i < (long) threads * perThread; i++) {
            assertTrue(f.mightContain(Mix.fmix64(i)), "lost item " + i);
        }
    }

    /** Hashes of keys of a collection: what the per-package filters and the cache hold. */
    private static long[] keyHashes(SplittableRandom rnd, int n, int type) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = BloomFilter.keyHash(type, rnd.nextInt(4) == 0 ? 0x8000_0000 : 0, rnd.nextLong());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.01, 0.001})
    void measuredFalsePositiveRateMeetsTheTarget(double target) {
        long seed = Seeds.seed("BloomFilterTest#measuredFalsePositiveRateMeetsTheTarget(" + target + ")");
        Seeds.check(seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 100_000;
            BloomFilter f = BloomFilter.create(n, target);
            for (long h : keyHashes(rnd, n, 0x0333406C)) {
                f.add(h);
            }
            int probes = 2_000_000;
            int positives = 0;
            for (long h : keyHashes(rnd, probes, 0x220557DA)) { // another type: none of these was added
                positives += f.mightContain(h) ? 1 : 0;
            }
            double measured = (double) positives / probes;
            System.out.printf(Locale.ROOT, "Bloom fpp target %.3f%%: measured %.4f%% over %,d probes, expected %.4f%%, from its bits %.4f%%, "
                    + "%.2f bits per item%n", 100 * target, 100 * measured, probes, 100 * f.expectedFpp(n), 100 * f.measuredFpp(),
                    f.blockCount() * 256.0 / n);
            // 2M probes: the binomial's standard deviation is under 2.5 % of the rate at 0.1 %; 10 % is 4 of them
            assertTrue(measured <= target * 1.10, "measured " + measured + " over the target " + target);
            assertTrue(measured >= target * 0.70, "measured " + measured + ": far under " + target + ", so the filter is oversized");
            assertEquals(f.expectedFpp(n), f.measuredFpp(), f.expectedFpp(n) * 0.1, "the sizing model and the bits agree");
        });
    }

    @Test
    void keyHashAvalanches() {
        long seed = Seeds.seed("BloomFilterTest#keyHashAvalanches");
        SplittableRandom rnd = new SplittableRandom(seed);
        int trials = 2000;
        long[] flips = new long[64]; // how often each output bit flipped, over all input bits and trials
        for (int t = 0; t < trials; t++) {
            int type = rnd.nextInt();
            int group = rnd.nextInt();
            long instance = rnd.nextLong();
            long h = BloomFilter.keyHash(type, group, instance);
            for (int bit = 0; bit < 128; bit++) {
                long g = bit < 32 ? BloomFilter.keyHash(type ^ (1 << bit), group, instance)
                        : bit < 64 ? BloomFilter.keyHash(type, group ^ (1 << (bit - 32)), instance)
                        : BloomFilter.keyHash(type, group, instance ^ (1L << (bit - 64)));
                long diff = h ^ g;
                for (int o = 0; o < 64; o++) {
                    flips[o] += (diff >>> o) & 1;
                }
            }
        }
        for (int o = 0; o < 64; o++) {
            double p = flips[o] / (trials * 128.0);
            assertTrue(Math.abs(p - 0.5) < 0.01, "output bit " + o + " flips with probability " + p + ", seed " + seed);
        }
    }

    @Test
    void serialisedFormIsAHeaderThenTheBlocks() {
        BloomFilter f = BloomFilter.withBlocks(3);
        f.add(7);
        byte[] b = f.toByteArray();
        assertEquals(BloomFilter.HEADER_BYTES + 3 * 32, b.length);
        assertEquals(b.length, f.serializedSize());
        assertEquals("TSBF", new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, b[4], "version");
        assertEquals(1, b[5], "hash scheme: split-block");
        assertEquals(0, b[6] | b[7], "reserved");
        assertEquals(3, ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(), "block count");
        int setBits = 0;
        for (int i = BloomFilter.HEADER_BYTES; i < b.length; i++) {
            setBits += Integer.bitCount(b[i] & 0xFF);
        }
        assertEquals(8, setBits, "one item sets one bit in each of its block's eight words");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripsThroughAnyBufferAtAnyPosition(long seed) {
        Seeds.check(seed, () -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            BloomFilter f = BloomFilter.create(1 + rnd.nextInt(5000), 0.01);
            long[] added = keyHashes(rnd, rnd.nextInt(5000), 1);
            for (long h : added) {
                f.add(h);
            }
            int at = rnd.nextInt(9);
            ByteBuffer out = (rnd.nextBoolean() ? ByteBuffer.allocateDirect(at + f.serializedSize() + 5)
                    : ByteBuffer.allocate(at + f.serializedSize() + 5)).order(ByteOrder.BIG_ENDIAN); // the caller's order does not matter
            out.position(at);
            f.writeTo(out);
            assertEquals(at + f.serializedSize(), out.position(), "writeTo advances past what it wrote");
            out.put((byte) 0x5A).flip().position(at);

            BloomFilter back = BloomFilter.readFrom(out);
            assertEquals(at + f.serializedSize(), out.position(), "readFrom advances past the filter, to the next field");
            assertEquals(0x5A, out.get());
            assertArrayEquals(f.toByteArray(), back.toByteArray());
            for (long h : added) {
                assertTrue(back.mightContain(h));
            }
            for (long h : keyHashes(rnd, 1000, 2)) {
                assertEquals(f.mightContain(h), back.mightContain(h));
            }
        });
    }

    @Test
    void createTakesTheFewestBlocksThatMeetTheRate() {
        for (double fpp : new double[] {0.2, 0.05, 0.01, 0.001, 0.0001}) {
            for (long n : new long[] {1, 2, 3, 10, 99, 1000, 12_345, 1_000_000}) {
                int blocks = BloomFilter.create(n, fpp).blockCount();
                assertTrue(BloomSizing.fpp(blocks, n) <= fpp, n + " items at " + fpp + ": " + blocks + " blocks are not enough");
                assertTrue(blocks == 1 || BloomSizing.fpp(blocks - 1, n) > fpp, n + " items at " + fpp + ": " + blocks + " blocks, one fewer would do");
            }
        }
    }

    @Test
    void createRefusesImpossibleArguments() {
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.create(10, 0));
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.create(10, 1));
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.create(10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.create(-1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.create(1L << 40, 0.01), "over 512 MiB");
        assertThrows(IllegalArgumentException.class, () -> BloomFilter.withBlocks(0));
        assertEquals(1, BloomFilter.create(0, 0.01).blockCount());
        assertFalse(BloomFilter.create(0, 0.01).mightContain(12345), "an empty filter holds nothing");
    }
}
