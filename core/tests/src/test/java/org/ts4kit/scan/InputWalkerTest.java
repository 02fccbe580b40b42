package org.ts4kit.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
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
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.testkit.OddFolder;
import org.ts4kit.testkit.RawZip;

/** What the walker lists, how it names it, and what it refuses to open. */
class InputWalkerTest {
    static final ResourceKey KEY = ResourceKey.parse("0333406C:00000000:0000000000010000");

    static byte[] pkg(String text) throws IOException {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(KEY, text.getBytes(), Compression.ZLIB);
        return w.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    static List<String> names(Listing listing) {
        return listing.packages().stream().map(PackageInput::name).collect(Collectors.toList());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // opening a FIFO would block for ever
    void aFifoGivenAsARootIsReportedAsWhatItIsNeverOpened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("x.package");
        assumeTrue(OddFolder.fifo(fifo), "no mkfifo here");
        Listing listing = InputWalker.list(List.of(fifo));
        assertEquals(List.of(), names(listing));
        assertEquals(List.of(fifo + ": offset 0: not a regular file (a FIFO)"),
                listing.problems().stream().map(Problem::toString).collect(Collectors.toList()));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void fifosBrokenLinksAndLoopsInAFolderAreCountedAsIgnored(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.package"), pkg("a"));
        assumeTrue(OddFolder.fifo(dir.resolve("pipe.package")), "no mkfifo here");
        Files.createSymbolicLink(dir.resolve("gone.package"), dir.resolve("nothing-here"));
        Files.createSymbolicLink(dir.resolve("loop.package"), dir.resolve("loop.package"));
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("folder-link"), dir.resolve("sub"));

        Listing listing = InputWalker.list(List.of(dir));
        assertEquals(List.of("a.package"), names(listing));
        assertEquals(4, listing.ignored(), "the FIFO, the broken link, the loop, the link to a folder");
        assertEquals(List.of(), listing.problems());
    }

    @Test
    void aSubfolderThatCannotBeListedIsOneProblemAndTheRestIsListed(@TempDir Path dir) throws Exception {
        write(dir.resolve("A/a.package"), pkg("a"));
        write(dir.resolve("Locked/hidden.package"), pkg("h"));
        write(dir.resolve("Z/z.package"), pkg("z"));
        Path locked = dir.resolve("Locked");
        // as a folder without read permission answers (permissions cannot be tested as root: this can)
        FolderWalker.Folders folders = folder -> {
            if (folder.equals(locked)) {
                throw new AccessDeniedException(folder.toString());
            }
            return Files.newDirectoryStream(folder);
        };
        Listing listing = InputWalker.list(List.of(dir), ReadOptions.defaults(), folders);
        assertEquals(List.of("A/a.package", "Z/z.package"), names(listing));
        assertEquals(List.of(locked + ": offset 0: cannot read: AccessDeniedException: " + locked),
                listing.problems().stream().map(Problem::toString).collect(Collectors.toList()));
    }

    @Test
    void aSubfolderWithoutReadPermissionIsReportedOnDisk(@TempDir Path dir) throws Exception {
        write(dir.resolve("a.package"), pkg("a"));
        Path locked = Files.createDirectories(dir.resolve("Locked"));
        write(locked.resolve("hidden.package"), pkg("h"));
        assumeTrue(File.separatorChar == '/', "POSIX permissions");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // root reads any folder: the test above covers that path with a folder that refuses
            assumeFalse(Files.isReadable(locked), "running as root: permissions do not apply");
            Listing listing = InputWalker.list(List.of(dir));
            assertEquals(List.of("a.package"), names(listing));
            assertEquals(1, listing.problems().size(), listing.problems().toString());
            assertTrue(listing.problems().get(0).toString().startsWith(locked + ": offset 0: cannot read: AccessDeniedException"),
                    listing.problems().toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void withSeveralRootsNamesStartWithTheRootAsGiven(@TempDir Path dir) throws Exception {
        Path d1 = dir.resolve("d1");
        Path d2 = dir.resolve("d2");
        write(d1.resolve("a.package"), pkg("one"));
        write(d2.resolve("a.package"), pkg("two"));
        Listing listing = InputWalker.list(List.of(d1, d2));
        assertEquals(List.of(d1 + "/a.package", d2 + "/a.package"), names(listing));

        CollectionScan scan = CollectionScan.run(listing, 1);
        assertEquals(1, scan.conflicts().size(), "the same key in two packages is a conflict, whatever their relative names");
        assertEquals(List.of(d1 + "/a.package", d2 + "/a.package"), scan.conflicts().get(0).packages());
    }

    @Test
    void oneRootKeepsNamesRelativeToIt(@TempDir Path dir) throws Exception {
        write(dir.resolve("Mods/a.package"), pkg("a"));
        assertEquals(List.of("Mods/a.package"), names(InputWalker.list(List.of(dir))));
        assertEquals(List.of("a.package"), names(InputWalker.list(List.of(dir.resolve("Mods/a.package")))));
    }

    @Test
    void aFileListedTwiceGetsANumberedSecondName(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a.package"), pkg("a"));
        Listing listing = InputWalker.list(List.of(a, a));
        assertEquals(List.of(a.toString(), a + "#2"), names(listing));
        assertEquals(a.toString(), listing.packages().get(1).location(), "errors still name the file");
    }

    @Test
    void twoZipMembersOfOneNameAreTwoInputs(@TempDir Path dir) throws Exception {
        Path zip = write(dir.resolve("a.zip"), new RawZip().add(RawZip.stored("x.package", pkg("first")))
                .add(RawZip.stored("x.package", pkg("second"))).build());
        Listing listing = InputWalker.list(List.of(zip));
        assertEquals(List.of("a.zip!/x.package", "a.zip!/x.package#2"), names(listing));
        assertEquals(zip + "!/x.package#2", listing.packages().get(1).location());
        try (DbpfPackage first = listing.packages().get(0).open(); DbpfPackage second = listing.packages().get(1).open()) {
            assertArrayEquals("first".getBytes(), first.read(0));
            assertArrayEquals("second".getBytes(), second.read(0));
        }
        CollectionScan scan = CollectionScan.run(listing, 1);
        assertEquals(List.of("a.zip!/x.package", "a.zip!/x.package#2"), scan.conflicts().get(0).packages());
    }

    @Test
    void aBackslashIsACharacterOfALinuxFileName(@TempDir Path dir) throws Exception {
        assumeTrue(File.separatorChar == '/', "a backslash separates folders on Windows");
        write(dir.resolve("Mods/a\\b.package"), pkg("a"));
        Listing listing = InputWalker.list(List.of(dir));
        assertEquals(List.of("Mods/a\\b.package"), names(listing));
        assertEquals(List.of(), listing.problems());
        try (DbpfPackage p = listing.packages().get(0).open()) {
            assertEquals(1, p.index().size());
        }
    }

    @Test
    void uniqueNamesNumberLaterCopiesAndSkipNamesAlreadyGiven() {
        assertEquals(List.of("x", "x#2", "x#3", "y"), InputWalker.uniqueNames(List.of("x", "x", "x", "y")));
        assertEquals(List.of("x", "x#3", "x#2"), InputWalker.uniqueNames(List.of("x", "x", "x#2")));
    }
}
