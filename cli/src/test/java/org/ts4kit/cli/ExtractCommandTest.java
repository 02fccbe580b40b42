package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.DbpfWriter;

/**
 * What {@code extract} does with what is already in DIR: it never writes through a symlink, never
 * replaces a file without {@code --force}, and one file it cannot write does not stop the others.
 */
class ExtractCommandTest {
    static final String XML_NAME = "0333406C_00000000_800000000000ABCD.xml";
    static final String STBL_NAME = "220557DA_80000000_0021000000000001.stbl";
    static final byte[] STBL_BYTES = {'S', 'T', 'B', 'L', 5, 0, 0};
    static final byte[] PRECIOUS = "not yours to overwrite".getBytes();

    @TempDir
    Path tmp;
    Path pkg;
    Path out;

    @BeforeEach
    void writePackage() throws Exception {
        pkg = tmp.resolve("mod.package");
        try (DbpfWriter w = DbpfWriter.create(pkg)) {
            w.add(CliTest.XML, CliTest.XML_BYTES, Compression.ZLIB);
            w.add(CliTest.STBL, STBL_BYTES, Compression.REFPACK);
        }
        out = Files.createDirectory(tmp.resolve("out"));
    }

    @Test
    void aSymlinkPlantedInDirIsNotWrittenThroughButReported() throws Exception {
        Path victim = Files.write(tmp.resolve("victim.txt"), PRECIOUS);
        Files.createSymbolicLink(out.resolve(XML_NAME), victim);

        Cli r = Cli.run("extract", pkg.toString(), out.toString());

        assertEquals(1, r.exit, r.err);
        assertTrue(r.err.startsWith(out.resolve(XML_NAME) + ": is a symbolic link, not followed; --force to replace the link\n"), r.err);
        assertArrayEquals(PRECIOUS, Files.readAllBytes(victim));
        assertTrue(Files.isSymbolicLink(out.resolve(XML_NAME)), "left as it was");
        assertArrayEquals(STBL_BYTES, Files.readAllBytes(out.resolve(STBL_NAME)), "the other file is still written");
        assertTrue(r.err.endsWith("extracted 1 resources to " + out + "\n"), r.err);
    }

