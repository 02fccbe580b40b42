package org.ts4kit.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ts4kit.testkit.RealSamples;

/**
 * The real packages ({@link RealSamples}; not in this repository, so not committed as inputs) through
 * both package harnesses: the harnesses' own checks must hold on real files too, not only on the
 * generator's. Skips when the samples are absent. {@code tools/fuzz.sh} also gives them to the fuzzer
 * as extra seeds.
 */
class RealSampleHarnessTest {
    @Test
    void everyRealPackagePassesThePackageHarnesses() throws IOException {
        Path dir = RealSamples.folder();
        assumeTrue(dir != null, RealSamples.absent());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".package")).sorted()
                    .collect(Collectors.toList());
        }
        assertTrue(files.size() >= 10, "expected the twelve sample packages in " + dir);
        int decoded = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            PackageHarness.Outcome outcome = PackageHarness.check(PackageReadFuzzTest.NAME, bytes);
            new PackageScanFuzzTest().scanEverything(bytes);
            for (int i = 0; i < outcome.entries().size(); i++) {
                decoded += outcome.decoded(i) ? 1 : 0;
            }
        }
        assertTrue(decoded > 100, "the samples hold hundreds of resources under the fuzzing caps; decoded " + decoded);
    }
}
