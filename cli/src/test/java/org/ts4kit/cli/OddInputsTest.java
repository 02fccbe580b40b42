package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.testkit.OddFolder;
import org.ts4kit.testkit.RawZip;

/**
 * What the commands do with inputs that are not plain package files: FIFOs, folders and broken
 * links where a package is expected, unreadable subfolders, names with newlines or backslashes,
 * the same name under two roots or twice in one zip.
 */
class OddInputsTest {
    static final ResourceKey KEY = ConflictsCommandTest.SAME;

    static byte[] pkg(String text) throws Exception {
        return ConflictsCommandTest.pkg(KEY, text, Compression.ZLIB);
    }

    static Path write(Path file, byte[] bytes) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    static List<String> errorLines(Cli r) {
        return r.err.lines().filter(l -> l.contains(": offset ")).collect(Collectors.toList());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // before the fix, opening the FIFO blocked for ever
    void aFifoWhereAPackageIsExpectedIsAUsageErrorNotAHang(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("x.package");
        assumeTrue(OddFolder.fifo(fifo), "no mkfifo here");
        String[][] commands = {{"ls", fifo.toString()}, {"inspect", fifo.toString()},
            {"extract", fifo.toString(), dir.resolve("out").toString()},
            {"cat", fifo.toString(), "0333406C:00000000:0000000000010000"}};
        for (String[] args : commands) {
            Cli r = Cli.run(args);
            assertEquals(2, r.exit, args[0] + ": " + r.err);
            assertTrue(r.err.startsWith(fifo + ": not a regular file (a FIFO)"), args[0] + ": " + r.err);
        }
    }

    @Test
    void aFolderWhereAPackageIsExpectedIsAUsageError(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("ls", dir.toString());
        assertEquals(2, r.exit, r.err);
        assertTrue(r.err.startsWith(dir + ": not a regular file (a folder)"), r.err);
    }

    @Test
    void aBrokenLinkIsAMissingInputSaidPrecisely(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("x.package"), dir.resolve("gone.package"));
        Cli r = Cli.run("inspect", link.toString());
        assertEquals(1, r.exit, r.err);
        assertEquals(link + ": offset 0: not a regular file (a broken symbolic link)", r.err.trim());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void conflictsReportsAFifoGivenAsAPathAndGoesOn(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.package");
        assumeTrue(OddFolder.fifo(fifo), "no mkfifo here");
        Path a = write(dir.resolve("Mods/a.package"), pkg("a"));
        Cli r = Cli.run("conflicts", fifo.toString(), a.toString());
        assertEquals(1, r.exit, r.err);
        assertEquals(List.of(fifo + ": offset 0: not a regular file (a FIFO)"), errorLines(r));
        assertTrue(r.err.contains("1 packages scanned"), r.err);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void entriesThatAreNoRegularFileAreCountedAsIgnored(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.package"), pkg("a"));
        assumeTrue(OddFolder.fifo(dir.resolve("pipe.package")), "no mkfifo here");
        Files.createSymbolicLink(dir.resolve("gone.package"), dir.resolve("nothing"));
        Path loop = dir.resolve("loop.package");
        Files.createSymbolicLink(loop, loop);
        Cli r = Cli.run("conflicts", dir.toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.err.contains("1 packages scanned (0 archives, 3 other files ignored)"), r.err);
    }

    @Test
    void anUnreadableSubfolderIsAnErrorLineAndTheRestIsScanned(@TempDir Path dir) throws Exception {
        assumeTrue(File.separatorChar == '/', "POSIX permissions");
        write(dir.resolve("a.package"), pkg("a"));
        write(dir.resolve("b.package"), pkg("a"));
        Path locked = Files.createDirectories(dir.resolve("Locked"));
        write(locked.resolve("c.package"), pkg("c"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // permissions do not bind root; core's InputWalkerTest covers this path with a folder that refuses
            assumeFalse(Files.isReadable(locked), "running as root: permissions do not apply");
            Cli r = Cli.run("conflicts", dir.toString(), "--json");
            assertEquals(1, r.exit, r.err);
            assertEquals(1, errorLines(r).size(), r.err);
            assertTrue(errorLines(r).get(0).startsWith(locked + ": offset 0: cannot read: AccessDeniedException"), r.err);
            assertTrue(r.out.contains("\"packages\":[\"a.package\",\"b.package\"]"), r.out);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theSameFileNameUnderTwoFoldersIsTwoPackages(@TempDir Path dir) throws Exception {
        Path d1 = dir.resolve("d1");
        Path d2 = dir.resolve("d2");
        write(d1.resolve("a.package"), pkg("one"));
        write(d2.resolve("a.package"), pkg("two"));
        Cli r = Cli.run("conflicts", d1.toString(), d2.toString(), "--json");
        assertEquals(0, r.exit, r.err);
        assertEquals("{\"key\":\"" + KEY + "\",\"packages\":[\"" + d1 + "/a.package\",\"" + d2 + "/a.package\"],\"identical\":false}",
                r.out.trim());
    }

    @Test
    void twoZipMembersOfOneNameConflictAndOpenByTheirNames(@TempDir Path dir) throws Exception {
        Path zip = write(dir.resolve("pack.zip"), new RawZip().add(RawZip.stored("x.package", pkg("first")))
                .add(RawZip.deflated("x.package", pkg("second"))).build());
        Cli r = Cli.run("conflicts", zip.toString(), "--json");
        assertEquals("{\"key\":\"" + KEY + "\",\"packages\":[\"pack.zip!/x.package\",\"pack.zip!/x.package#2\"],\"identical\":false}",
                r.out.trim(), r.err);
        assertArrayEquals("first".getBytes(), Cli.run("cat", zip + "!/x.package", KEY.toString()).binary);
        assertArrayEquals("second".getBytes(), Cli.run("cat", zip + "!/x.package#2", KEY.toString()).binary);
    }

    @Test
    void aNewlineInAFileNameCannotForgeAnErrorLine(@TempDir Path dir) throws Exception {
        assumeTrue(File.separatorChar == '/', "newlines in file names");
        write(dir.resolve("evil\nfake.package: offset 0: forged\u001b[2J.package"), new byte[] {'D', 'B', 'P', 'F'});
        Cli r = Cli.run("conflicts", dir.toString());
        assertEquals(1, r.exit, r.err);
        assertEquals(List.of(dir + "/evil\\nfake.package: offset 0: forged\\x1b[2J.package: offset 0: truncated header: file has 4 bytes, "
                + "a DBPF header needs 96"), errorLines(r));
        assertEquals(2, r.err.lines().count(), "one error line, one summary: " + r.err);
    }

    @Test
    void aBackslashInALinuxFileNameIsPartOfTheName(@TempDir Path dir) throws Exception {
        assumeTrue(File.separatorChar == '/', "a backslash separates folders on Windows");
        Path file = write(dir.resolve("Mods/a\\b.package"), pkg("a"));
        write(dir.resolve("Mods/c.package"), pkg("a"));
        Cli r = Cli.run("conflicts", dir.toString(), "--json");
        assertEquals(0, r.exit, r.err);
        assertEquals("{\"key\":\"" + KEY + "\",\"packages\":[\"Mods/a\\\\b.package\",\"Mods/c.package\"],\"identical\":true}",
                r.out.trim());
        assertEquals(0, Cli.run("ls", file.toString()).exit);
    }
}
