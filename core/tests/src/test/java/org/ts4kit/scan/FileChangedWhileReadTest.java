package org.ts4kit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;
import org.ts4kit.io.zip.ZipFormatException;
import org.ts4kit.memory.ResourceBuffer;

/**
 * A file that shrinks while it is mapped: its vanished pages must become "file changed while being
 * read" at a known offset, never a dead JVM. Before the fix, zlib and CRC-32 read the mapping from
 * native code and the SIGBUS killed the test JVM (the test fails by crashing its fork).
 */
class FileChangedWhileReadTest {
    private static final int ENTRIES = 48;

    /** A package of zlib entries (the native decoder's path) and stored ones, about 1.5 MB. */
    private static byte[] packageBytes() throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        DbpfWriter w = DbpfWriter.inMemory();
        for (int i = 0; i < ENTRIES; i++) {
            byte[] data = new byte[48 << 10];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) (rnd.nextInt(16) + 'a'); // compresses about 2:1, so every entry spans pages
            }
            w.add(new ResourceKey(0x0333406C, 0, i), data, i % 4 == 3 ? Compression.NONE : Compression.ZLIB);
        }
        return w.toByteArray();
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    /**
     * What a direct read may do: throw the precise error, or (in JIT-compiled code, where the JVM reports
     * a vanished page "recently" rather than at the access) let the JVM's {@code InternalError} out
     * shortly after, at the latest on return from native code); {@link PackageScanner} turns both into
     * one problem. Never a dead JVM.
     */
    private static void assertChanged(Throwable t) {
        if (t instanceof CorruptInputException) {
            assertTrue(((CorruptInputException) t).reason().contains(CorruptInputException.FILE_CHANGED), t.getMessage());
        } else {
            assertTrue(CorruptInputException.isMappedFault(t), () -> "unexpected " + t);
        }
    }

    @Test
    void readsOfAShrunkPackageFailAsChangedInput(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("shrinks.package"), packageBytes());
        try (DbpfPackage pkg = DbpfPackage.open(file); ResourceBuffer buffer = new ResourceBuffer()) {
            truncate(file, 4096);
            var reader = pkg.reader(buffer);
            List<Throwable> seen = new ArrayList<>();
            try {
                for (int i = 0; i < pkg.entryCount(); i++) {
                    try {
                        reader.read(i);
                    } catch (DbpfFormatException e) {
                        seen.add(e);
                    }
                }
                Thread.sleep(1); // a fault still pending is delivered by now
            } catch (InternalError e) {
                seen.add(e);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertFalse(seen.isEmpty(), "no read noticed that the file lost its data");
            seen.forEach(FileChangedWhileReadTest::assertChanged);
        }
    }

    @Test
    void aScanOfAShrunkPackageReportsOneProblemAndGoesOn(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("shrinks.package"), packageBytes());
        PackageInput input = new PackageInput(file.toString(), file.toString(), Files.size(file), o -> {
            DbpfPackage pkg = DbpfPackage.open(file, o);
            truncate(file, 4096); // after the index is read, before the resources are
            return pkg;
        });
        PackageScanner scanner = new PackageScanner(ScanOptions.ALL, ReadOptions.defaults());
        ScannedPackage scanned;
        try (ResourceBuffer buffer = new ResourceBuffer()) {
            scanned = scanner.scan(input, buffer, ScanSink.NONE);
        }
        assertTrue(scanned.isBroken());
        assertTrue(scanned.problems().size() <= 2, "one line for the entries (and the file hash), not one per entry: "
                + scanned.problems());
        assertTrue(scanned.problems().get(0).reason().contains(CorruptInputException.FILE_CHANGED), scanned.problems().toString());
        assertEquals(ENTRIES, scanned.entryCount());
    }

    @Test
    void membersOfAShrunkZipFailAsChangedInput(@TempDir Path dir) throws IOException {
        byte[] pkg = packageBytes();
        Path zip = dir.resolve("mods.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry stored = new ZipEntry("stored.package");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(pkg.length);
            CRC32 crc = new CRC32();
            crc.update(pkg);
            stored.setCrc(crc.getValue());
            z.putNextEntry(stored);
            z.write(pkg);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("deflated.package"));
            z.write(pkg);
            z.closeEntry();
        }
        try (ZipArchive archive = ZipArchive.open(zip)) {
            truncate(zip, 4096);
            for (ZipEntryInfo e : archive.entries()) {
                Throwable seen = null;
                try {
                    archive.data(e);
                    Thread.sleep(1);
                } catch (ZipFormatException | InternalError x) {
                    seen = x;
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
                assertNotNull(seen, e.name() + " read without noticing the cut");
                assertChanged(seen);
            }
        }
    }

    @Test
    void scanningMembersOfAShrunkZipReportsEachAndGoesOn(@TempDir Path dir) throws IOException {
        byte[] pkg = packageBytes();
        Path zip = dir.resolve("mods.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("a.package"));
            z.write(pkg);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("b.package"));
            z.write(pkg);
            z.closeEntry();
        }
        PackageScanner scanner = new PackageScanner(ScanOptions.ALL, ReadOptions.defaults());
        try (ZipArchive archive = ZipArchive.open(zip); ResourceBuffer buffer = new ResourceBuffer()) {
            var members = InputWalker.archiveMembers(archive, "mods.zip", zip.toString());
            truncate(zip, 4096);
            for (PackageInput member : members) {
                ScannedPackage scanned = scanner.scan(member, buffer, ScanSink.NONE);
                assertTrue(scanned.isBroken(), member.name());
                assertTrue(scanned.problems().get(0).reason().contains(CorruptInputException.FILE_CHANGED),
                        scanned.problems().toString());
            }
        }
    }
}
