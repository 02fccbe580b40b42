package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ts4kit.codec.Limits;
import org.ts4kit.io.ByteSources;

/**
 * Every kind of bad input ends in one {@link DbpfFormatException} that names the file, the offset
 * of the bad bytes and the reason.
 */
class DbpfErrorsTest {
    private static final ResourceKey XML = ResourceKey.parse("0333406C:00000000:8000000000000001");
    private static final ResourceKey STBL = ResourceKey.parse("220557DA:80000000:0021000000000002");
    private static final byte[] TEXT = "<I c=\"Buff\" n=\"happy\"> plenty of text text text text text </I>".getBytes();

    @AfterEach
    void restoreCap() {
        Limits.setMaxResourceBytes(Limits.DEFAULT_MAX_RESOURCE_BYTES);
    }

    /** Two entries, zlib then RefPack; the index uses no constant fields (flags 0)... */
    private static byte[] good() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(XML, TEXT, Compression.ZLIB);
        w.add(STBL, TEXT, Compression.REFPACK);
        return w.toByteArray();
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static DbpfFormatException openFails(byte[] bytes) {
        return assertThrows(DbpfFormatException.class, () -> DbpfPackage.open("bad.package", ByteBuffer.wrap(bytes)));
    }

    private static DbpfFormatException readFails(byte[] bytes, int entry) throws Exception {
        DbpfPackage pkg = DbpfPackage.open("bad.package", ByteBuffer.wrap(bytes));
        return assertThrows(DbpfFormatException.class, () -> pkg.read(entry));
    }

    private static void assertError(DbpfFormatException e, long offset, String reasonPart) {
        assertEquals("bad.package", e.file());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.package: offset " + offset + ": "), e.getMessage());
    }

    /** Where entry {@code i}'s fields after the key start (flags 0: type, group, instance high, low). */
    private static int recordTail(byte[] bytes, int i) throws Exception {
        return (int) DbpfPackage.open("x", ByteBuffer.wrap(bytes)).index().recordOffset(i) + 12;
    }

    @Test
    void badMagic() throws Exception {
        byte[] b = good();
        b[0] = 'X';
        assertError(openFails(b), 0, "bad magic");
    }

    @Test
    void zeroedHeaderIsABadMagic() throws Exception {
        byte[] b = good();
        Arrays.fill(b, 0, 96, (byte) 0);
        assertError(openFails(b), 0, "bad magic 0x00000000");
    }

    @Test
    void unsupportedVersion() throws Exception {
        byte[] b = good();
        le(b).putInt(4, 3);
        assertError(openFails(b), 4, "unsupported version 3.1");
    }

    @Test
    void truncatedHeader() throws Exception {
        assertError(openFails(Arrays.copyOf(good(), 50)), 0, "truncated header");
        assertError(openFails(new byte[] {'D', 'B'}), 0, "truncated header");
        assertError(openFails(new byte[0]), 0, "truncated header");
    }

    @Test
    void indexOutsideTheFile() throws Exception {
        byte[] b = good();
        le(b).putLong(64, b.length + 10L);
        assertError(openFails(b), 64, "lies outside the file");
    }

    @Test
    void oldThirtyTwoBitIndexPositionIsUsedWhenTheNewOneIsZero() throws Exception {
        byte[] b = good();
        long pos = le(b).getLong(64);
        le(b).putLong(64, 0).putInt(40, (int) pos);
        assertEquals(2, DbpfPackage.open("old", ByteBuffer.wrap(b)).entryCount());
        le(b).putInt(40, b.length);
        assertError(openFails(b), 40, "lies outside the file");
    }

    @Test
    void truncatedIndex() throws Exception {
        byte[] b = good();
        assertError(openFails(Arrays.copyOf(b, b.length - 10)), le(b).getLong(64) + 4, "truncated index");
    }

    @Test
    void entryCountThatCannotFitIsRefusedBeforeAllocating() throws Exception {
        byte[] b = good();
        le(b).putInt(36, 3_000_000); // under the entry limit, far more than the file holds
        assertError(openFails(b), le(b).getLong(64) + 4, "truncated index");
        le(b).putInt(36, -1); // 4,294,967,295 entries: over the limit, refused at the count itself
        assertError(openFails(b), 36, "more than the limit of " + ReadOptions.DEFAULT_MAX_ENTRIES);
    }

