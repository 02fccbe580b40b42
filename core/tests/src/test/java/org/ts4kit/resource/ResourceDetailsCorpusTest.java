package org.ts4kit.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.testkit.RealSamples;
import org.ts4kit.testkit.Seeds;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * Details of every resource of whole packages, as a scan's callback would compute them: on the
 * generator's corpus (whose names and sizes are known by construction) and on the real samples.
 */
class ResourceDetailsCorpusTest {
    static final int CAS_THUMBNAIL = 0x3C1AF1F2;

    @TempDir
    Path dir;

    /** What a whole-package pass found. */
    static final class Tally {
        int tuningNamed;
        int namedByMap;
        int sized;
        int jpegs;
    }

    @Test
    void generatedPackagesNameTheirTuningImagesAndCasPartsAndSizeTheirImages() throws IOException {
        Seeds.Seed seed = Seeds.of(getClass(), "generatedPackagesNameTheirTuningImagesAndCasPartsAndSizeTheirImages");
        CorpusGenerator.generate(dir, 14, seed.value, 0);
        Tally tally = new Tally();
        List<Path> packages = packages(dir.resolve("Mods"), p -> !p.toString().contains("Broken"));
        Seeds.check(seed.value, () -> {
            for (Path file : packages) {
                String mod = file.getFileName().toString().replaceFirst("( \\(copy\\))?\\.(?i:package)$", "");
                try (DbpfPackage pkg = DbpfPackage.open(file)) {
                    checkGenerated(pkg, mod, tally);
                }
            }
        });
        System.out.println("generated: " + packages.size() + " packages, " + tally.tuningNamed + " tuning named by n=, "
                + tally.namedByMap + " resources by the name map, " + tally.sized + " images sized (" + tally.jpegs + " JPEG)");
        assertTrue(tally.tuningNamed > 0 && tally.namedByMap > 0 && tally.sized > 0 && tally.jpegs > 0, "a corpus without details?");
    }

    private static void checkGenerated(DbpfPackage pkg, String mod, Tally tally) throws DbpfFormatException {
        DbpfIndex index = pkg.index();
        ResourceReader reader = pkg.reader(new ResourceBuffer());
        PackageNames names = PackageNames.load(pkg, reader);
        assertEquals(1, names.mapCount(), pkg.name());
        NameMap oracle = NameMap.decode("oracle", pkg.read(index.entriesOfType(NameMap.TYPE)[0]));
        for (int i = 0; i < index.size(); i++) {
            if (index.isDeleted(i)) {
                continue;
            }
            int type = index.type(i);
            long instance = index.instance(i);
            ByteBuffer bytes = ResourceDetails.readsBytes(type) ? reader.read(i) : null;
            ResourceDetails d = ResourceDetails.of(type, instance, bytes, names);
            String what = pkg.name() + " " + index.key(i) + ": " + d;
            TuningHeader header = ResourceTypes.isTuning(type) ? TuningHeader.sniff(bytes) : null;
            if (header != null) {
                assertEquals(header.name(), d.name(), what); // generated tuning always has n=
                tally.tuningNamed++;
            } else {
                assertEquals(oracle.nameOf(instance), d.name(), what);
                tally.namedByMap += d.hasName() ? 1 : 0;
            }
            String hex = Long.toHexString(instance & 0xFFFF);
            switch (type) {
                case ResourceTypes.DST_IMAGE:
                    assertEquals(mod + "_texture_" + hex, d.name(), what);
                    assertTrue(d.width() >= 32 && d.width() == d.height(), what);
                    break;
                case ResourceTypes.PNG_IMAGE:
                    assertEquals(mod + "_icon_" + hex, d.name(), what);
                    assertTrue(d.width() >= 64 && d.width() == 2 * d.height(), what);
                    break;
                case ResourceTypes.CAS_PART:
                    assertEquals(mod + "_caspart_" + hex, d.name(), what);
                    break;
                case ResourceTypes.RLE2_IMAGE:
                    assertTrue(d.width() >= 32 && d.width() == d.height(), what);
                    break;
                case CAS_THUMBNAIL:
                    assertEquals(104 + "x" + 148, d.width() + "x" + d.height(), what);
                    assertEquals(mod + "_caspart_" + hex, d.name(), "a thumbnail shares its CAS part's instance: " + what);
                    tally.jpegs++;
                    break;
                default:
                    assertTrue(!d.hasSize(), what);
            }
            tally.sized += d.hasSize() ? 1 : 0;
        }
    }

    @Test
    void realSamplesHaveNamedTuningSizedImagesAndNamesFromTheirMaps() throws IOException {
        Path folder = RealSamples.folder();
        Assumptions.assumeTrue(folder != null, "shared/real-sample not found (set -Dts4kit.realSamples=DIR)");
        Tally tally = new Tally();
        for (Path file : packages(folder, p -> true)) {
            DbpfPackage pkg;
            try {
                pkg = DbpfPackage.open(file);
            } catch (DbpfFormatException e) {
                continue; // 003 is broken on purpose: its index lies past the end
            }
            try (pkg) {
                checkReal(pkg, tally);
            }
        }
        System.out.println("real samples: " + tally.tuningNamed + " tuning named by n=, " + tally.namedByMap
                + " resources named by a name map, " + tally.sized + " images sized");
        assertTrue(tally.tuningNamed >= 200, "the samples hold over 200 tuning files");
        assertTrue(tally.namedByMap >= 10, "052's name map names its string tables");
        assertTrue(tally.sized >= 40, "the samples hold 20 DST images and 23 JPEG textures");
    }

    private static void checkReal(DbpfPackage pkg, Tally tally) throws DbpfFormatException {
        DbpfIndex index = pkg.index();
        ResourceReader reader = pkg.reader(new ResourceBuffer());
        PackageNames names = PackageNames.load(pkg, reader);
        for (int i = 0; i < index.size(); i++) {
            int type = index.type(i);
            if (index.isDeleted(i)) {
                continue;
            }
            ByteBuffer bytes = ResourceDetails.readsBytes(type) ? reader.read(i) : null;
            ResourceDetails d = ResourceDetails.of(type, index.instance(i), bytes, names);
            String what = pkg.name() + " " + index.key(i) + ": " + d;
            TuningHeader header = ResourceTypes.isTuning(type) ? TuningHeader.sniff(bytes) : null;
            if (header != null && header.name() != null) {
                assertEquals(header.name(), d.name(), what);
                tally.tuningNamed++;
            } else if (ResourceTypes.isTuning(type) && type != ResourceTypes.XML && type != ResourceTypes.COMBINED_TUNING) {
                assertNotNull(header, "every real tuning file has a root: " + what);
            } else if (d.hasName()) {
                assertEquals(names.nameOf(index.instance(i)), d.name(), what);
                tally.namedByMap++;
            }
            if (type == ResourceTypes.DST_IMAGE || type == 0xE88DB35F) {
                assertTrue(d.hasSize() && d.width() > 0 && d.height() > 0, what);
                tally.sized++;
            } else if (!ResourceDetails.isImage(type)) {
                assertEquals(-1, d.width(), what);
            }
        }
        if (names.mapCount() == 0) {
            assertNull(names.nameOf(0));
        }
    }

    private static List<Path> packages(Path root, Predicate<Path> keep) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".package"))
                    .filter(keep).sorted().toList();
        }
    }
}
