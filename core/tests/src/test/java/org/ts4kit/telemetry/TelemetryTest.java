package org.ts4kit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/** What core records as it opens and reads packages, and what a snapshot holds. */
class TelemetryTest {
    static final ResourceKey A = ResourceKey.parse("0333406C:00000000:800000000000ABCD");
    static final ResourceKey B = ResourceKey.parse("220557DA:80000000:0021000000000001");

    static final byte[] A_BYTES = "<I n=\"a\">aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</I>".getBytes();

    static byte[] twoResources() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(A, A_BYTES, Compression.ZLIB);
        w.add(B, new byte[1000], Compression.REFPACK);
        return w.toByteArray();
    }

    @Test
    void opensAndReadsAreCountedTimedAndSized() throws Exception {
        Telemetry t = Telemetry.get();
        Telemetry.Snapshot before = t.snapshot();
        byte[] file = twoResources();
        long stored;
        try (DbpfPackage pkg = DbpfPackage.open("two.package", ByteBuffer.wrap(file))) {
            stored = pkg.index().fileSize(0) + pkg.index().fileSize(1);
            pkg.read(0);
            pkg.read(1);
        }
        Telemetry.Snapshot after = t.snapshot();
        assertTrue(Telemetry.ENABLED, "tests run with telemetry on");
        assertEquals(1, after.opens().count() - before.opens().count());
        assertEquals(2, after.reads().count() - before.reads().count());
        assertEquals(stored, after.storedBytes() - before.storedBytes());
        assertEquals(A_BYTES.length + 1000, after.decompressedBytes() - before.decompressedBytes());
        assertTrue(after.opens().max() > 0);
        assertEquals(after.storedBytes(), (long) after.counters().get(Telemetry.BYTES_STORED));
    }

    @Test
    void brokenInputCountsAsAnError() throws Exception {
        long before = Telemetry.get().snapshot().errors();
        assertThrows(DbpfFormatException.class, () -> DbpfPackage.open("short.package", ByteBuffer.wrap(new byte[] {'D', 'B', 'P', 'F'})));
        assertEquals(before + 1, Telemetry.get().snapshot().errors());
    }

    @Test
    void namedMetricsAreCreatedOnceAndShared() {
        Telemetry t = Telemetry.get();
        assertSame(t.counter("test.things"), t.counter("test.things"));
        assertSame(t.histogram("test.work"), t.histogram("test.work"));
        long t0 = Telemetry.start();
        t.histogram("test.work").recordSince(t0);
        t.counter("test.things").add(3);
        assertTrue(t.histogram("test.work").count() >= 1);
        assertTrue(t.snapshot().counters().get("test.things") >= 3);
    }

    @Test
    void sourcesAreReadAtSnapshotCountersFromTheLastResetLevelsAsTheyAre() {
        Telemetry t = new Telemetry();
        java.util.concurrent.atomic.AtomicLong[] owner = {new java.util.concurrent.atomic.AtomicLong(5),
            new java.util.concurrent.atomic.AtomicLong(1000)};
        t.counterSource("test.events", owner, o -> o[0].get());
        t.levelSource("test.bytes", owner, o -> o[1].get());
        t.counter("test.events").add(2); // a counter of the same name adds up with the sources
        assertEquals(7L, t.snapshot().counters().get("test.events"));
        t.reset();
        owner[0].addAndGet(3);
        owner[1].addAndGet(-400);
        assertEquals(3L, t.snapshot().counters().get("test.events"), "counted since the reset");
        assertEquals(600L, t.snapshot().counters().get("test.bytes"), "what is held now, not what happened since the reset");
    }

    @Test
    void jvmFiguresAreThere() {
        JvmStats j = JvmStats.now();
        assertTrue(j.heapUsed() > 0 && j.heapCommitted() >= j.heapUsed(), j.toString());
        assertTrue(j.gcCount() >= 0 && j.gcMillis() >= 0);
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status"))) {
            assertTrue(j.rssBytes() > 0 && j.peakRssBytes() >= j.rssBytes(), j.toString());
        }
        assertEquals(123 * 1024L, JvmStats.kilobytes("Name:\tjava\nVmHWM:\t     123 kB\n", "VmHWM:"));
        assertEquals(-1, JvmStats.kilobytes("Name:\tjava\n", "VmRSS:"));
    }
}
