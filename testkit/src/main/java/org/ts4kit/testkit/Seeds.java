package org.ts4kit.testkit;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.function.Executable;

/**
 * Where every randomised test gets its randomness (the one seed helper of the project). Each run
 * draws one fresh master seed, or takes {@code -Dts4kit.seed=N} (decimal or {@code 0x} hex); tests
 * also replay seeds that once failed ("pinned"). A seeded test prints its seed when it starts and a
 * failure names it, with the command that replays it:
 * <pre>mvn -o -q -pl core/tests test -Dtest='ZipFuzzTest#mutatedArchives' -Dts4kit.seed=12345</pre>
 * {@code -Dts4kit.testMultiplier=N} scales the work of the tests that loop.
 */
public final class Seeds {
    public static final String PROPERTY = "ts4kit.seed";
    /** This run's master seed. */
    public static final long RUN = initial();

    private Seeds() {
    }

    private static long initial() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            return System.nanoTime() ^ 0x5DEECE66DL * Thread.currentThread().getId();
        }
        return v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
    }

    /** The pinned seeds, then this run's seed: a {@code @MethodSource} for seeded tests. */
    public static LongStream pinnedAndRun(long... pinned) {
        return LongStream.concat(Arrays.stream(pinned), LongStream.of(RUN)).distinct();
    }

    /** The run's seed for {@code test} (class and method), printed with how to replay it. */
    public static Seed of(Class<?> testClass, String method) {
        Seed s = new Seed(RUN, testClass.getSimpleName() + "#" + method);
        System.out.println(s.test + ": " + s);
        return s;
    }

    /** The run's seed for {@code test}, printed with how to replay it. */
    public static long seed(String test) {
        System.out.println(test + ": seed " + RUN + " (" + reproduce(RUN) + ")");
        return RUN;
    }

    /** The line a failure message carries. */
    public static String reproduce(long seed) {
        return "reproduce with seed=" + seed + " (-D" + PROPERTY + "=" + seed + ")";
    }

    /** Runs {@code body}; any failure, assertion or unexpected exception, comes back naming the seed. */
    public static void check(long seed, Executable body) {
        try {
            body.execute();
        } catch (Throwable t) {
            System.err.println(reproduce(seed) + ": " + t);
            throw new AssertionError(reproduce(seed) + ": " + t, t);
        }
    }

    /** How many times the default amount of work the looping tests do ({@code -Dts4kit.testMultiplier}). */
    public static int multiplier() {
        return Math.max(1, Integer.getInteger("ts4kit.testMultiplier", 1));
    }

    /** One test's seed: its value, a {@link Random} and a {@link SplittableRandom} drawn from it. */
    public static final class Seed {
        public final long value;
        public final Random random;
        private final String test;

        Seed(long value, String test) {
            this.value = value;
            this.random = new Random(value);
            this.test = test;
        }

        public SplittableRandom splittable() {
            return new SplittableRandom(value);
        }

        /** The replay line, for failure messages. */
        @Override
        public String toString() {
            String[] parts = test.split("#", 2);
            return "seed " + value + "; reproduce with: mvn -o -pl core/tests test -Dtest='" + parts[0] + "#" + parts[1]
                    + "' -D" + PROPERTY + "=" + value;
        }
    }
}
