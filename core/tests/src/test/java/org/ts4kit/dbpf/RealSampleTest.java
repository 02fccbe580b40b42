package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ts4kit.testkit.RealSamples;

/**
 * The real packages of {@link RealSamples#folder()} (not part of this repository: the test skips
 * when they are absent). Every one reads and decodes, except the deliberately corrupt one.
 */
class RealSampleTest {
    @Test
    void everyRealPackageReadsAndDecodes() throws IOException {
        Path dir = RealSamples.folder();
        assumeTrue(dir != null, RealSamples.absent());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".package")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() >= 10, "expected the twelve sample packages in " + dir);
        for (Path f : files) {
            if (f.getFileName().toString().contains("Corrupt")) {
                DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> DbpfPackage.open(f));
                assertEquals(64, e.offset(), e.getMessage());
                assertTrue(e.reason().contains("outside the file"), e.getMessage());
                continue;
            }
            try (DbpfPackage pkg = DbpfPackage.open(f)) {
                for (int i = 0; i < pkg.entryCount(); i++) {
                    if (!pkg.index().isDeleted(i)) {
                        assertEquals(pkg.index().memSize(i), pkg.read(i).length, f + " entry " + i);
                    }
                }
            }
        }
    }

    @Test
    void indexFlagVariantsOfRealFilesAreRead() throws IOException {
        Path dir = RealSamples.folder();
        assumeTrue(dir != null, "../shared/real-sample is absent");
        try (DbpfPackage refpack = DbpfPackage.open(dir.resolve("008_sims4toolkit_InternalCompression.package"));
             DbpfPackage deleted = DbpfPackage.open(dir.resolve("006_sims4toolkit_DeletedRecord.package"));
             DbpfPackage empty = DbpfPackage.open(dir.resolve("107_Sejoslaw_houseDescription-client.package"));
             DbpfPackage flags5 = DbpfPackage.open(dir.resolve("105_Sejoslaw_clientDB.package"))) {
            assertEquals(7, refpack.index().flags());
            assertEquals(Compression.REFPACK, refpack.index().compression(0));
            assertEquals(8169, refpack.read(0).length);
            assertTrue(deleted.index().isDeleted(0));
            assertEquals(0, empty.entryCount());
            assertEquals(5, flags5.index().flags());
            assertEquals(23, flags5.entryCount());
        }
    }
}
