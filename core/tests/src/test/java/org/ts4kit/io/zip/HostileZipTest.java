package org.ts4kit.io.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.ts4kit.io.ByteSources;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.testkit.RawZip;
import org.ts4kit.testkit.ZipFixtures;

/** Archives whose fields lie, one field at a time: each fails with a reason that says which field and where. */
class HostileZipTest {
    private static final byte[] PKG = "DBPF then the same few bytes again and again. ".repeat(40).getBytes(StandardCharsets.US_ASCII);

    private final RawZip raw = new RawZip()
            .add(RawZip.stored("a/stored.package", PKG))
            .add(RawZip.deflated("a/b.package", PKG));
    private final byte[] bytes = raw.build();

    private ZipFormatException openFails() {
        return fails(() -> ZipArchive.open(ByteSources.wrap("mods.zip", bytes)));
    }

    private ZipFormatException readFails(int entry) throws ZipFormatException {
        ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", bytes));
        return fails(() -> zip.data(zip.entries().get(entry)));
    }

    private static ZipFormatException fails(Executable e) {
        return assertThrows(ZipFormatException.class, e);
    }

    @Test
    void notAZipAtAll() {
        for (byte[] b : new byte[][] {new byte[0], new byte[21], "DBPF".repeat(30).getBytes(StandardCharsets.US_ASCII)}) {
            ZipFormatException e = fails(() -> ZipArchive.open(ByteSources.wrap("x.package", b)));
            assertTrue(e.reason().startsWith("no end of central directory record"), e.reason());
            assertEquals("x.package", e.file());
        }
    }

    @Test
    void aCommentLengthThatDoesNotReachTheEndIsToleratedWhenTheDirectoryIsReal() throws Exception {
        RawZip.putShort(bytes, raw.eocdOffset + 20, 5);
        ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", bytes));
        assertEquals(2, zip.size());
        assertEquals("", zip.comment());
    }

    @Test
    void aCommentLengthThatDoesNotReachTheEndAndNoDirectory() {
        RawZip.putShort(bytes, raw.eocdOffset + 20, 5);
        RawZip.putInt(bytes, raw.cdOffset, 0);
        assertEquals("no end of central directory record (the signature at " + raw.eocdOffset
                + " declares a 5-byte comment but 0 bytes follow it); not a zip archive, or a truncated one", openFails().reason());
    }

    @Test
    void aCentralDirectoryOffsetPastTheEnd() {
        RawZip.putInt(bytes, raw.eocdOffset + 16, 0x7FFF_0000L);
        ZipFormatException e = openFails();
        assertEquals(raw.eocdOffset + 16, e.offset(), "the field that points there");
        assertTrue(e.reason().startsWith("central directory at 2147418112 lies outside the archive"), e.reason());
    }

    @Test
    void aCentralDirectoryLargerThanTheArchive() {
        RawZip.putInt(bytes, raw.eocdOffset + 12, 0xFFFF_FFF0L);
        assertEquals("central directory of 4294967280 bytes does not fit before the end record at " + raw.eocdOffset,
                openFails().reason());
    }

    @Test
    void aCentralDirectoryOffsetThatPointsAtSomethingElse() {
        RawZip.putInt(bytes, raw.eocdOffset + 16, raw.cdOffset - 100);
        RawZip.putInt(bytes, raw.eocdOffset + 12, raw.eocdOffset - raw.cdOffset - 4);
        ZipFormatException e = openFails();
        assertEquals("central directory at " + (raw.cdOffset - 100) + " does not start with a central file header", e.reason());
        assertEquals(raw.cdOffset - 100, e.offset());
    }

    @Test
    void anEntryCountThatLies() {
        RawZip.putShort(bytes, raw.eocdOffset + 10, 5);
        assertEquals("the end record declares 5 entries but the central directory holds 2", openFails().reason());
    }

    @Test
    void aNameThatRunsPastTheDirectory() {
        RawZip.putShort(bytes, raw.centralOffsets.get(1) + 28, 60_000);
        ZipFormatException e = openFails();
        assertEquals(raw.centralOffsets.get(1), e.offset());
        assertTrue(e.reason().startsWith("central directory record 1 at " + raw.centralOffsets.get(1)), e.reason());
        assertTrue(e.reason().endsWith("runs past the end of the directory at " + raw.eocdOffset), e.reason());
    }

