package org.ts4kit.testkit.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.ScanOptions;

/** The demo corpus: reproducible by seed, and every file is what its manifest says it is. */
class CorpusGeneratorTest {
    @Test
    void sameSeedSameBytes(@TempDir Path dir) throws Exception {
        CorpusGenerator.generate(dir.resolve("a"), 30, 42, 0);
        CorpusGenerator.generate(dir.resolve("b"), 30, 42, 0);
        CorpusGenerator.generate(dir.resolve("c"), 30, 43, 0);
        Map<String, byte[]> a = contents(dir.resolve("a"));
        Map<String, byte[]> b = contents(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
        Map<String, byte[]> c = contents(dir.resolve("c"));
        assertFalse(java.util.Arrays.equals(a.get("ts4kit-corpus.tsv"), c.get("ts4kit-corpus.tsv"))
                && a.keySet().stream().allMatch(n -> java.util.Arrays.equals(a.get(n), c.get(n))), "another seed, another corpus");
    }

    @Test
    void everyFileIsWhatTheManifestSays(@TempDir Path dir) throws Exception {
        List<String> manifest = CorpusGenerator.generate(dir, 60, 7, 0);
        Map<String, String> status = new TreeMap<>();
        for (String line : manifest) {
            String[] f = line.split("\t");
            if (f[1].equals("package")) {
                status.put(f[0], f[2]);
            }
        }
        Set<BrokenKind> kinds = EnumSet.noneOf(BrokenKind.class);
        status.values().stream().filter(s -> s.startsWith("broken "))
                .forEach(s -> kinds.add(BrokenKind.valueOf(s.substring(7).toUpperCase(Locale.ROOT))));
        assertEquals(EnumSet.allOf(BrokenKind.class), kinds, "60 packages include every kind of broken file");
        assertTrue(status.values().stream().anyMatch(s -> s.contains("stored")), "a stored package in a zip");
        assertTrue(status.values().stream().anyMatch(s -> s.contains("deflated")), "a deflated package in a zip");

        Listing listing = InputWalker.list(List.of(dir));
        assertEquals(status.keySet(), listing.packages().stream().map(p -> p.name()).collect(Collectors.toSet()),
                "the walker finds exactly the packages the manifest lists");
        Map<String, Boolean> broken = new java.util.concurrent.ConcurrentHashMap<>();
        CollectionScan scan = CollectionScan.run(listing, 2, new PackageScanner(ScanOptions.KEYS, ReadOptions.defaults()),
                pkg -> broken.put(pkg.name(), pkg.isBroken()));
        assertEquals(status.keySet(), broken.keySet(), "the scan walks every listed package once");
        for (Map.Entry<String, Boolean> e : broken.entrySet()) {
            assertEquals(status.get(e.getKey()).startsWith("broken"), e.getValue(), e.getKey());
        }
        assertTrue(scan.conflicts().stream().anyMatch(c -> c.identical()), "some shared keys hold equal bytes");
        assertTrue(scan.conflicts().stream().anyMatch(c -> !c.identical()), "some shared keys hold different bytes");
    }

    @Test
    void bigPackageIsAboutTheRequestedSize(@TempDir Path dir) throws Exception {
        CorpusGenerator.generate(dir, 0, 1, 3);
        long size = Files.size(dir.resolve("Big/big_3mb.package"));
        assertTrue(size > 3L << 20 && size < 5L << 20, "size " + size);
    }

    private static Map<String, byte[]> contents(Path root) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
