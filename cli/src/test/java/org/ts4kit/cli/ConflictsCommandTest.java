package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/** {@code conflicts} over folders, loose files and zip archives, with the exact JSON Lines it promises. */
class ConflictsCommandTest {
    static final ResourceKey SAME = ResourceKey.parse("0333406C:00000000:0000000000010000");
    static final ResourceKey DIFF = ResourceKey.parse("62E94D38:00000000:0000000000020000");
    static final ResourceKey ONLY_A = ResourceKey.parse("220557DA:80000000:0021000000000001");
    static final ResourceKey MASKED = ResourceKey.parse("545AC67A:00000000:0000000000003039");

    static byte[] pkg(Object... keysAndData) throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        for (int i = 0; i < keysAndData.length; i += 3) {
            ResourceKey k = (ResourceKey) keysAndData[i];
            if (keysAndData[i + 1] == null) {
                w.addDeleted(k);
            } else {
                w.add(k, ((String) keysAndData[i + 1]).getBytes(), (Integer) keysAndData[i + 2]);
            }
        }
        return w.toByteArray();
    }

    @Test
    void findsConflictsAcrossFoldersFilesAndArchives(@TempDir Path root) throws Exception {
        Path mods = root.resolve("Mods");
        Files.createDirectories(mods.resolve("sub"));
        // the same bytes compressed differently are still identical
        Files.write(mods.resolve("a.package"), pkg(SAME, "same text", Compression.ZLIB, DIFF, "version A", Compression.NONE,
                ONLY_A, "only here", Compression.ZLIB, MASKED, null, 0));
        Files.write(mods.resolve("sub/B.PACKAGE"), pkg(SAME, "same text", Compression.REFPACK, DIFF, "version B", Compression.ZLIB,
                MASKED, null, 0));
        Files.write(mods.resolve("notes.txt"), "not a package".getBytes());
        byte[] zipped = zip(pkg(DIFF, "version A", Compression.ZLIB, MASKED, "a live copy", Compression.NONE));
        Files.write(mods.resolve("pack.zip"), zipped);
        Files.write(mods.resolve("broken.package"), new byte[] {'D', 'B', 'P', 'F', 2, 0});

        Cli r = Cli.run("conflicts", mods.toString(), "--json");
        assertEquals(1, r.exit, "one broken file: " + r.err);
        assertEquals(mods.resolve("broken.package") + ": offset 0: truncated header: file has 6 bytes, a DBPF header needs 96",
                r.err.lines().findFirst().orElse(""));
        assertTrue(r.err.contains("1 broken inputs skipped"), r.err);
        String[] lines = r.lines();
        assertEquals(2, lines.length, r.out);
        assertEquals("{\"key\":\"0333406C:00000000:0000000000010000\",\"packages\":[\"a.package\",\"sub/B.PACKAGE\"],\"identical\":true}",
                lines[0]);
        assertEquals("{\"key\":\"62E94D38:00000000:0000000000020000\",\"packages\":[\"a.package\",\"pack.zip!/inner/c.package\","
                + "\"sub/B.PACKAGE\"],\"identical\":false}", lines[1]);
    }

    @Test
    void aCleanCollectionExitsZero(@TempDir Path root) throws Exception {
        Path x = Files.write(root.resolve("x.package"), pkg(SAME, "x", Compression.ZLIB));
        Path y = Files.write(root.resolve("y.package"), pkg(SAME, "x", Compression.NONE));
        Cli r = Cli.run("conflicts", x.toString(), y.toString(), "--json");
        assertEquals(0, r.exit, r.err);
        // several PATHs: each package is named by its PATH as given
        assertEquals("{\"key\":\"0333406C:00000000:0000000000010000\",\"packages\":[\"" + x + "\",\"" + y + "\"],\"identical\":true}",
                r.out.trim());
    }

    @Test
    void aTypeFilterReadsOnlyThoseTypes(@TempDir Path root) throws Exception {
        Files.write(root.resolve("a.package"), pkg(SAME, "same text", Compression.ZLIB, DIFF, "version A", Compression.NONE));
        Files.write(root.resolve("b.package"), pkg(SAME, "same text", Compression.NONE, DIFF, "version B", Compression.ZLIB));
        // c's copy of DIFF does not decode; with --type 0333406C it is never read, so c is not broken
        byte[] c = pkg(SAME, "same text", Compression.NONE, DIFF, "version C", Compression.ZLIB);
        try (org.ts4kit.dbpf.DbpfPackage p = org.ts4kit.dbpf.DbpfPackage.open("c", java.nio.ByteBuffer.wrap(c))) {
            c[(int) p.index().offset(1) + 2] = (byte) 0xFF;
        }
        Files.write(root.resolve("c.package"), c);

        Cli all = Cli.run("conflicts", root.toString(), "--json");
        assertEquals(1, all.exit, "c is broken when every entry is read: " + all.err);

        Cli tuning = Cli.run("conflicts", root.toString(), "--json", "--type", "0333406C");
        assertEquals(0, tuning.exit, tuning.err);
        assertEquals("{\"key\":\"0333406C:00000000:0000000000010000\",\"packages\":[\"a.package\",\"b.package\",\"c.package\"],"
                + "\"identical\":true}", tuning.out.trim());

        Cli two = Cli.run("conflicts", root.resolve("a.package").toString(), root.resolve("b.package").toString(), "--json",
                "--type", "0333406C", "--type", "62E94D38");
        assertEquals(2, two.lines().length, "both types: " + two.out);
    }

    /** A zip with the package stored and a deflated copy of a readme, like a shared mod archive. */
    static byte[] zip(byte[] pkg) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry("inner/c.package");
            CRC32 crc = new CRC32();
            crc.update(pkg);
            e.setMethod(ZipEntry.STORED);
            e.setSize(pkg.length);
            e.setCompressedSize(pkg.length);
            e.setCrc(crc.getValue());
            z.putNextEntry(e);
            z.write(pkg);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes());
            z.closeEntry();
        }
        return bytes.toByteArray();
    }
}
