package org.ts4kit.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.DbpfPackage;

/** A JFR recording sees {@code ts4kit.PackageOpen} and {@code ts4kit.ResourceRead}; without one nothing is made. */
class JfrEventsTest {
    @Test
    void openAndReadsShowUpInARecording(@TempDir Path dir) throws Exception {
        byte[] file = TelemetryTest.twoResources();
        Path jfr = dir.resolve("t.jfr");
        try (Recording r = new Recording()) {
            r.enable("ts4kit.PackageOpen").withoutThreshold();
            r.enable("ts4kit.ResourceRead").withoutThreshold();
            r.start();
            try (DbpfPackage pkg = DbpfPackage.open("two.package", ByteBuffer.wrap(file))) {
                pkg.read(0);
                pkg.read(1);
            }
            r.stop();
            r.dump(jfr);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        List<RecordedEvent> opens = events.stream().filter(e -> e.getEventType().getName().equals("ts4kit.PackageOpen"))
                .collect(Collectors.toList());
        List<RecordedEvent> reads = events.stream().filter(e -> e.getEventType().getName().equals("ts4kit.ResourceRead"))
                .collect(Collectors.toList());
        assertEquals(1, opens.size(), events.toString());
        assertEquals("two.package", opens.get(0).getString("path"));
        assertEquals(2, opens.get(0).getInt("entries"));
        assertEquals(file.length, opens.get(0).getLong("size"));
        assertTrue(!opens.get(0).getDuration().isNegative());
        assertEquals(2, reads.size(), events.toString());
        assertEquals(TelemetryTest.A.toString(), reads.get(0).getString("key"));
        assertEquals("zlib", reads.get(0).getString("compression"));
        assertEquals(1000, reads.get(1).getLong("bytes"));
        assertEquals("refpack", reads.get(1).getString("compression"));
    }

    @Test
    void withoutARecordingNoEventIsBegun() {
        assertEquals(null, Telemetry.beginOpen());
        assertEquals(null, Telemetry.beginRead());
    }
}
