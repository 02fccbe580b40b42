package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.testkit.Seeds;

class StringTableTest {
    private static final String NAME = "test.package 220557DA:80000000:0011223344556677";

    private static byte[] sample() {
        return new StringTableWriter()
                .add("MyMod:Trait_Name", "Loves Llamas")
                .add(0xDEADBEEF, 3, "Ünïcödé, 日本語 and emoji 🦙")
                .add(0x00000001, "")
                .toByteArray();
    }

    @Test
    void roundTripKeepsKeysFlagsAndTextsInOrder() throws Exception {
        StringTable t = StringTable.decode(NAME, sample());

        assertEquals(3, t.count());
        assertEquals(Fnv.hash32("mymod:trait_name"), t.keyHash(0));
        assertEquals("Loves Llamas", t.text(0));
        assertEquals(0, t.flags(0));
        assertEquals(0xDEADBEEF, t.keyHash(1));
        assertEquals(3, t.flags(1));
        assertEquals("Ünïcödé, 日本語 and emoji 🦙", t.text(1));
        assertEquals("", t.text(2));
        assertEquals(0, t.textBytes(2));
    }

    @Test
    void bytesAreLaidOutAsTheFormatDocSays() throws Exception {
        byte[] b = new StringTableWriter().add(0x11223344, "Hi").toByteArray();
        // STBL, version 5, not compressed, count 1 (u64), reserved, total 3 (2 + 1), then the entry
        String expected = "5354424c" + "0500" + "00" + "0100000000000000" + "0000" + "03000000"
                + "44332211" + "00" + "0200" + "4869";
        assertEquals(expected, HexFormat.of().formatHex(b));
        assertEquals(3, StringTable.decode(NAME, b).declaredStringBytes());
    }

    @Test
    void findReturnsTheFirstEntryOfADuplicatedKeyAndMinusOneWhenAbsent() throws Exception {
        StringTable t = StringTable.decode(NAME, new StringTableWriter()
                .add(7, "first").add(8, "other").add(7, "second").toByteArray());

        assertEquals(0, t.find(7));
        assertEquals("first", t.textOf(7));
        assertEquals(1, t.find(8));
        assertEquals(-1, t.find(9));
        assertNull(t.textOf(9));
    }

    @Test
    void findWorksOnNegativeKeyHashesAndLargeTables() throws Exception {
        StringTableWriter w = new StringTableWriter();
        for (int i = 0; i < 5000; i++) {
            w.add(Fnv.hash32("key" + i), "text " + i);
        }
        StringTable t = StringTable.decode(NAME, w.toByteArray());
        for (int i = 0; i < 5000; i++) {
            assertEquals("text " + i, t.textOf(Fnv.hash32("KEY" + i)), "key" + i);
        }
        assertEquals(-1, t.find(Fnv.hash32("key5000")));
    }

    @Test
    void anEmptyTableDecodes() throws Exception {
        StringTable t = StringTable.decode(NAME, new StringTableWriter().toByteArray());
        assertEquals(0, t.count());
        assertEquals(-1, t.find(0));
    }

    @Test
    void decodesASubrangeAndABufferWithoutMovingIt() throws Exception {
        byte[] stbl = sample();
        byte[] padded = new byte[stbl.length + 10];
        System.arraycopy(stbl, 0, padded, 7, stbl.length);

        assertEquals("Loves Llamas", StringTable.decode(NAME, padded, 7, stbl.length).text(0));

        ByteBuffer buf = ByteBuffer.wrap(padded).order(ByteOrder.BIG_ENDIAN);
        buf.position(7).limit(7 + stbl.length);
        assertEquals(3, StringTable.decode(NAME, buf).count());
        assertEquals(7, buf.position());
        assertEquals(ByteOrder.BIG_ENDIAN, buf.order());

        ByteBuffer direct = ByteBuffer.allocateDirect(stbl.length).put(stbl).flip();
        assertEquals("", StringTable.decode(NAME, direct).text(2));
    }

    @Test
    void theTotalStringBytesFieldIsKeptButNotEnforced() throws Exception {
        byte[] b = sample();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(17, 999);
        StringTable t = StringTable.decode(NAME, b);
        assertEquals(999, t.declaredStringBytes());
        assertEquals(t.actualStringBytes(), StringTable.decode(NAME, sample()).declaredStringBytes());
    }

