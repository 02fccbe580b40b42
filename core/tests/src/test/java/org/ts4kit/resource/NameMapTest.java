package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.testkit.Seeds;

class NameMapTest {
    private static final String NAME = "test.package 0166038C:00000000:0000000000000000";
    private static final String TRAIT = "MyMod:Trait_LovesLlamas";

    private static byte[] sample() {
        return new NameMapWriter()
                .add(Fnv.hash64WithHighBit(TRAIT), TRAIT)
                .add(0x0000_0000_0000_0001L, "Ünïcödé 🦙")
                .add(-1L, "")
                .toByteArray();
    }

    @Test
    void roundTripKeepsInstancesAndNamesInOrder() throws Exception {
        NameMap m = NameMap.decode(NAME, sample());

        assertEquals(3, m.count());
        assertEquals(Fnv.hash64(TRAIT) | Long.MIN_VALUE, m.instance(0));
        assertEquals(TRAIT, m.name(0));
        assertEquals("Ünïcödé 🦙", m.name(1));
        assertEquals(-1L, m.instance(2));
        assertEquals("", m.name(2));
    }

    @Test
    void nameOfLooksUpByInstance() throws Exception {
        NameMap m = NameMap.decode(NAME, sample());

        assertEquals(TRAIT, m.nameOf(Fnv.hash64WithHighBit(TRAIT)));
        assertEquals("", m.nameOf(0xFFFF_FFFF_FFFF_FFFFL));
        assertNull(m.nameOf(2));
        assertEquals(-1, m.find(Fnv.hash64(TRAIT))); // without the high bit it is another instance
    }

    @Test
    void duplicateInstancesResolveToTheFirst() throws Exception {
        NameMap m = NameMap.decode(NAME, new NameMapWriter().add(5, "a").add(6, "b").add(5, "c").toByteArray());
        assertEquals(0, m.find(5));
        assertEquals("a", m.nameOf(5));
    }

    @Test
    void bytesAreLaidOutAsTheFormatDocSays() {
        byte[] b = new NameMapWriter().add(0x0102030405060708L, "ab").toByteArray();
        assertEquals("01000000" + "01000000" + "0807060504030201" + "02000000" + "6162", HexFormat.of().formatHex(b));
    }

    @Test
    void anEmptyMapDecodes() throws Exception {
        NameMap m = NameMap.decode(NAME, new NameMapWriter().toByteArray());
        assertEquals(0, m.count());
        assertNull(m.nameOf(0));
    }

    @Test
    void manyEntriesAllResolve() throws Exception {
        NameMapWriter w = new NameMapWriter();
        for (int i = 0; i < 3000; i++) {
            w.add(i, "name" + i); // sequential instances: the lookup must still spread them
        }
        NameMap m = NameMap.decode(NAME, w.toByteArray());
        for (int i = 0; i < 3000; i++) {
            assertEquals("name" + i, m.nameOf(i));
        }
    }

    @Test
    void decodesASubrangeAndABufferWithoutMovingIt() throws Exception {
        byte[] nmap = sample();
        byte[] padded = new byte[nmap.length + 3];
        System.arraycopy(nmap, 0, padded, 3, nmap.length);
        assertEquals(TRAIT, NameMap.decode(NAME, padded, 3, nmap.length).name(0));

        ByteBuffer buf = ByteBuffer.wrap(padded, 3, nmap.length);
        assertEquals(3, NameMap.decode(NAME, buf).count());
        assertEquals(3, buf.position());
    }

    @Test
    void bytesAfterTheLastEntryAreIgnored() throws Exception {
        assertEquals(3, NameMap.decode(NAME, Arrays.copyOf(sample(), sample().length + 9)).count());
    }

    @Test
    void otherVersionsAreRefused() {
        byte[] b = sample();
        b[0] = 2;
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> NameMap.decode(NAME, b));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().startsWith(NAME + ": offset 0: name map version 2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x10000, 100})
    void aCountThatCannotFitIsRefusedBeforeAllocating(int count) {
        byte[] b = sample();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, count);
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> NameMap.decode(NAME, b));
        assertEquals(4, e.offset());
        assertTrue(e.reason().contains(Integer.toUnsignedString(count)), e.reason());
    }

    @Test
    void aNameLengthThatRunsPastTheEndNamesTheEntry() {
        byte[] b = sample();
        int lengthField = NameMap.HEADER_BYTES + 8;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(lengthField, 0xFFFF_FFF0);
        DbpfFormatException e = assertThrows(DbpfFormatException.class, () -> NameMap.decode(NAME, b));
        assertEquals(lengthField, e.offset());
        assertTrue(e.reason().startsWith("entry 0 of 3: name length 4294967280"), e.reason());
    }

    @Test
    void everyTruncationIsRejectedWithAFormatError() {
        HostileInput.everyTruncationIsRejected(b -> NameMap.decode(NAME, b), sample());
    }

    @Test
    void randomMutationsOnlyEverCostAFormatError() {
        long seed = Seeds.seed("NameMapTest.randomMutations");
        mutateManyTimes(seed, 20_000);
    }

    @Test
    void pinnedMutationSeedStillPasses() {
        mutateManyTimes(0x5EED_0A3EL, 2_000);
    }

    private static void mutateManyTimes(long seed, int rounds) {
        Random rnd = new Random(seed);
        byte[] valid = sample();
        for (int i = 0; i < rounds; i++) {
            HostileInput.decodeOrReject(b -> {
                NameMap m = NameMap.decode(NAME, b);
                for (int k = 0; k < m.count(); k++) {
                    assertEquals(m.name(m.find(m.instance(k))), m.nameOf(m.instance(k)));
                }
            }, HostileInput.mutate(valid, rnd), "round " + i + ", " + Seeds.reproduce(seed));
        }
    }
}
