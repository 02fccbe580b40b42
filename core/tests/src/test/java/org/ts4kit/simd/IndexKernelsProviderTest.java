package org.ts4kit.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the twin is picked; uses the decision function, not the cached choice. */
class IndexKernelsProviderTest {

    @ParameterizedTest
    @ValueSource(strings = {"false", "scalar", "SCALAR", " false "})
    void thePropertyForcesTheScalarTwinEvenWithTheModule(String value) {
        IndexKernelsProvider.Choice c = IndexKernelsProvider.decide(value, true);
        assertSame(ScalarIndexKernels.INSTANCE, c.kernels());
        assertTrue(c.description().startsWith("scalar (-Dts4kit.simd="), c.description());
    }

    @Test
    void withoutTheModuleTheScalarTwinIsUsedAndTheFlagIsNamed() {
        IndexKernelsProvider.Choice c = IndexKernelsProvider.decide(null, false);
        assertSame(ScalarIndexKernels.INSTANCE, c.kernels());
        assertTrue(c.description().contains("--add-modules jdk.incubator.vector"), c.description());
    }

    @Test
    void anUnknownValueFallsBackToScalarAndSaysSo() {
        IndexKernelsProvider.Choice c = IndexKernelsProvider.decide("fast", true);
        assertSame(ScalarIndexKernels.INSTANCE, c.kernels());
        assertTrue(c.description().contains("unknown -Dts4kit.simd=fast"), c.description());
    }

    @Test
    void withTheModuleTheVectorTwinIsUsedByDefault() {
        Twins.panama();
        for (String value : new String[] {null, "", "true", "auto", "panama"}) {
            IndexKernelsProvider.Choice c = IndexKernelsProvider.decide(value, true);
            assertTrue(c.kernels().name().startsWith("Panama ("), value + ": " + c.description());
            assertEquals(c.kernels().name(), c.description());
        }
    }

    @Test
    void getDecidesOnceAndMatchesThisJvm() {
        IndexKernels k = IndexKernelsProvider.get();
        assertSame(k, IndexKernelsProvider.get());
        boolean forcedScalar = "false".equals(System.getProperty(IndexKernelsProvider.PROPERTY))
                || "scalar".equals(System.getProperty(IndexKernelsProvider.PROPERTY));
        assumeTrue(!forcedScalar);
        assertEquals(IndexKernelsProvider.vectorModuleReadable(), k != ScalarIndexKernels.INSTANCE,
                IndexKernelsProvider.description());
    }
}
