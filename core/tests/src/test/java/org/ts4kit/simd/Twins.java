package org.ts4kit.simd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.ts4kit.testkit.Seeds;

/** Both twins for a test, and where the tests' randomness comes from. */
final class Twins {
    /** {@code -Dts4kit.seed=...} replays a run; otherwise each run draws a fresh seed. */
    static final long SEED = seed();
    private static final Object PANAMA = load();

    private Twins() {
    }

    private static long seed() {
        return Seeds.seed("org.ts4kit.simd tests");
    }

    static SplittableRandom random(long salt) {
        return new SplittableRandom(SEED ^ salt);
    }

    static String reproduce() {
        return Seeds.reproduce(SEED);
    }

    static IndexKernels scalar() {
        return ScalarIndexKernels.INSTANCE;
    }

    /** The Vector API twin, or a skipped test saying why it is absent. */
    static IndexKernels panama() {
        assumeTrue(PANAMA instanceof IndexKernels, () -> "Vector API twin skipped: " + PANAMA);
        return (IndexKernels) PANAMA;
    }

    private static Object load() {
        if (!IndexKernelsProvider.vectorModuleReadable()) {
            return "module " + IndexKernelsProvider.VECTOR_MODULE + " absent (run with --add-modules)";
        }
        try {
            return IndexKernelsProvider.loadPanama();
        } catch (UnsupportedOperationException e) {
            return "this CPU: " + e.getMessage();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the module is present but the Vector API twin does not load", e);
        }
    }
}
