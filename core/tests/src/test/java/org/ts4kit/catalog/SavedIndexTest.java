package org.ts4kit.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.Problem;
import org.ts4kit.search.QueryParser;
import org.ts4kit.search.SearchIndex;
import org.ts4kit.telemetry.ProgressListener;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/** A saved index answers as a full read of the same files would, and rescans read only what changed. */
class SavedIndexTest {
    @TempDir
    Path dir;
    Path corpus;
    Path file;
    List<Path> roots;
    String identity;

    @BeforeEach
    void corpus() throws IOException {
        corpus = dir.resolve("corpus");
        CorpusGenerator.generate(corpus, 30, 7, 0);
        file = dir.resolve("saved.ts4idx");
        roots = List.of(corpus);
        identity = Catalog.identity(roots, ReadOptions.defaults());
    }

    private Rescan.Result rescan(Catalog previous) throws InterruptedException {
        return Rescan.run(previous, identity, InputWalker.list(roots).packages(), 2, ProgressListener.NONE);
    }

    @Test
    void aSavedIndexAnswersLikeAFullScan() throws Exception {
        rescan(null).catalog().save(file);
        Catalog loaded = Catalog.load(file, identity);
        Listing listing = InputWalker.list(roots);
        CollectionScan scan = CollectionScan.run(listing, 2);
        assertEquals(describe(scan.conflicts()), describe(loaded.conflicts()));
        List<Problem> problems = new ArrayList<>(listing.problems());
        loaded.records().forEach(r -> problems.addAll(r.problems()));
        assertEquals(scan.problems().toString(), problems.toString());
        assertEquals(scan.brokenCount(), listing.problems().size() + loaded.brokenCount());
        SearchIndex fresh = SearchIndex.build(rescan(null).catalog().docs());
        SearchIndex saved = SearchIndex.build(loaded.docs());
        for (String q : List.of("type:StringTable", "name:mod1*", "-type:0333406C pkg:broken", "text:the OR group:80000000")) {
            assertEquals(fresh.match(QueryParser.parse(q)), saved.match(QueryParser.parse(q)), q);
        }
    }

    @Test
    void aRescanReadsOnlyAddedAndChangedPackagesAndDropsRemovedOnes() throws Exception {
        Catalog first = rescan(null).catalog();
        assertEquals(0, rescan(first).read(), "nothing changed");
        List<Path> packages;
        try (var files = Files.walk(corpus)) {
            packages = files.filter(p -> p.toString().endsWith(".package")).sorted().collect(Collectors.toList());
        }
        Path changed = packages.get(0);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 2000));
        Files.delete(packages.get(1));
        Files.copy(packages.get(2), corpus.resolve("added.package"));
        Rescan.Result r = rescan(first);
        assertEquals(2, r.read(), "the changed and the added package");
        assertEquals(1, r.removed());
        assertEquals(first.records().size() - 2, r.kept(), "every other package kept");
        assertTrue(r.changed());
        // what was kept and what was read again agree with reading everything now
        assertEquals(describe(rescan(null).catalog().conflicts()), describe(r.catalog().conflicts()));
    }

    private static String describe(List<org.ts4kit.scan.Conflict> conflicts) {
        return conflicts.stream().map(c -> c.key() + " " + c.packages() + " " + c.identical()).collect(Collectors.joining("\n"));
    }

    /** Damage inside a record's body (behind the directory's checksum) is found by the body's own CRC, when first used. */
    @Test
    void aDamagedBodyIsRefusedWhenItsResourcesAreFirstUsed() throws Exception {
        rescan(null).catalog().save(file);
        byte[] bytes = Files.readAllBytes(file);
        // a tuning name (Creator_Mod12_3): only record bodies hold one, headers have Creator_Mod12.package
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("Mod[0-9]+_[0-9]")
                .matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(name.find(), "the demo corpus's names are in the index");
        bytes[name.start()] = (byte) 0xFF;
        Files.write(file, bytes);
        try (Catalog loaded = Catalog.load(file, identity)) { // the directory is fine: bodies are read when used
            assertEquals(0, Rescan.run(loaded, identity, InputWalker.list(roots).packages(), 1, ProgressListener.NONE).read());
            IndexFormatException e = assertThrows(IndexFormatException.class, loaded::docs);
            assertEquals("record checksum mismatch (the file is damaged)", e.reason());
            assertTrue(e.offset() <= name.start() && e.offset() > 0, e.offset() + " vs " + name.start());
        }
    }

    @Test
    void aDamagedIndexIsRefusedAtTheDamage() throws Exception {
        rescan(null).catalog().save(file);
        byte[] good = Files.readAllBytes(file);
        for (int at : new int[] {0, 9, 13, 30, 200, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            // the directory is checked when the file is read, each body when its resources are first used
            IndexFormatException e = assertThrows(IndexFormatException.class, () -> {
                try (Catalog c = Catalog.load(file, identity)) {
                    c.docs();
                    c.conflicts();
                }
            }, "byte " + at);
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 3));
        assertThrows(IndexFormatException.class, () -> Catalog.load(file, identity));
        Files.write(file, good);
        IndexFormatException other = assertThrows(IndexFormatException.class, () -> Catalog.load(file, identity + "x"));
        assertEquals("made for other inputs or limits", other.reason());
        Files.delete(file);
        assertNull(Catalog.load(file, identity), "no index yet");
    }
}