    @Test
    void entryOutsideTheFile() throws Exception {
        byte[] b = good();
        int tail = recordTail(b, 1);
        le(b).putInt(tail + 4, b.length - 3);
        DbpfPackage pkg = DbpfPackage.open("bad.package", ByteBuffer.wrap(b));
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> pkg.read(1));
        assertError(e, pkg.index().recordOffset(1), "lies outside the file");
        assertThrows(DbpfFormatException.class, () -> pkg.storedBytes(1));
        assertEquals(TEXT.length, pkg.read(0).length, "the other entry still reads");
    }

    @Test
    void declaredSizeOverTheCap() throws Exception {
        byte[] b = good();
        int tail = recordTail(b, 0);
        le(b).putInt(tail + 12, 0x7FFF_0000);
        DbpfPackage pkg = DbpfPackage.open("bad.package", ByteBuffer.wrap(b));
        assertError(assertThrows(DbpfFormatException.class, () -> pkg.read(0)), pkg.index().recordOffset(0), "exceeds the cap");
        // the cap is a read option: a package opened under a smaller one refuses what the default allows
        DbpfPackage small = DbpfPackage.open(ByteSources.wrap("bad.package", ByteBuffer.wrap(b)),
                ReadOptions.defaults().withMaxResourceBytes(16));
        assertError(assertThrows(DbpfFormatException.class, () -> small.read(1)), small.index().recordOffset(1), "exceeds the cap");
        assertEquals(TEXT.length, pkg.read(1).length, "the default cap still allows it");
    }

    @Test
    void corruptZlib() throws Exception {
        byte[] b = good();
        DbpfIndex idx = DbpfPackage.open("x", ByteBuffer.wrap(b)).index();
        int off = (int) idx.offset(0);
        b[off + 2] = (byte) 0xFF; // reserved block type
        assertError(readFails(b, 0), off, "zlib");
    }

    @Test
    void zlibBytesThatAreSomethingElse() throws Exception {
        byte[] b = good();
        DbpfIndex idx = DbpfPackage.open("x", ByteBuffer.wrap(b)).index();
        int off = (int) idx.offset(0);
        Arrays.fill(b, off, off + (int) idx.fileSize(0), (byte) 'A');
        assertError(readFails(b, 0), off, "zlib");
    }

    @Test
    void corruptRefPack() throws Exception {
        byte[] b = good();
        DbpfIndex idx = DbpfPackage.open("x", ByteBuffer.wrap(b)).index();
        int off = (int) idx.offset(1);
        b[off + 1] = 0x00; // not the 0xFB magic
        assertError(readFails(b, 1), off, "RefPack");
    }

    @Test
    void sizeMismatch() throws Exception {
        byte[] b = good();
        int tail = recordTail(b, 0);
        le(b).putInt(tail + 12, TEXT.length + 5);
        DbpfIndex idx = DbpfPackage.open("x", ByteBuffer.wrap(b)).index();
        assertError(readFails(b, 0), idx.offset(0), "mem size");
        int tail1 = recordTail(b, 1);
        le(b).putInt(tail1 + 12, TEXT.length - 1);
        assertError(readFails(b, 1), idx.offset(1), "mem size");
    }

    @Test
    void unknownCompression() throws Exception {
        byte[] b = good();
        int tail = recordTail(b, 0);
        le(b).putShort(tail + 16, (short) 0x1234);
        DbpfPackage pkg = DbpfPackage.open("bad.package", ByteBuffer.wrap(b));
        assertEquals("1234", Compression.name(pkg.index().compression(0)));
        assertError(assertThrows(DbpfFormatException.class, () -> pkg.read(0)), pkg.index().recordOffset(0),
                "unknown compression 0x1234");
    }

    @Test
    void readingADeletedEntryIsAnError() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.addDeleted(XML);
        DbpfPackage pkg = DbpfPackage.open("bad.package", ByteBuffer.wrap(w.toByteArray()));
        assertTrue(pkg.index().isDeleted(0));
        assertTrue(assertThrows(DbpfFormatException.class, () -> pkg.read(0)).reason().contains("deleted"));
    }

    @Test
    void useAfterCloseFailsCleanly() throws Exception {
        DbpfPackage pkg = DbpfPackage.open("bad.package", ByteBuffer.wrap(good()));
        pkg.close();
        pkg.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> pkg.read(0));
    }
}