    @Test
    void aLocalHeaderOffsetOutsideTheArchive() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 42, 0xFFFF_0000L);
        ZipFormatException e = readFails(1);
        assertEquals("mods.zip!/a/b.package", e.file());
        assertEquals(raw.centralOffsets.get(1), e.offset());
        assertEquals("entry 'a/b.package': local header at 4294901760 lies outside the archive (" + bytes.length + " bytes)", e.reason());
    }

    @Test
    void aLocalHeaderOffsetThatPointsIntoData() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 42, 100);
        ZipFormatException e = readFails(1);
        assertEquals(100, e.offset());
        // it lies inside the first member's bytes: refused as shared data before its header is even read
        assertEquals("its bytes overlap those of member 'a/stored.package' (local header at 0): refused, members may not share data",
                e.reason());
    }

    /**
     * A local header offset past the end, under an earlier member whose lying compressed size reaches
     * past it too: refused as lying outside the archive, at its central record. (Found by fuzzing: it
     * was refused as sharing the other member's bytes, at its local header offset, outside the file.)
     */
    @Test
    void aLocalHeaderOffsetOutsideTheArchiveInsideAnotherMembersClaimedExtent() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(0) + 20, 0x7000_0000L); // member 0 claims 1.8 GB of data
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 42, 0x0100_0000L); // member 1's header: 16 MiB in
        ZipFormatException e = readFails(1);
        assertEquals(raw.centralOffsets.get(1), e.offset());
        assertEquals("entry 'a/b.package': local header at 16777216 lies outside the archive (" + bytes.length + " bytes)", e.reason());
    }

    @Test
    void aCompressedSizePastTheEnd() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 20, 0x7000_0000L);
        ZipFormatException e = readFails(1);
        assertEquals(raw.localOffsets.get(1), e.offset());
        assertTrue(e.reason().matches("entry 'a/b.package': data at \\d+ \\(1879048192 bytes\\) lies outside the archive .*"), e.reason());
    }

    @Test
    void aLocalExtraLengthThatPushesTheDataPastTheEnd() throws Exception {
        RawZip.putShort(bytes, raw.localOffsets.get(1) + 28, 65_535);
        assertTrue(readFails(1).reason().contains("lies outside the archive"));
    }

    @Test
    void aStoredEntryWhoseSizesDisagree() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(0) + 24, PKG.length + 1);
        assertEquals("entry 'a/stored.package': stored entry declares " + PKG.length + " stored bytes but a size of "
                + (PKG.length + 1), readFails(0).reason());
    }

    @Test
    void aCrcMismatchInStoredAndDeflatedEntries() throws Exception {
        for (int i = 0; i < 2; i++) {
            RawZip.putInt(bytes, raw.centralOffsets.get(i) + 16, 0x12345678);
            ZipFormatException e = readFails(i);
            assertTrue(e.reason().contains("CRC mismatch: the data's CRC-32 is " + String.format("%08X", ZipFixtures.crc(PKG))
                    + ", the central directory says 12345678"), e.reason());
        }
    }

    @Test
    void aDeflatedEntryThatFailsGivesItsPooledArrayBack() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 16, 0x12345678);
        BufferPool pool = new BufferPool(4, 1 << 20);
        ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", bytes));
        ZipFormatException e = fails(() -> zip.open(zip.entries().get(1), "member", pool));
        assertTrue(e.reason().contains("CRC mismatch"), e.reason());
        assertEquals(1, pool.misses(), "one array was taken for the inflated bytes");
        assertTrue(pool.idleBytes() > 0, "and given back when the CRC failed");
    }

    @Test
    void aFlippedByteInStoredDataFailsTheCrc() throws Exception {
        long data = raw.localOffsets.get(0) + 30 + "a/stored.package".length();
        bytes[(int) data + 7] ^= 1;
        ZipFormatException e = readFails(0);
        assertEquals(data, e.offset(), "the first byte of the entry's data");
        assertTrue(e.reason().contains("CRC mismatch"));
    }

    @Test
    void anUnsupportedMethod() throws Exception {
        RawZip.putShort(bytes, raw.centralOffsets.get(1) + 10, 14);
        assertEquals("entry 'a/b.package': unsupported compression method 14 (LZMA)", readFails(1).reason());
    }

    @Test
    void anEncryptedEntry() throws Exception {
        RawZip.putShort(bytes, raw.centralOffsets.get(0) + 8, 1 | ZipEntryInfo.FLAG_UTF8);
        ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", bytes));
        assertTrue(zip.entries().get(0).isEncrypted());
        assertTrue(readFails(0).reason().startsWith("entry 'a/stored.package': encrypted entry"));
    }

    @Test
    void aDeclaredSizeLargerThanTheStreamDecodesTo() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 24, PKG.length + 10);
        assertEquals("entry 'a/b.package': deflate stream ends after " + PKG.length + " bytes, the declared size is "
                + (PKG.length + 10), readFails(1).reason());
    }

    @Test
    void aDeclaredSizeSmallerThanTheStreamDecodesTo() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 24, PKG.length - 10);
        assertEquals("entry 'a/b.package': deflate data decodes to more than the declared size of " + (PKG.length - 10) + " bytes",
                readFails(1).reason());
    }

    @Test
    void aCompressedSizeThatCutsTheStreamShort() throws Exception {
        long compressed = raw.entries.get(1).compressedSize;
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 20, compressed - 3);
        assertTrue(readFails(1).reason().startsWith("entry 'a/b.package': deflate data is truncated"));
    }

    @Test
    void aCompressedSizeLongerThanTheStream() throws Exception {
        long compressed = raw.entries.get(1).compressedSize;
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 20, compressed + 5);
        assertEquals("entry 'a/b.package': deflate stream ends 5 bytes before the declared compressed size of " + (compressed + 5),
                readFails(1).reason());
    }

    @Test
    void garbageInsteadOfDeflateData() throws Exception {
        long data = raw.localOffsets.get(1) + 30 + "a/b.package".length();
        Arrays.fill(bytes, (int) data, (int) data + 8, (byte) 0xFF);
        ZipFormatException e = readFails(1);
        assertEquals(data, e.offset());
        assertTrue(e.reason().startsWith("entry 'a/b.package': corrupt deflate data"), e.reason());
    }

    @Test
    void aDecompressionBombIsRefusedBeforeAllocating() throws Exception {
        RawZip.putInt(bytes, raw.centralOffsets.get(1) + 24, 200_000_000);
        long compressed = raw.entries.get(1).compressedSize;
        assertEquals("entry 'a/b.package': declared size 200000000 cannot come from " + compressed
                + " bytes of deflate data (more than 1032:1)", readFails(1).reason());
    }

    @Test
    void aHostileNameCannotForgeLinesInMessages() throws Exception {
        byte[] b = new RawZip().add(RawZip.stored("x\nmods.zip: offset 0: all fine", PKG).method(12)).build();
        ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", b));
        ZipFormatException e = fails(() -> zip.data(zip.entries().get(0)));
        assertEquals("entry 'x\\u000Amods.zip: offset 0: all fine': unsupported compression method 12 (bzip2)", e.reason());
    }
}
