package org.ts4kit.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.Sha256;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.StringTable;
import org.ts4kit.resource.StringTableWriter;

/** One walk per package into a sink: what the sink sees, in which order, under which options. */
class PackageScannerTest {
    private static final ResourceKey TABLE = ResourceKey.parse("220557DA:80000000:0021000000000001");
    private static final ResourceKey TUNING = ResourceKey.parse("0333406C:00000000:0000000000000002");
    private static final ResourceKey GONE = ResourceKey.parse("545AC67A:00000000:0000000000000003");
    private static final byte[] XML = "<I n=\"buff_Happy\"/>".getBytes();

    /** What a sink saw, as lines. */
    static final class Recorder implements ScanSink {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onResource(ScannedPackage pkg, int entry, ByteBuffer bytes) {
            seen.add("resource " + entry + (bytes == null ? " -" : " " + bytes.remaining() + " bytes, sha " + pkg.hashHex(entry)
                    .substring(0, 8)));
        }

        @Override
        public void onStringTable(ScannedPackage pkg, int entry, StringTable table) {
            seen.add("strings " + entry + ": " + table.text(0));
        }

        @Override
        public void onProblem(ScannedPackage pkg, Problem problem, boolean breaksPackage) {
            seen.add((breaksPackage ? "broken: " : "warning: ") + problem.reason());
        }

        @Override
        public void onPackage(ScannedPackage pkg) {
            seen.add("package " + pkg.name() + (pkg.isBroken() ? " broken" : " ok"));
        }
    }

    private static PackageInput input(byte[] bytes) {
        return new PackageInput("a.package", "dir/a.package", bytes.length,
                options -> DbpfPackage.open(ByteSources.wrap("dir/a.package", ByteBuffer.wrap(bytes)), options));
    }

    private static byte[] pkg() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(TABLE, new StringTableWriter().add(0x1234, "Hello").toByteArray(), Compression.ZLIB);
        w.add(TUNING, XML, Compression.REFPACK);
        w.addDeleted(GONE);
        return w.toByteArray();
    }

    private static List<String> walk(ScanOptions options, byte[] bytes) {
        Recorder r = new Recorder();
        new PackageScanner(options, ReadOptions.defaults()).scan(input(bytes), new ResourceBuffer(), r);
        return r.seen;
    }

    @Test
    void everyEntryReachesTheSinkOnceInIndexOrderThenThePackage() throws Exception {
        byte[] bytes = pkg();
        String sha = Sha256.hex(Sha256.digest(ByteBuffer.wrap(XML))).substring(0, 8);
        List<String> seen = walk(ScanOptions.ALL, bytes);
        assertEquals(5, seen.size(), seen.toString());
        assertTrue(seen.get(0).startsWith("resource 0 "), seen.toString());
        assertEquals("strings 0: Hello", seen.get(1));
        assertEquals("resource 1 " + XML.length + " bytes, sha " + sha, seen.get(2));
        assertEquals("resource 2 -", seen.get(3), "a deleted entry has no bytes");
        assertEquals("package a.package ok", seen.get(4));
    }

    @Test
    void theResultHoldsHashesAndTheFileHash() throws Exception {
        byte[] bytes = pkg();
        ScannedPackage p = new PackageScanner(ScanOptions.ALL, ReadOptions.defaults()).scan(input(bytes), new ResourceBuffer(),
                ScanSink.NONE);
        assertFalse(p.isBroken());
        assertEquals(3, p.entryCount());
        assertEquals(2, p.liveCount());
        assertEquals(bytes.length, p.length());
        assertArrayEquals(Sha256.digest(ByteBuffer.wrap(bytes)), p.fileHash());
        assertEquals(Sha256.hex(Sha256.digest(ByteBuffer.wrap(XML))), p.hashHex(1));
        assertNull(p.hashHex(2), "deleted");
    }

    @Test
    void indexOnlyDecodesNothingButStillVisitsEveryEntry() throws Exception {
        assertEquals(List.of("resource 0 -", "resource 1 -", "resource 2 -", "package a.package ok"),
                walk(ScanOptions.INDEX_ONLY, pkg()));
    }

    @Test
    void aTypeFilterWalksOnlyThoseTypes() throws Exception {
        List<String> seen = walk(ScanOptions.KEYS.withTypes(TUNING.type()), pkg());
        assertEquals(2, seen.size(), seen.toString());
        assertTrue(seen.get(0).startsWith("resource 1 "), seen.toString());
        assertEquals("package a.package ok", seen.get(1));
    }

    @Test
    void anEntryThatDoesNotDecodeBreaksThePackageAndTheWalkGoesOn() throws Exception {
        byte[] bytes = pkg();
        DbpfPackage open = DbpfPackage.open("x", ByteBuffer.wrap(bytes));
        int at = (int) open.index().offset(0);
        bytes[at + 2] = (byte) 0xFF; // corrupt the string table's zlib stream
        List<String> seen = walk(ScanOptions.ALL, bytes);
        assertTrue(seen.get(0).startsWith("broken: entry 0"), seen.toString());
        assertEquals("resource 0 -", seen.get(1));
        assertTrue(seen.get(2).startsWith("resource 1 "), "the next entry is still read: " + seen);
        assertEquals("package a.package broken", seen.get(seen.size() - 1));
    }

    /**
     * A string table whose container decodes but whose content is bad is a warning that points into the
     * file: at the entry's data, naming the entry and the byte of the table. (Found by fuzzing: the
     * warning gave the table's own offset as if it were the file's, and did not say which entry.)
     */
    @Test
    void aStringTableThatDoesNotDecodeIsAWarningAtItsEntryInTheFile() throws Exception {
        byte[] table = new StringTableWriter().add(0x1234, "Hello").toByteArray();
        table[table.length - 6] = (byte) 0x7F; // the text length of the only entry: far past the end
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(TUNING, XML, Compression.NONE);
        w.add(TABLE, table, Compression.ZLIB);
        byte[] bytes = w.toByteArray();
        ScannedPackage p = new PackageScanner(ScanOptions.ALL, ReadOptions.defaults()).scan(input(bytes), new ResourceBuffer(),
                ScanSink.NONE);
        assertFalse(p.isBroken(), "the container is fine");
        assertEquals(1, p.warnings().size(), p.warnings().toString());
        Problem warning = p.warnings().get(0);
        assertEquals("dir/a.package", warning.location());
        assertEquals(p.index().offset(1), warning.offset(), "where entry 1's data is in the file");
        assertTrue(warning.reason().startsWith("entry 1 (" + TABLE + ") is not a valid string table: at byte " + (table.length - 7)
                + " of its " + table.length + " decoded bytes: entry 0 of 1: text length"), warning.reason());
    }

    @Test
    void aPackageThatDoesNotOpenIsOneProblemAndOnePackage() {
        List<String> seen = walk(ScanOptions.ALL, "not a package at all".getBytes());
        assertEquals(List.of("broken: bad magic 0x6E6F7420, expected 'DBPF'", "package a.package broken"), seen);
    }
}
