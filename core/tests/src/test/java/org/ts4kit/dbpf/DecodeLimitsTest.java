package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;
import org.ts4kit.io.zip.ZipFormatException;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;
import org.ts4kit.testkit.HostileFiles;
import org.ts4kit.testkit.RawZip;

/**
 * Counts and totals read from a file are bounded before they cost anything: an index that declares
 * hundreds of millions of entries, records that all point at one big stream, zip members that share
 * one local header. Each fails fast, naming the limit, instead of an OutOfMemoryError or hours of work.
 */
class DecodeLimitsTest {
    @Test
    void aHugeDeclaredEntryCountIsRefusedBeforeAnyAllocation(@TempDir Path dir) throws IOException {
        // 268M entries of 16 bytes in a sparse 4 GiB file: they would "fit", and the index arrays
        // alone would need about 10 GiB of heap
        Path file = dir.resolve("sparse.package");
        long count = 268_000_000L;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            ch.write(HostileFiles.dbpfHeader(count, 96, (int) (count * 16 + 16)), 0);
            ch.write(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 7), 96); // flags: 3 constants
            ch.write(ByteBuffer.allocate(1), 96 + 16 + count * 16 - 1);
        }
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> DbpfPackage.open(file).close());
        assertEquals(36, e.offset());
        assertTrue(e.reason().contains("268000000 index entries") && e.reason().contains("-Dts4kit.maxEntries"), e.reason());
    }

    @Test
    void theEntryLimitIsAnOption() throws IOException {
        DbpfWriter w = DbpfWriter.inMemory();
        for (int i = 0; i < 11; i++) {
            w.add(new ResourceKey(1, 2, i), new byte[] {(byte) i}, Compression.NONE);
        }
        byte[] bytes = w.toByteArray();
        ReadOptions ten = ReadOptions.defaults().withMaxEntries(10);
        DbpfFormatException e = assertThrows(DbpfFormatException.class,
                () -> DbpfPackage.open(ByteSources.wrap("eleven.package", ByteBuffer.wrap(bytes)), ten));
        assertTrue(e.reason().contains("more than the limit of 10"), e.reason());
        try (DbpfPackage pkg = DbpfPackage.open(ByteSources.wrap("eleven.package", ByteBuffer.wrap(bytes)),
                ten.withMaxEntries(11))) {
            assertEquals(11, pkg.entryCount());
        }
        assertThrows(IllegalArgumentException.class, () -> ten.withMaxEntries(80_000_000)); // past what arrays hold
    }

    @Test
    @Timeout(60)
    void recordsSharingOneStreamStopAtThePackagesBudget() throws IOException {
        // 10,000 records pointing at one zlib stream of 8 MiB of zeros: 80 GiB to inflate without a budget
        byte[] zeros = new byte[8 << 20];
        int records = 10_000;
        ByteBuffer file = ByteBuffer.wrap(HostileFiles.sharedStreamPackage(records, zeros));
        ReadOptions options = ReadOptions.defaults().withMaxResourceBytes(16 << 20).withDecodeLimits(100, 1L << 40);
        long budget = options.decodeBudget(file.remaining());
        int decoded = 0;
        int refused = 0;
        try (DbpfPackage pkg = DbpfPackage.open(ByteSources.wrap("bomb.package", file), options)) {
            for (int i = 0; i < records; i++) {
                try {
                    assertArrayEquals(zeros, pkg.read(i));
                    decoded++;
                } catch (DbpfFormatException e) {
                    assertTrue(e.reason().contains("-Dts4kit.maxDecodeRatio"), e.reason());
                    refused++;
                }
            }
        }
        assertEquals(budget / zeros.length, decoded, "decoded up to the budget of " + budget + " bytes, then refused");
        assertEquals(records - decoded, refused);
    }

    @Test
    @Timeout(60)
    void aScanDecodesASharedStreamOnceAndHashesEveryRecord() {
        byte[] data = new byte[8 << 20];
        Arrays.fill(data, (byte) 'x');
        int records = 10_000;
        ByteBuffer file = ByteBuffer.wrap(HostileFiles.sharedStreamPackage(records, data));
        PackageInput input = new PackageInput("bomb.package", "bomb.package", file.remaining(),
                o -> DbpfPackage.open(ByteSources.wrap("bomb.package", file), o));
        long[] handed = new long[1];
        ScannedPackage scanned;
        try (ResourceBuffer buffer = new ResourceBuffer()) {
            scanned = new PackageScanner(ScanOptions.ALL, ReadOptions.defaults()).scan(input, buffer, new ScanSink() {
                @Override
                public void onResource(ScannedPackage pkg, int entry, ByteBuffer bytes) {
                    handed[0] += bytes == null ? 0 : 1;
                }

                @Override
                public void onPackage(ScannedPackage pkg) {
                }
            });
        }
        assertTrue(scanned.problems().isEmpty(), scanned.problems().toString());
        assertEquals(1, handed[0], "one decode for one stored range");
        for (int i = 0; i < records; i++) {
            assertTrue(scanned.decoded(i));
            assertEquals(scanned.hashHex(0), scanned.hashHex(i));
        }
    }

    @Test
    @Timeout(60)
    void zipMembersSharingOneLocalHeaderAreRefused(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("shared.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("a.package"));
            z.write(new byte[1 << 20]);
            z.closeEntry();
        }
        int copies = 1000; // the one central record 1,000 times, each pointing at the same local header
        Files.write(zip, HostileFiles.sharedLocalHeader(Files.readAllBytes(zip), copies));
        try (ZipArchive archive = ZipArchive.open(zip)) {
            assertEquals(copies, archive.size());
            int read = 0;
            int refused = 0;
            for (ZipEntryInfo e : archive.entries()) {
                try {
                    archive.data(e);
                    read++;
                } catch (ZipFormatException x) {
                    assertTrue(x.reason().contains("overlap"), x.reason());
                    refused++;
                }
            }
            assertEquals(1, read, "the first record keeps the member");
            assertEquals(copies - 1, refused);
        }
    }

    @Test
    void anArchiveListingMoreMembersThanTheLimitIsRefused() throws IOException {
        RawZip raw = new RawZip();
        for (int i = 0; i < 5; i++) {
            raw.add(RawZip.stored("m" + i + ".package", new byte[] {(byte) i}));
        }
        byte[] bytes = raw.build();
        String before = System.getProperty("ts4kit.maxZipMembers");
        System.setProperty("ts4kit.maxZipMembers", "4");
        try {
            ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(ByteSources.wrap("many.zip", bytes)));
            assertTrue(e.reason().contains("more than 4 entries, the limit (-Dts4kit.maxZipMembers)"), e.reason());
            System.setProperty("ts4kit.maxZipMembers", "5");
            try (ZipArchive ok = ZipArchive.open(ByteSources.wrap("many.zip", bytes))) {
                assertEquals(5, ok.size());
            }
        } finally {
            if (before == null) {
                System.clearProperty("ts4kit.maxZipMembers");
            } else {
                System.setProperty("ts4kit.maxZipMembers", before);
            }
        }
    }

    @Test
    void aMemberNameLongerThanThePathLimitIsRefused() throws IOException {
        byte[] bytes = new RawZip().add(RawZip.stored("d/".repeat(2100) + "x.package", new byte[] {1})).build();
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(ByteSources.wrap("long.zip", bytes)));
        assertTrue(e.reason().contains("name of 4209 bytes, longer than the limit of 4096 (-Dts4kit.maxPathLength)"), e.reason());
    }
}
