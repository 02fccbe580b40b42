package org.ts4kit.io.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.testkit.Seeds;
import org.ts4kit.testkit.RawZip;
import org.ts4kit.testkit.ZipFixtures;

/**
 * Archives read in place from mapped files. Windows of 8 bytes to 4 KiB make every header,
 * name, ZIP64 field and data run cross window boundaries somewhere.
 */
class MappedZipTest {
    @TempDir
    Path dir;

    private final Random random = new Random(7);

    @ParameterizedTest(name = "window 2^{0}")
    @ValueSource(ints = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void readsEveryEntryThroughTinyWindows(int windowShift) throws Exception {
        ZipFixtures.Contents contents = ZipFixtures.modArchive(random)
                .stored("big/stored.package", ZipFixtures.fakePackage(random, 20_000))
                .deflated("big/deflated.package", ZipFixtures.randomBytes(random, 20_000));
        Path file = Files.write(dir.resolve("mods.zip"), contents.write());
        try (ZipArchive zip = ZipArchive.open(ByteSources.map(file, windowShift))) {
            assertEquals(contents.data.size(), zip.size());
            assertEquals("made for ts4kit tests ✓", zip.comment());
            for (ZipEntryInfo e : zip.entries()) {
                assertArrayEquals(contents.data.get(e.name()), ZipArchiveTest.bytes(zip.data(e)), e.name());
            }
        }
    }

    @ParameterizedTest(name = "window 2^{0}")
    @ValueSource(ints = {3, 5, 8, 12})
    void readsHandWrittenZip64ThroughTinyWindows(int windowShift) throws Exception {
        byte[] pkg = ZipFixtures.fakePackage(random, 3000);
        RawZip raw = new RawZip().zip64End().comment("zip64")
                .add(RawZip.stored("a.package", pkg).zip64())
                .add(RawZip.deflated("b.package", pkg).zip64());
        Path file = Files.write(dir.resolve("zip64.zip"), raw.build());
        try (ZipArchive zip = ZipArchive.open(ByteSources.map(file, windowShift))) {
            assertTrue(zip.isZip64());
            for (ZipEntryInfo e : zip.entries()) {
                assertArrayEquals(pkg, ZipArchiveTest.bytes(zip.data(e)), e.name());
            }
        }
    }

    @Test
    void aStoredEntryIsAViewOfTheMapping() throws Exception {
        Path file = Files.write(dir.resolve("mods.zip"), ZipFixtures.modArchive(random).write());
        try (ZipArchive zip = ZipArchive.open(file)) {
            ByteBuffer stored = zip.data(zip.find("Mods/Hair/long_hair.package").orElseThrow());
            assertTrue(stored.isDirect(), "no copy: the bytes stay in the mapped file");
        }
    }

    @Test
    void openingAPathThatIsNotAZipNamesTheFile() throws Exception {
        Path file = Files.write(dir.resolve("readme.txt"), "not a zip".getBytes());
        ZipFormatException e = assertThrows(ZipFormatException.class, () -> ZipArchive.open(file));
        assertEquals(file.toString(), e.file());
    }

    @Test
    void damagedArchivesFailCleanlyThroughTinyWindowsToo() throws Exception {
        Seeds.Seed seed = Seeds.of(getClass(), "damagedArchivesFailCleanlyThroughTinyWindowsToo");
        byte[] archive = ZipFixtures.contents()
                .stored("a.package", ZipFixtures.fakePackage(seed.random, 100))
                .deflated("b.package", ZipFixtures.fakePackage(seed.random, 300))
                .write();
        for (int round = 0; round < 300 * Seeds.multiplier(); round++) {
            byte[] damaged = archive.clone();
            int pos = seed.random.nextInt(damaged.length);
            damaged[pos] = (byte) seed.random.nextInt(256);
            Path file = Files.write(dir.resolve("damaged-" + round + ".zip"), damaged); // a file per round: Windows cannot overwrite a mapped file
            int shift = 3 + seed.random.nextInt(10);
            try (ByteSource src = ByteSources.map(file, shift)) {
                ZipFuzzTest.readAll(src, seed + ": round " + round + ", byte " + pos + ", window 2^" + shift);
            } catch (ZipFormatException expected) {
                // the damage was noticed; readAll has already failed the test on any other exception
            }
        }
    }
}
