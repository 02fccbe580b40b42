package org.ts4kit.codec;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.function.Executable;

/**
 * Where random tests get their randomness. Each run draws one fresh seed (or takes
 * {@code -Dts4kit.seed=...}); tests also replay seeds that once failed ("pinned"). A failure names
 * its seed so it can be replayed and pinned:
 * <pre>mvn -o -q -pl core test -Dtest=RefPackDecoderHostileInputTest -Dts4kit.seed=12345</pre>
 */
final class Seeds {
    static final String PROPERTY = "ts4kit.seed";
    /** This run's seed. */
    static final long RUN = initial();

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
    static LongStream pinnedAndRun(long... pinned) {
        return LongStream.concat(Arrays.stream(pinned), LongStream.of(RUN)).distinct();
    }

    static String reproduce(long seed) {
        return "reproduce with seed=" + seed + " (-D" + PROPERTY + "=" + seed + ")";
    }

    /** Runs {@code body}; any failure, assertion or unexpected exception, comes back naming the seed. */
    static void check(long seed, Executable body) {
        try {
            body.execute();
        } catch (Throwable t) {
            System.err.println(reproduce(seed) + ": " + t);
            throw new AssertionError(reproduce(seed) + ": " + t, t);
        }
    }
}
