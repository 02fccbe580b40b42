package org.ts4kit.io.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.testkit.RawZip;
import org.ts4kit.testkit.ZipFixtures;

/** Reading archives that {@link java.util.zip.ZipOutputStream} wrote, the way a mod scanner would. */
class ZipArchiveTest {
    private final Random random = new Random(42);

    @Test
    void listsEveryEntryInOrderWithWhatTheCentralDirectoryDeclares() throws Exception {
        ZipFixtures.Contents contents = ZipFixtures.modArchive(random);
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", contents.write()))) {
            List<String> names = new ArrayList<>();
            for (ZipEntryInfo e : zip.entries()) {
                names.add(e.name());
                byte[] expected = contents.data.get(e.name());
                assertEquals(expected.length, e.size(), e.name());
                assertEquals(ZipFixtures.crc(expected), e.crc(), e.name());
                int method = contents.stored.get(e.name()) ? ZipEntryInfo.STORED : ZipEntryInfo.DEFLATED;
                assertEquals(method, e.method(), e.name());
                assertFalse(e.isEncrypted());
            }
            assertEquals(new ArrayList<>(contents.data.keySet()), names);
            assertEquals("mods.zip", zip.name());
            assertEquals(0, zip.prefixLength());
            assertFalse(zip.isZip64());
        }
    }

    @Test
    void readsStoredAndDeflatedEntriesBackByteForByte() throws Exception {
        ZipFixtures.Contents contents = ZipFixtures.modArchive(random);
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", contents.write()))) {
            for (ZipEntryInfo e : zip.entries()) {
                assertArrayEquals(contents.data.get(e.name()), bytes(zip.data(e)), e.name());
            }
        }
    }

    @Test
    void pooledMembersReadTheSameAndGiveTheirArraysBackOnClose() throws Exception {
        ZipFixtures.Contents contents = ZipFixtures.modArchive(random);
        BufferPool pool = new BufferPool(4, 64 << 20);
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", contents.write()))) {
            for (int round = 0; round < 3; round++) {
                for (ZipEntryInfo e : zip.entries()) {
                    ByteSource member = zip.open(e, "mods.zip!/" + e.name(), pool);
                    byte[] read = new byte[(int) member.length()];
                    member.get(0, read, 0, read.length);
                    assertArrayEquals(contents.data.get(e.name()), read, e.name());
                    member.close();
                    member.close(); // idempotent: the array goes back once
                    assertThrows(IllegalStateException.class, () -> member.getByte(0));
                }
            }
        }
        assertTrue(pool.hits() > 0, "later rounds reuse the arrays of earlier ones");
        assertTrue(pool.idleBytes() <= 64 << 20);
    }

    @Test
    void storedEntriesAreViewsOfTheSourceNotCopies() throws Exception {
        byte[] archive = ZipFixtures.modArchive(random).write();
        ByteBuffer direct = ByteBuffer.allocateDirect(archive.length).put(archive).flip();
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", direct))) {
            ByteBuffer stored = zip.data(zip.find("Mods/Hair/long_hair.package").orElseThrow());
            assertTrue(stored.isDirect() && stored.isReadOnly(), "a view of the direct buffer");
            ByteBuffer inflated = zip.data(zip.find("Mods/Hair/short_hair.PACKAGE").orElseThrow());
            assertTrue(inflated.hasArray() && inflated.array().length == 5000, "a new array of exactly the size");
        }
    }

    @Test
    void directoriesAndEmptyFilesHaveNoBytes() throws Exception {
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", ZipFixtures.modArchive(random).write()))) {
            ZipEntryInfo hair = zip.find("Mods/Hair/").orElseThrow();
            assertTrue(hair.isDirectory());
            assertFalse(zip.find("Mods/Hair/long_hair.package").orElseThrow().isDirectory());
            for (String name : new String[] {"Mods/", "Mods/Hair/", "empty-stored.txt", "empty-deflated.txt"}) {
                assertEquals(0, zip.data(zip.find(name).orElseThrow()).remaining(), name);
            }
        }
    }

    @Test
    void namesAndTheCommentAreUtf8() throws Exception {
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", ZipFixtures.modArchive(random).write()))) {
            ZipEntryInfo e = zip.find("Mods/Café ☕/ñandú.package").orElseThrow();
            assertTrue((e.flags() & ZipEntryInfo.FLAG_UTF8) != 0);
            assertEquals("made for ts4kit tests ✓", zip.comment());
        }
    }

    @Test
    void namesWithoutTheUtf8FlagReadAsUtf8WhenValidElseAsLatin1() throws Exception {
        byte[] latin1 = ZipFixtures.contents().charset(StandardCharsets.ISO_8859_1)
                .stored("Café.package", new byte[] {1}).write();
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("latin1.zip", latin1))) {
            ZipEntryInfo e = zip.entries().get(0);
            assertEquals(0, e.flags() & ZipEntryInfo.FLAG_UTF8);
            assertEquals("Café.package", e.name());
        }
        RawZip raw = new RawZip().add(RawZip.stored("ñandú.package", new byte[] {2}).flags(0));
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("7zip.zip", raw.build()))) {
            assertEquals("ñandú.package", zip.entries().get(0).name());
        }
    }

    @Test
    void anEmptyArchiveHasNoEntries() throws Exception {
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("empty.zip", ZipFixtures.contents().write()))) {
            assertEquals(0, zip.size());
            assertEquals("", zip.comment());
        }
    }

    @Test
    void findReturnsTheFirstOfRepeatedNames() throws Exception {
        RawZip raw = new RawZip().add(RawZip.stored("a.package", new byte[] {1})).add(RawZip.stored("a.package", new byte[] {2}));
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("twice.zip", raw.build()))) {
            assertEquals(2, zip.size());
            assertEquals(1, zip.data(zip.find("a.package").orElseThrow()).get(0));
            assertTrue(zip.find("A.package").isEmpty(), "names are compared exactly");
        }
    }

    @Test
    void aSelfExtractorStubBeforeTheArchiveIsSkipped() throws Exception {
        ZipFixtures.Contents contents = ZipFixtures.modArchive(random);
        byte[] zipBytes = contents.write();
        byte[] stub = "MZ this program cannot be run in DOS mode".repeat(10).getBytes(StandardCharsets.US_ASCII);
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("setup.exe", concat(stub, zipBytes)))) {
            assertEquals(stub.length, zip.prefixLength());
            for (ZipEntryInfo e : zip.entries()) {
                assertArrayEquals(contents.data.get(e.name()), bytes(zip.data(e)), e.name());
            }
        }
    }

    @Test
    void bytesAppendedAfterTheArchiveAreTolerated() throws Exception {
        ZipFixtures.Contents contents = ZipFixtures.contents().deflated("a.package", ZipFixtures.fakePackage(random, 400));
        byte[] padded = concat(contents.write(), new byte[100]);
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("padded.zip", padded))) {
            assertArrayEquals(contents.data.get("a.package"), bytes(zip.data(zip.entries().get(0))));
        }
    }

    @Test
    void aPackageInsideAnArchiveOpensWithErrorsNamingBoth() throws Exception {
        ResourceKey key = ResourceKey.of(0x220557DA, 0, 0x8000_0000_0000_1234L);
        byte[] pkg;
        try (DbpfWriter w = DbpfWriter.inMemory()) {
            w.add(key, "hello".getBytes(StandardCharsets.UTF_8), 0);
            pkg = w.toByteArray();
        }
        byte[] archive = ZipFixtures.contents().deflated("Mods/strings.package", pkg).write();
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", archive))) {
            ByteSource inner = zip.open(zip.find("Mods/strings.package").orElseThrow());
            assertEquals("mods.zip!/Mods/strings.package", inner.name());
            try (DbpfPackage p = DbpfPackage.open(inner)) {
                assertEquals(1, p.entryCount());
                assertEquals("hello", new String(p.read(0), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void entriesOfAnotherArchiveAreRefused() throws Exception {
        byte[] archive = ZipFixtures.contents().stored("a", new byte[] {1}).write();
        try (ZipArchive one = ZipArchive.open(ByteSources.wrap("one.zip", archive));
                ZipArchive two = ZipArchive.open(ByteSources.wrap("two.zip", archive))) {
            assertThrows(IllegalArgumentException.class, () -> two.data(one.entries().get(0)));
        }
    }

    @Test
    void aDeflatedEntryOverTheCapIsRefusedBeforeInflating() throws Exception {
        byte[] archive = ZipFixtures.contents().deflated("big.package", new byte[5000]).stored("stored.package", new byte[5000]).write();
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("mods.zip", archive), 4096)) {
            ZipFormatException e = assertThrows(ZipFormatException.class, () -> zip.data(zip.entries().get(0)));
            assertEquals("mods.zip!/big.package", e.file());
            assertEquals("entry 'big.package': declared size 5000 exceeds the cap of 4096 bytes (-Dts4kit.maxResourceBytes)", e.reason());
            assertEquals(5000, zip.data(zip.entries().get(1)).remaining(), "stored entries are views and need no cap");
        }
    }

    @Test
    void reportsWhichEntriesAreSafeToExtract() {
        Map<String, Boolean> cases = Map.ofEntries(
                Map.entry("Mods/hair.package", true), Map.entry("Mods/", true), Map.entry(".hidden/x", true),
                Map.entry("Mods/Café ☕/ñandú.package", true), Map.entry("a..b/c", true),
                Map.entry("", false), Map.entry("/etc/passwd", false), Map.entry("../evil", false),
                Map.entry("Mods/../../evil", false), Map.entry("Mods/..", false), Map.entry("./a", false),
                Map.entry("a//b", false), Map.entry("//server/share", false), Map.entry("..\\evil", false),
                Map.entry("Mods\\hair.package", false), Map.entry("C:/Windows/x", false), Map.entry("C:x", false),
                Map.entry("a.txt:stream", false), Map.entry("...", false), Map.entry("a /b", false),
                Map.entry("dir./b", false), Map.entry("CON", false), Map.entry("Mods/nul.txt", false),
                Map.entry("com1.package", false), Map.entry("console.package", true), Map.entry("a\u0000b", false),
                Map.entry("line\nbreak", false));
        cases.forEach((name, safe) -> assertEquals(safe, ZipArchive.isSafeName(name), name));
        assertFalse(ZipArchive.isSafeName(null));
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
