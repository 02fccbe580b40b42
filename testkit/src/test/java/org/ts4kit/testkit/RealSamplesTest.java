package org.ts4kit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample folder is found relative to where tests run, or where the property says. */
class RealSamplesTest {
    @Test
    void foundWalkingUpFromAModuleFolder(@TempDir Path dir) throws Exception {
        Path samples = Files.createDirectories(dir.resolve("shared/real-sample"));
        Path module = Files.createDirectories(dir.resolve("wt-x/core/tests"));
        assertEquals(samples, RealSamples.above(module));
        assertEquals(samples, RealSamples.above(dir));
    }

    @Test
    void thePropertyWinsAndIsNotSecondGuessed(@TempDir Path dir) {
        String saved = System.getProperty(RealSamples.PROPERTY);
        try {
            System.setProperty(RealSamples.PROPERTY, dir.toString());
            assertEquals(dir, RealSamples.folder());
            System.setProperty(RealSamples.PROPERTY, dir.resolve("missing").toString());
            assertNull(RealSamples.folder());
        } finally {
            if (saved == null) {
                System.clearProperty(RealSamples.PROPERTY);
            } else {
                System.setProperty(RealSamples.PROPERTY, saved);
            }
        }
    }
}
