package org.ts4kit.io.zip;

import java.util.Random;

/**
 * The one source of randomness for a test: {@code -Dts4kit.seed=N} pins it, otherwise it is
 * drawn fresh. The seed is printed with a line that reruns exactly this test with it, and a
 * failing seed should become a pinned test. {@code -Dts4kit.testMultiplier=N} scales the work.
 */
final class TestSeed {
    private TestSeed() {
    }

    static Random random(Class<?> testClass, String method) {
        Long pinned = Long.getLong("ts4kit.seed");
        long seed = pinned != null ? pinned : new Random().nextLong();
        System.out.printf("%s#%s: seed %d; reproduce with: mvn -o -pl core test -Dtest='%s#%s' -Dts4kit.seed=%d%n",
                testClass.getSimpleName(), method, seed, testClass.getSimpleName(), method, seed);
        return new Random(seed);
    }

    static int multiplier() {
        return Math.max(1, Integer.getInteger("ts4kit.testMultiplier", 1));
    }
}
