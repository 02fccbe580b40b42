package org.ts4kit.io.zip;

import java.util.Random;

/**
 * The one source of randomness for a test: {@code -Dts4kit.seed=N} pins it, otherwise it is
 * drawn fresh. The seed is printed when the test starts, with a line that reruns exactly this
 * test with it, and {@link #toString()} gives the same line for failure messages; a seed that
 * once failed should become a pinned test. {@code -Dts4kit.testMultiplier=N} scales the work.
 */
final class TestSeed {
    final long seed;
    final Random random;
    private final String reproduce;

    private TestSeed(Class<?> testClass, String method) {
        Long pinned = Long.getLong("ts4kit.seed");
        this.seed = pinned != null ? pinned : new Random().nextLong();
        this.random = new Random(seed);
        this.reproduce = String.format("seed %d; reproduce with: mvn -o -pl core test -Dtest='%s#%s' -Dts4kit.seed=%d",
                seed, testClass.getSimpleName(), method, seed);
        System.out.println(testClass.getSimpleName() + "#" + method + ": " + reproduce);
    }

    static TestSeed of(Class<?> testClass, String method) {
        return new TestSeed(testClass, method);
    }

    static int multiplier() {
        return Math.max(1, Integer.getInteger("ts4kit.testMultiplier", 1));
    }

    @Override
    public String toString() {
        return reproduce;
    }
}
