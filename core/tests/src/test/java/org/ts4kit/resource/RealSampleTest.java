package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.testkit.RealSamples;

/**
 * Decodes every string table, name map, tuning file and image in the packages under
 * {@code shared/real-sample/} (other people's files, read in place and never copied into the
 * repository), found by {@link RealSamples#folder()}. Skips, with a message, where that folder is
 * absent. Set {@code -Dts4kit.realSamples=DIR} to point elsewhere.
 */
class RealSampleTest {
    private static final String CORRUPT = "003_sims4toolkit_Corrupt.package";
    private static Path dir;

    @BeforeAll
    static void findSamples() {
        dir = RealSamples.folder();
        if (dir == null) {
            System.out.println("RealSampleTest: " + RealSamples.absent() + ": skipping the real-file checks");
        }
    }

    @BeforeEach
    void skipWithoutSamples() {
        // per test rather than in @BeforeAll, so each check is reported as skipped, not silently absent
        Assumptions.assumeTrue(dir != null, RealSamples.absent());
    }

    private static List<Path> packages() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".package")).sorted().forEach(out::add);
            return out;
        }
    }

    private static String label(DbpfPackage pkg, int i) {
        return pkg.name() + " " + pkg.index().key(i);
    }

    @Test
    void everyStringTableAndNameMapDecodes() throws IOException {
        int tables = 0;
        int strings = 0;
        int maps = 0;
        for (Path file : packages()) {
            if (file.getFileName().toString().equals(CORRUPT)) {
                continue; // its index lies past the end: see theCorruptSampleIsRefusedAtOpen
            }
            try (DbpfPackage pkg = DbpfPackage.open(file)) {
                DbpfIndex index = pkg.index();
                for (int i = 0; i < pkg.entryCount(); i++) {
                    if (index.isDeleted(i)) {
                        continue;
                    }
                    if (index.type(i) == StringTable.TYPE) {
                        StringTable t = StringTable.decode(label(pkg, i), pkg.read(i));
                        // every table seen so far has a correct "total string bytes" field: the
                        // evidence for reading it as the sum of (length + 1)
                        assertEquals(t.declaredStringBytes(), t.actualStringBytes(), label(pkg, i));
                        for (int k = 0; k < t.count(); k++) {
                            // real tables do repeat keys (019 does); find answers the first
                            assertEquals(firstWithKey(t, t.keyHash(k)), t.find(t.keyHash(k)), label(pkg, i));
                            assertNotNull(t.text(k));
                        }
                        tables++;
                        strings += t.count();
                    } else if (index.type(i) == NameMap.TYPE) {
                        NameMap m = NameMap.decode(label(pkg, i), pkg.read(i));
                        assertTrue(m.count() > 0, label(pkg, i));
                        for (int k = 0; k < m.count(); k++) {
                            assertTrue(!m.name(k).isEmpty(), label(pkg, i) + " entry " + k);
                        }
                        maps++;
                    }
                }
            }
        }
        System.out.println("real samples: " + tables + " string tables (" + strings + " strings), " + maps + " name maps");
        assertTrue(tables > 0, "no string tables in " + dir);
        assertTrue(maps > 0, "no name maps in " + dir);
    }

    private static int firstWithKey(StringTable t, int key) {
        for (int k = 0; k < t.count(); k++) {
            if (t.keyHash(k) == key) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void everyTuningFileHasARootWithANameAndAnInstance() throws IOException {
        int tuning = 0;
        int nameHashes = 0;
        List<String> keyMismatches = new ArrayList<>();
        for (Path file : packages()) {
            if (file.getFileName().toString().equals(CORRUPT)) {
                continue;
            }
            try (DbpfPackage pkg = DbpfPackage.open(file)) {
                DbpfIndex index = pkg.index();
                for (int i = 0; i < pkg.entryCount(); i++) {
                    int type = index.type(i);
                    if (index.isDeleted(i) || !ResourceTypes.isTuning(type)) {
                        continue;
                    }
                    byte[] data = pkg.read(i);
                    TuningHeader h = TuningHeader.sniff(data);
                    if (type == ResourceTypes.XML || type == ResourceTypes.COMBINED_TUNING) {
                        continue; // may hold anything (017's generic XML resource is lorem ipsum)
                    }
                    assertNotNull(h, label(pkg, i) + " is a tuning type but its root was not found");
                    assertTrue(h.hasInstance(), label(pkg, i) + ": " + h);
                    if (index.instance(i) != h.instance()) {
                        // happens in released mods (019 has one), so it is data to report, not a decoding error
                        keyMismatches.add(label(pkg, i) + " says s=" + Long.toUnsignedString(h.instance()));
                    }
                    assertNotNull(h.name(), label(pkg, i));
                    if ((Fnv.hash64(h.name()) & Long.MAX_VALUE) == (h.instance() & Long.MAX_VALUE)) {
                        nameHashes++;
                    }
                    tuning++;
                }
            }
        }
        System.out.println("real samples: " + tuning + " tuning files, " + nameHashes + " with instance = FNV-1 64 of n (bit 63 aside), "
                + keyMismatches.size() + " whose s= differs from their key " + keyMismatches);
        assertTrue(tuning > 0, "no tuning in " + dir);
        assertTrue(keyMismatches.size() * 10 < tuning, "most tuning should carry its own instance: " + keyMismatches);
    }

    @Test
    void imagesAreRecognisedWithTheirSizes() throws IOException {
        int images = 0;
        for (Path file : packages()) {
            if (file.getFileName().toString().equals(CORRUPT)) {
                continue;
            }
            try (DbpfPackage pkg = DbpfPackage.open(file)) {
                DbpfIndex index = pkg.index();
                for (int i = 0; i < pkg.entryCount(); i++) {
                    int type = index.type(i);
                    boolean dst = type == ResourceTypes.DST_IMAGE;
                    boolean thumbnail = type == 0xE88DB35F; // save-game custom texture: JPEG
                    if (index.isDeleted(i) || !(dst || thumbnail)) {
                        continue;
                    }
                    ImageInfo info = ImageInfo.sniff(pkg.read(i));
                    if (dst) {
                        assertTrue(info.format() == ImageFormat.DST || info.format() == ImageFormat.DDS, label(pkg, i) + ": " + info);
                    } else {
                        assertEquals(ImageFormat.JPEG, info.format(), label(pkg, i));
                    }
                    assertTrue(info.hasSize() && info.width() > 0 && info.height() > 0, label(pkg, i) + ": " + info);
                    images++;
                }
            }
        }
        System.out.println("real samples: " + images + " images sniffed");
        assertTrue(images > 0);
    }

    @Test
    void theCorruptSampleIsRefusedAtOpen() {
        Path corrupt = dir.resolve(CORRUPT);
        Assumptions.assumeTrue(Files.exists(corrupt), CORRUPT + " not in the sample");
        try (DbpfPackage pkg = DbpfPackage.open(corrupt)) {
            fail("opened " + CORRUPT + " with " + pkg.entryCount() + " entries; its index lies past the end");
        } catch (DbpfFormatException expected) {
            assertNotEquals(0, expected.getMessage().length());
        } catch (IOException e) {
            fail(e);
        }
    }
}