    @Test
    void bytesAfterTheLastEntryAreIgnored() throws Exception {
        byte[] b = sample();
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 5);
        assertEquals("", StringTable.decode(NAME, longer).text(2));
    }

    @Test
    void malformedUtf8BecomesReplacementCharacters() throws Exception {
        byte[] b = new StringTableWriter().add(1, "ab").toByteArray();
        b[b.length - 1] = (byte) 0xC3; // a lead byte with nothing after it
        assertEquals("a\uFFFD", StringTable.decode(NAME, b).text(0));
    }

    @Test
    void otherVersionsAreRefusedNamingFileOffsetAndVersion() {
        byte[] b = sample();
        b[4] = 4;
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> StringTable.decode(NAME, b));
        assertEquals(NAME, e.file());
        assertEquals(4, e.offset());
        assertTrue(e.reason().contains("version 4"), e.reason());
        assertTrue(e.getMessage().startsWith(NAME + ": offset 4: "), e.getMessage());
    }

    @Test
    void compressedTablesAndBadMagicAreRefused() {
        byte[] compressed = sample();
        compressed[6] = 1;
        assertEquals(6, assertThrows(DbpfFormatException.class, () -> StringTable.decode(NAME, compressed)).offset());

        byte[] magic = sample();
        magic[0] = 'X';
        assertEquals(0, assertThrows(DbpfFormatException.class, () -> StringTable.decode(NAME, magic)).offset());
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1L, Long.MAX_VALUE, 0x1_0000_0001L, Integer.MAX_VALUE, 1000})
    void aCountThatCannotFitIsRefusedBeforeAllocating(long count) {
        byte[] b = sample(); // 3 entries really
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(7, count);
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> StringTable.decode(NAME, b));
        assertEquals(7, e.offset());
        assertTrue(e.reason().contains(Long.toUnsignedString(count)), e.reason());
    }

    @Test
    void aCountThatFitsTheBytesButLiesFailsAtTheFirstEntryThatCannotBeRight() {
        byte[] b = sample(); // 3 entries; the bytes after the header could hold up to 9 entry headers
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(7, 4);
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> StringTable.decode(NAME, b));
        assertTrue(e.reason().startsWith("entry "), e.reason());
        assertTrue(e.offset() > StringTable.HEADER_BYTES, e.getMessage());
    }

    @Test
    void aLengthThatRunsPastTheEndNamesTheEntryAndItsLengthField() throws Exception {
        byte[] b = new StringTableWriter().add(1, "one").add(2, "two").toByteArray();
        int secondEntry = StringTable.HEADER_BYTES + StringTable.ENTRY_HEADER_BYTES + 3;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(secondEntry + 5, (short) 0xFFFF);
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> StringTable.decode(NAME, b));
        assertEquals(secondEntry + 5, e.offset());
        assertTrue(e.reason().startsWith("entry 1 of 2: text length 65535"), e.reason());
    }

    @Test
    void everyTruncationIsRejectedWithAFormatError() {
        HostileInput.everyTruncationIsRejected(b -> StringTable.decode(NAME, b), sample());
    }

    @Test
    void randomMutationsOnlyEverCostAFormatError() {
        long seed = Seeds.seed("StringTableTest.randomMutations");
        mutateManyTimes(seed, 20_000);
    }

    @Test
    void pinnedMutationSeedStillPasses() {
        mutateManyTimes(0x5EED_57B1L, 2_000);
    }

    private static void mutateManyTimes(long seed, int rounds) {
        Random rnd = new Random(seed);
        byte[] valid = sample();
        for (int i = 0; i < rounds; i++) {
            byte[] bad = HostileInput.mutate(valid, rnd);
            HostileInput.decodeOrReject(b -> {
                StringTable t = StringTable.decode(NAME, b);
                for (int k = 0; k < t.count(); k++) {
                    assertNotNull(t.text(k));
                    t.find(t.keyHash(k));
                }
            }, bad, "round " + i + ", " + Seeds.reproduce(seed));
        }
    }

    @Test
    void theWriterRefusesTextsTheFormatCannotHold() {
        String tooLong = "x".repeat(StringTableWriter.MAX_TEXT_BYTES + 1);
        assertThrows(IllegalArgumentException.class, () -> new StringTableWriter().add(1, tooLong));
        assertThrows(IllegalArgumentException.class, () -> new StringTableWriter().add(1, 256, "x"));
        // the largest text that fits round-trips
        String max = "é".repeat(StringTableWriter.MAX_TEXT_BYTES / 2);
        assertEquals(max, assertDoesNotThrow(() -> StringTable.decode(NAME, new StringTableWriter().add(1, max).toByteArray())).text(0));
    }

    @Test
    void entryIndexesOutsideTheTableAreProgrammingErrors() throws Exception {
        StringTable t = StringTable.decode(NAME, sample());
        assertThrows(IndexOutOfBoundsException.class, () -> t.text(3));
        assertThrows(IndexOutOfBoundsException.class, () -> t.keyHash(-1));
    }
}
