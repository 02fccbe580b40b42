package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.ByteSources;
import org.ts4kit.memory.Arena;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.NameMapWriter;
import org.ts4kit.resource.StringTableWriter;

/** The per-file function, without Spark: rows for a package, for a zip's packages, and for broken input. */
class FileProcessorTest {
    private static final FileProcessor PROCESSOR = new FileProcessor(FileProcessor.TABLES);
    private static final FileProcessor.FileAccess LOCAL = (f, scratch) -> ByteSources.map(Path.of(f.path), f.name);

    static byte[] pkg() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(ResourceKey.parse("220557DA:80000000:0021000000000001"),
                new StringTableWriter().add(0x1234, "Hello").add(0x5678, "World").toByteArray(), Compression.ZLIB);
        w.add(ResourceKey.parse("0333406C:00000000:0000000000000002"), "<I n=\"x\"/>".getBytes(), Compression.NONE);
        w.addDeleted(ResourceKey.parse("545AC67A:00000000:0000000000000003"));
        // a name map after the resource it names: the walk names the string table once the package is done
        w.add(new ResourceKey(NameMap.TYPE, 0, 0x0021000000000001L),
                new NameMapWriter().add(0x0021000000000001L, "Strings_Main").toByteArray(), Compression.ZLIB);
        return w.toByteArray();
    }

    @Test
    void aPackageBecomesOneRowPerTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.package");
        Files.write(file, pkg());
        FileResult r = PROCESSOR.process(new InputFile(file.toString(), "a.package", Files.size(file), 1000, false), LOCAL,
                new ResourceBuffer(), new Arena(1 << 16));
        assertEquals(1, r.expectedPackages);
        assertEquals(1, r.packages.size());
        PackageRow p = r.packages.get(0);
        assertEquals("a.package", p.path);
        assertEquals(4, p.entries);
        assertEquals(3, p.liveEntries);
        assertEquals("ok", p.status());
        assertEquals(64, p.fileHash.length(), "file hash");
        assertEquals(4, r.resources.size());
        ResourceRow table = r.resources.get(0);
        assertEquals("220557DA:80000000:0021000000000001", table.key());
        assertEquals("StringTable", table.typeName);
        assertEquals("zlib", table.compression);
        assertEquals(64, table.hash.length());
        assertEquals("Strings_Main", table.name, "named by the map that comes after it");
        assertEquals("x", r.resources.get(1).name, "a tuning names itself (n=)");
        assertNull(r.resources.get(1).width, "not an image");
        assertEquals("deleted", r.resources.get(2).compression);
        assertNull(r.resources.get(2).hash, "deleted entries have no hash");
        assertEquals(2, r.strings.size());
        assertEquals("Hello", r.strings.get(0).text);
        assertEquals("00001234", r.strings.get(0).keyHash);
        assertEquals("0021000000000001", r.strings.get(0).stblInstance);
        assertTrue(r.errors.isEmpty());
    }

    @Test
    void aTypeFilterKeepsOnlyThoseResourceRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.package");
        Files.write(file, pkg());
        FileProcessor tablesOnly = new FileProcessor(FileProcessor.TABLES.withTypes(0x220557DA));
        FileResult r = tablesOnly.process(new InputFile(file.toString(), "a.package", Files.size(file), 0, false), LOCAL,
                new ResourceBuffer(), new Arena(1 << 16));
        assertEquals(1, r.packages.size(), "the package still has its row");
        assertEquals(4, r.packages.get(0).entries);
        assertEquals(1, r.resources.size());
        assertEquals("StringTable", r.resources.get(0).typeName);
        assertEquals(2, r.strings.size());
    }

    @Test
    void aBrokenPackageIsABrokenRowAndAnErrorRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.package");
        byte[] b = pkg();
        b[0] = 'X';
        Files.write(file, b);
        FileResult r = PROCESSOR.process(new InputFile(file.toString(), "bad.package", b.length, 0, false), LOCAL,
                new ResourceBuffer(), new Arena(1 << 16));
        assertEquals("broken", r.packages.get(0).status());
        assertEquals("bad.package: offset 0: bad magic 0x58425046, expected 'DBPF'", r.packages.get(0).error);
        assertEquals(1, r.errors.size());
        assertEquals(0L, r.errors.get(0).offset);
    }

    @Test
    void zipMembersAreRowsNamedInsideTheArchive(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("mods.zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String name : new String[] {"one.package", "sub/TWO.PACKAGE", "readme.txt"}) {
                z.putNextEntry(new ZipEntry(name));
                z.write(name.endsWith(".txt") ? "hi".getBytes() : pkg());
                z.closeEntry();
            }
        }
        Files.write(zip, bytes.toByteArray());
        FileResult r = PROCESSOR.process(new InputFile(zip.toString(), "mods.zip", Files.size(zip), 0, true), LOCAL,
                new ResourceBuffer(), new Arena(1 << 16));
        assertEquals(2, r.expectedPackages);
        assertEquals("mods.zip!/one.package", r.packages.get(0).path);
        assertEquals("mods.zip!/sub/TWO.PACKAGE", r.packages.get(1).path);
        assertEquals(8, r.resources.size());
    }

    @Test
    void anUnreadableZipIsOneBrokenRow(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("torn.zip");
        Files.write(zip, "PK not really".getBytes());
        FileResult r = PROCESSOR.process(new InputFile(zip.toString(), "torn.zip", 13, 0, true), LOCAL,
                new ResourceBuffer(), new Arena(1 << 16));
        assertEquals(1, r.expectedPackages);
        assertEquals("torn.zip", r.packages.get(0).path);
        assertEquals("broken", r.packages.get(0).status());
        assertEquals(1, r.errors.size());
    }

    @Test
    void filesReadThroughHadoopIntoTheArenaGiveTheSameRowsAsMappedOnes(@TempDir Path dir) throws Exception {
        Path pkgFile = dir.resolve("a.package");
        Files.write(pkgFile, pkg());
        Path zip = dir.resolve("mods.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"one.package", "two.package"}) {
                z.putNextEntry(new ZipEntry(name));
                z.write(pkg());
                z.closeEntry();
            }
        }
        HadoopFileAccess remote = new HadoopFileAccess(new Configuration(), false); // the remote path over file:
        Arena scratch = new Arena(1 << 10); // smaller than the files: each gets a chunk of its own
        ResourceBuffer buffer = new ResourceBuffer();
        for (Path file : new Path[] {pkgFile, zip, pkgFile}) {
            boolean isZip = file.equals(zip);
            InputFile listed = new InputFile(file.toUri().toString(), file.getFileName().toString(), Files.size(file), 0, isZip);
            FileResult mapped = PROCESSOR.process(listed, LOCAL_URI, buffer, scratch);
            FileResult read = PROCESSOR.process(listed, remote::open, buffer, scratch);
            assertEquals(0, scratch.allocated(), "the arena is reset after each file");
            for (String table : Tables.PER_FILE) {
                assertEquals(rows(mapped.values(table)), rows(read.values(table)), file + " " + table);
            }
            assertTrue(read.errors.isEmpty(), file.toString());
        }
        InputFile lying = new InputFile(pkgFile.toUri().toString(), "a.package", Files.size(pkgFile) + 100, 0, false);
        FileResult r = PROCESSOR.process(lying, remote::open, buffer, scratch);
        assertEquals("broken", r.packages.get(0).status());
        assertTrue(r.errors.get(0).reason.contains("ended after " + Files.size(pkgFile)), r.errors.get(0).reason);
    }

    private static final FileProcessor.FileAccess LOCAL_URI = (f, scratch) -> ByteSources.map(Path.of(java.net.URI.create(f.path)), f.name);

    private static List<List<Object>> rows(List<Object[]> table) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : table) {
            out.add(Arrays.asList(row));
        }
        return out;
    }
}