    @Test
    void aDanglingSymlinkCreatesNothingWhereItPoints() throws Exception {
        Path nowhere = tmp.resolve("nowhere.xml");
        Files.createSymbolicLink(out.resolve(XML_NAME), nowhere);

        assertEquals(1, Cli.run("extract", pkg.toString(), out.toString()).exit);
        assertFalse(Files.exists(nowhere, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void forceReplacesTheSymlinkItselfNotWhatItPointsTo() throws Exception {
        Path victim = Files.write(tmp.resolve("victim.txt"), PRECIOUS);
        Files.createSymbolicLink(out.resolve(XML_NAME), victim);

        Cli r = Cli.run("extract", pkg.toString(), out.toString(), "--force");

        assertEquals(0, r.exit, r.err);
        assertArrayEquals(PRECIOUS, Files.readAllBytes(victim));
        assertTrue(Files.isRegularFile(out.resolve(XML_NAME), LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(CliTest.XML_BYTES, Files.readAllBytes(out.resolve(XML_NAME)));
    }

    @Test
    void anExistingFileIsKeptAndReportedUnlessForced() throws Exception {
        Files.write(out.resolve(XML_NAME), PRECIOUS);

        Cli kept = Cli.run("extract", pkg.toString(), out.toString());
        assertEquals(1, kept.exit, kept.err);
        assertEquals(List.of(out.resolve(XML_NAME) + ": exists; --force to replace", "extracted 1 resources to " + out),
                List.of(kept.err.split("\n")));
        assertArrayEquals(PRECIOUS, Files.readAllBytes(out.resolve(XML_NAME)));
        assertArrayEquals(STBL_BYTES, Files.readAllBytes(out.resolve(STBL_NAME)));

        Cli again = Cli.run("extract", pkg.toString(), out.toString());
        assertEquals(1, again.exit);
        assertTrue(again.err.contains(out.resolve(STBL_NAME) + ": exists; --force to replace\n"), "a second run replaces nothing either");

        Cli forced = Cli.run("extract", pkg.toString(), out.toString(), "--force");
        assertEquals(0, forced.exit, forced.err);
        assertArrayEquals(CliTest.XML_BYTES, Files.readAllBytes(out.resolve(XML_NAME)));
        assertArrayEquals(STBL_BYTES, Files.readAllBytes(out.resolve(STBL_NAME)));
    }

    @Test
    void aFolderInTheWayOfOneFileDoesNotStopTheOthers() throws Exception {
        Files.createDirectory(out.resolve(XML_NAME));
        for (String[] args : new String[][] {{"extract", pkg.toString(), out.toString()}, {"extract", pkg.toString(), out.toString(), "--force"}}) {
            Cli r = Cli.run(args);
            assertEquals(1, r.exit, r.err);
            assertTrue(r.err.startsWith(out.resolve(XML_NAME) + ": is a folder; not replaced, even with --force\n"), r.err);
            assertTrue(Files.isDirectory(out.resolve(XML_NAME)));
            assertArrayEquals(STBL_BYTES, Files.readAllBytes(out.resolve(STBL_NAME)));
            Files.delete(out.resolve(STBL_NAME));
        }
    }

    @Test
    void aDirThatIsAFileIsAUsageErrorNamingIt() throws Exception {
        Path file = Files.write(tmp.resolve("a-file"), PRECIOUS);
        for (Path input : new Path[] {pkg, tmp.resolve("missing.package")}) {
            Cli r = Cli.run("extract", input.toString(), file.toString());
            assertEquals(2, r.exit, r.err);
            assertEquals(file + ": exists and is not a folder (DIR is a folder, created when missing)\n", r.err,
                    "one line, about DIR, checked before the package is read");
            assertArrayEquals(PRECIOUS, Files.readAllBytes(file));
        }
        Cli under = Cli.run("extract", pkg.toString(), file.resolve("sub").toString());
        assertEquals(2, under.exit, under.err);
        assertTrue(under.err.startsWith(file.resolve("sub") + ": cannot create the folder: "), under.err);
        assertEquals(1, under.err.split("\n").length, under.err);
    }

    @Test
    void theMissingFolderIsCreatedWithItsParents() throws Exception {
        Path deep = tmp.resolve("a/b/c");
        Cli r = Cli.run("extract", pkg.toString(), deep.toString());
        assertEquals(0, r.exit, r.err);
        assertEquals(Set.of(XML_NAME, STBL_NAME), names(deep));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // probing name, name~1, ... took 36-109 s
    void twentyThousandRecordsOfOneKeyGetNumberedNames() throws Exception {
        int records = 20_000;
        Path repeated = tmp.resolve("repeated.package");
        try (DbpfWriter w = DbpfWriter.create(repeated)) {
            for (int i = 0; i < records; i++) {
                w.add(CliTest.XML, new byte[] {(byte) i}, Compression.NONE);
            }
        }
        Cli r = Cli.run("extract", repeated.toString(), out.toString());
        assertEquals(0, r.exit, r.err);
        Set<String> expected = new TreeSet<>();
        expected.add(XML_NAME);
        for (int k = 1; k < records; k++) {
            expected.add(XML_NAME.replace(".xml", "~" + k + ".xml"));
        }
        assertEquals(expected, names(out));
        assertArrayEquals(new byte[] {(byte) 7}, Files.readAllBytes(out.resolve(XML_NAME.replace(".xml", "~7.xml"))),
                "the k-th record is ~k");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a busy loop ignores interrupts; probing took ~n²/2 steps
    void theKthRepeatOfAKeyIsNamedDirectly() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(CliTest.XML, new byte[] {1}, Compression.NONE);
        w.add(CliTest.STBL, STBL_BYTES, Compression.NONE);
        try (DbpfPackage p = DbpfPackage.open("repeats", ByteBuffer.wrap(w.toByteArray()))) {
            Map<String, Integer> seen = new HashMap<>();
            String last = null;
            for (int k = 0; k < 200_000; k++) {
                last = ExtractCommand.fileName(p.index(), 0, seen);
            }
            assertEquals("0333406C_00000000_800000000000ABCD~199999.xml", last);
            assertEquals(STBL_NAME, ExtractCommand.fileName(p.index(), 1, seen), "other keys are counted apart");
            assertEquals("220557DA_80000000_0021000000000001~1.stbl", ExtractCommand.fileName(p.index(), 1, seen));
        }
    }

    @Test
    void aNumberedNameAlreadyOnDiskIsReportedNotSkipped() throws Exception {
        Path repeated = tmp.resolve("repeated.package");
        try (DbpfWriter w = DbpfWriter.create(repeated)) {
            for (int i = 0; i < 3; i++) {
                w.add(CliTest.XML, new byte[] {(byte) i}, Compression.NONE);
            }
        }
        String first = XML_NAME.replace(".xml", "~1.xml");
        Files.write(out.resolve(first), PRECIOUS);
        Cli r = Cli.run("extract", repeated.toString(), out.toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.startsWith(out.resolve(first) + ": exists; --force to replace\n"), r.err);
        assertArrayEquals(PRECIOUS, Files.readAllBytes(out.resolve(first)));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(out.resolve(XML_NAME.replace(".xml", "~2.xml"))),
                "the third record keeps its own name");
    }

    static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
