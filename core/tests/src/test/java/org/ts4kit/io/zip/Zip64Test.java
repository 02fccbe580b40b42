package org.ts4kit.io.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.testkit.RawZip;
import org.ts4kit.testkit.ZipFixtures;

/** ZIP64: the end records that {@code ZipOutputStream} writes past 65,535 entries, and ZIP64 extra fields written by hand. */
class Zip64Test {
    static final int MANY = 70_000;
    private static byte[] many;

    @BeforeAll
    static void writeSeventyThousandEntries() {
        ZipFixtures.Contents contents = ZipFixtures.contents();
        for (int i = 0; i < MANY; i++) {
            byte[] data = ("entry " + i).getBytes(StandardCharsets.US_ASCII);
            if (i % 2 == 0) {
                contents.stored("d" + (i / 1000) + "/" + i + ".txt", data);
            } else {
                contents.deflated("d" + (i / 1000) + "/" + i + ".txt", data);
            }
        }
        many = contents.write();
    }

    @Test
    void readsAnArchiveOfSeventyThousandEntries() throws Exception {
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("many.zip", many))) {
            assertTrue(zip.isZip64());
            assertEquals(MANY, zip.size());
            for (int i = 0; i < MANY; i += 997) {
                ZipEntryInfo e = zip.entries().get(i);
                assertEquals("d" + (i / 1000) + "/" + i + ".txt", e.name());
                assertEquals("entry " + i, new String(ZipArchiveTest.bytes(zip.data(e)), StandardCharsets.US_ASCII));
            }
            ZipEntryInfo last = zip.entries().get(MANY - 1);
            assertEquals("entry " + (MANY - 1), new String(ZipArchiveTest.bytes(zip.data(last)), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void readsTheBigArchiveThroughSmallMappedWindows(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("many.zip"), many);
        try (ByteSource src = ByteSources.map(file, 10); ZipArchive zip = ZipArchive.open(src)) {
            assertEquals(MANY, zip.size());
            for (ZipEntryInfo e : zip.entries()) {
                assertEquals(e.size(), zip.data(e).remaining());
            }
        }
    }

    @Test
    void aStubBeforeAZip64ArchiveIsSkippedToo() throws Exception {
        byte[] stub = new byte[1234];
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("setup.exe", ZipArchiveTest.concat(stub, many)))) {
            assertEquals(1234, zip.prefixLength());
            assertEquals("entry 7", new String(ZipArchiveTest.bytes(zip.data(zip.entries().get(7))), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void sizesAndOffsetsComeFromTheZip64ExtraField() throws Exception {
        byte[] pkg = "DBPF and then some".repeat(50).getBytes(StandardCharsets.US_ASCII);
        RawZip raw = new RawZip().zip64End()
                .add(RawZip.stored("stored.package", pkg).zip64())
                .add(RawZip.deflated("deflated.package", pkg).zip64())
                .add(RawZip.stored("plain.txt", new byte[] {7}));
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("zip64.zip", raw.build()))) {
            assertTrue(zip.isZip64());
            assertEquals(3, zip.size());
            ZipEntryInfo deflated = zip.entries().get(1);
            assertEquals(pkg.length, deflated.size());
            assertEquals(raw.localOffsets.get(1), deflated.localHeaderOffset());
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(pkg, ZipArchiveTest.bytes(zip.data(zip.entries().get(i))));
            }
        }
    }

    @Test
    void aZip64FieldMissingFromTheExtraIsAnError() {
        RawZip raw = new RawZip().add(RawZip.stored("a.package", new byte[10]).zip64());
        byte[] b = raw.build();
        long central = raw.centralOffsets.get(0);
        RawZip.putShort(b, central + 46 + "a.package".length() + 2, 16); // the extra now holds size and compressed size only
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(ByteSources.wrap("z.zip", b)));
        assertEquals("entry 'a.package': ZIP64 extra field of 16 bytes lacks the local header offset", e.reason());
    }

    @Test
    void sizesOfFFFFFFFFWithoutAZip64ExtraAreAnError() {
        RawZip raw = new RawZip().add(RawZip.stored("a.package", new byte[10]));
        byte[] b = raw.build();
        RawZip.putInt(b, raw.centralOffsets.get(0) + 24, 0xFFFFFFFFL);
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(ByteSources.wrap("z.zip", b)));
        assertEquals("entry 'a.package': a size or offset is 0xFFFFFFFF but the record has no ZIP64 extra field", e.reason());
        assertEquals(raw.centralOffsets.get(0), e.offset());
    }

    @Test
    void aNegativeZip64SizeIsAnError() {
        RawZip raw = new RawZip().add(RawZip.stored("a.package", new byte[10]).zip64());
        byte[] b = raw.build();
        long extra = raw.centralOffsets.get(0) + 46 + "a.package".length();
        RawZip.putLong(b, extra + 4, -5);
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(ByteSources.wrap("z.zip", b)));
        assertEquals("entry 'a.package': ZIP64 size 18446744073709551611 is negative", e.reason());
    }

    @Test
    void aLocatorThatPointsNowhereIsAnError() {
        RawZip raw = new RawZip().zip64End().add(RawZip.stored("a.package", new byte[10]));
        byte[] b = raw.build();
        RawZip.putInt(b, raw.eocd64Offset, 0x12345678); // destroy the ZIP64 end record's signature
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(ByteSources.wrap("z.zip", b)));
        assertEquals(raw.eocdOffset - 20 + 8, e.offset());
        assertTrue(e.reason().startsWith("no ZIP64 end of central directory record at " + raw.eocd64Offset), e.reason());
    }

    @Test
    void aZip64CentralDirectoryOffsetOutsideTheArchiveIsAnError() {
        RawZip raw = new RawZip().zip64End().add(RawZip.stored("a.package", new byte[10]));
        byte[] b = raw.build();
        RawZip.putLong(b, raw.eocd64Offset + 48, Long.MAX_VALUE);
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(ByteSources.wrap("z.zip", b)));
        assertEquals(raw.eocd64Offset + 48, e.offset());
        assertTrue(e.reason().startsWith("central directory at " + Long.MAX_VALUE + " lies outside the archive"), e.reason());
    }

    @Test
    void aZip64EntryCountThatLiesIsAnError() {
        RawZip raw = new RawZip().zip64End().add(RawZip.stored("a.package", new byte[10]));
        byte[] b = raw.build();
        RawZip.putLong(b, raw.eocd64Offset + 32, 1L << 40);
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(ByteSources.wrap("z.zip", b)));
        assertEquals("the end record declares 1099511627776 entries but the central directory holds 1", e.reason());
    }

    @Test
    void aSixteenBitCountThatWrappedWithoutZip64IsTolerated() throws Exception {
        RawZip raw = new RawZip();
        for (int i = 0; i < 65_537; i++) {
            raw.add(RawZip.stored(Integer.toString(i), new byte[0]));
        }
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("wrapped.zip", raw.build()))) {
            assertEquals(65_537, zip.size(), "the count field says 1: the directory's length decides");
        }
    }
}
