package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.io.ByteSources;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.telemetry.Telemetry;

/** What a read uses is passed in: its own telemetry, its own pool, its own size cap. */
class ReadOptionsTest {
    private static byte[] pkg() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(ResourceKey.parse("0333406C:00000000:0000000000000001"), "<I n=\"a\"/>".getBytes(), Compression.ZLIB);
        w.add(ResourceKey.parse("0333406C:00000000:0000000000000002"), "<I n=\"b\"/>".getBytes(), Compression.REFPACK);
        return w.toByteArray();
    }

    @Test
    void aPackageRecordsIntoTheTelemetryItWasOpenedWith() throws Exception {
        Telemetry mine = new Telemetry();
        Telemetry other = new Telemetry();
        try (DbpfPackage p = DbpfPackage.open(ByteSources.wrap("a.package", ByteBuffer.wrap(pkg())),
                ReadOptions.defaults().withTelemetry(mine))) {
            p.read(0);
            p.read(1);
        }
        if (Telemetry.ENABLED) {
            assertEquals(1, mine.snapshot().opens().count());
            assertEquals(2, mine.snapshot().reads().count());
        }
        assertEquals(0, other.snapshot().opens().count(), "nothing leaks into another registry");
    }

    @Test
    void zipMembersAreInflatedIntoThePoolOfTheScan(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("a.package")); // deflated
            z.write(pkg());
            z.closeEntry();
        }
        Files.write(dir.resolve("mods.zip"), bytes.toByteArray());
        BufferPool pool = new BufferPool(4, 64L << 20);
        ReadOptions read = ReadOptions.defaults().withPool(pool);
        CollectionScan scan = CollectionScan.run(InputWalker.list(List.of(dir), read), 1,
                new PackageScanner(ScanOptions.KEYS, read), ScanSink.NONE);
        assertEquals(0, scan.brokenCount());
        assertTrue(pool.misses() + pool.hits() >= 2, "the member's bytes and the decode buffer came from this pool");
        assertTrue(pool.idleBytes() > 0, "and went back to it");
    }

    @Test
    void theSizeCapIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.defaults().withMaxResourceBytes(-1));
        assertThrows(NullPointerException.class, () -> ReadOptions.defaults().withPool(null));
    }
}
