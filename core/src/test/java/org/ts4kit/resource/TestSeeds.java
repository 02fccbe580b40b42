package org.ts4kit.resource;

import java.util.Random;

/**
 * One seed per randomised test, printed so a failure can be replayed: run again with
 * {@code -Dts4kit.seed=N} (Surefire passes system properties through) to get the same inputs.
 * A seed that once failed becomes a pinned test case next to the random one.
 */
final class TestSeeds {
    private TestSeeds() {
    }

    static long seed(String test) {
        String pinned = System.getProperty("ts4kit.seed");
        long seed = pinned != null ? Long.decode(pinned) : System.nanoTime();
        System.out.println(test + ": seed " + seed + " (" + reproduce(seed) + ")");
        return seed;
    }

    static String reproduce(long seed) {
        return "reproduce with -Dts4kit.seed=" + seed;
    }

    static Random random(long seed) {
        return new Random(seed);
    }
}
