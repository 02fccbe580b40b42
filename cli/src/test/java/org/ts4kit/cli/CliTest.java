package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/** The CLI as a user meets it: what each command prints and the exit codes 0, 1 and 2. */
class CliTest {
    static final ResourceKey XML = ResourceKey.parse("0333406C:00000000:800000000000ABCD");
    static final ResourceKey STBL = ResourceKey.parse("220557DA:80000000:0021000000000001");
    static final ResourceKey GONE = ResourceKey.parse("545AC67A:00000000:0000000000003039");
    static final byte[] XML_BYTES = "<?xml version=\"1.0\"?><I c=\"Buff\" n=\"my_buff\" s=\"1\"></I>".getBytes();

    @TempDir
    static Path dir;
    static Path pkg;

    @BeforeAll
    static void writePackage() throws Exception {
        pkg = dir.resolve("mod.package");
        try (DbpfWriter w = DbpfWriter.create(pkg)) {
            w.add(XML, XML_BYTES, Compression.ZLIB);
            w.add(STBL, new byte[] {'S', 'T', 'B', 'L', 5, 0, 0}, Compression.REFPACK);
            w.addDeleted(GONE);
        }
    }

    @Test
    void lsJsonHasExactlyTheDocumentedKeys() throws Exception {
        Cli r = Cli.run("ls", pkg.toString(), "--json", "--hash");
        assertEquals(0, r.exit, r.err);
        String[] lines = r.lines();
        assertEquals(3, lines.length);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(XML_BYTES));
        assertTrue(lines[0].matches("\\{\"type\":\"0333406C\",\"group\":\"00000000\",\"instance\":\"800000000000ABCD\","
                + "\"offset\":96,\"fileSize\":\\d+,\"memSize\":" + XML_BYTES.length + ",\"compression\":\"zlib\",\"sha256\":\"" + sha + "\"}"),
                lines[0]);
        assertTrue(lines[1].contains("\"compression\":\"refpack\""), lines[1]);
        assertTrue(lines[2].contains("\"compression\":\"deleted\"") && !lines[2].contains("sha256"), lines[2]);
    }

    @Test
    void lsWithoutHashHasNoSha() {
        Cli r = Cli.run("ls", pkg.toString(), "--json");
        assertEquals(0, r.exit);
        assertFalse(r.out.contains("sha256"));
    }

    @Test
    void lsFiltersByHexTypeOrName() {
        assertEquals(2, Cli.run("ls", pkg.toString(), "--type", "220557da").lines().length, "the header and one entry");
        assertEquals(1, Cli.run("ls", pkg.toString(), "--type", "0x0333406C", "--json").lines().length);
        assertEquals(2, Cli.run("ls", "--type", "nonsense!", pkg.toString()).exit, "a bad --type is a usage error");
    }

    @Test
    void lsTextHasAHeaderRowNamingEachColumnAboveIt() {
        for (boolean hash : new boolean[] {false, true}) {
            String[] lines = hash ? Cli.run("ls", pkg.toString(), "--hash").lines() : Cli.run("ls", pkg.toString()).lines();
            assertEquals(4, lines.length, String.join("\n", lines));
            List<String> names = List.of(lines[0].trim().split(" +"));
            assertEquals(hash ? List.of("key", "offset", "fileSize", "memSize", "compress", "typeName", "sha256")
                    : List.of("key", "offset", "fileSize", "memSize", "compress", "typeName"), names);
            String[] firstRow = lines[1].split(" +");
            assertEquals(names.size(), firstRow.length, lines[1]);
            // each name ends where its column's values end, or starts where they start; type names vary in
            // width, so what follows them (sha256) is not in a fixed column
            for (int c = 0; c <= names.indexOf("typeName"); c++) {
                String name = names.get(c);
                int at = lines[0].indexOf(" " + name + " ") + 1;
                at = at > 0 ? at : lines[0].startsWith(name) ? 0 : lines[0].lastIndexOf(name);
                int value = lines[1].indexOf(firstRow[c], c == 0 ? 0 : lines[1].indexOf(firstRow[c - 1]) + firstRow[c - 1].length());
                boolean leftAligned = at == value;
                boolean rightAligned = at + name.length() == value + firstRow[c].length();
                assertTrue(leftAligned || rightAligned, name + " is not above its column:\n" + lines[0] + "\n" + lines[1]);
            }
        }
        String[] json = Cli.run("ls", pkg.toString(), "--json").lines();
        assertEquals(3, json.length, "--json has no header");
        assertTrue(Arrays.stream(json).allMatch(l -> l.startsWith("{\"type\":")), String.join("\n", json));
    }

    @Test
    void catWritesTheDecompressedBytes() {
        Cli r = Cli.run("cat", pkg.toString(), XML.toString());
        assertEquals(0, r.exit, r.err);
        assertArrayEquals(XML_BYTES, r.binary);
        assertEquals(1, Cli.run("cat", pkg.toString(), GONE.toString()).exit, "a deleted entry is not a key");
        assertEquals(2, Cli.run("cat", pkg.toString(), "not-a-key").exit);
    }

    @Test
    void extractWritesOneFilePerLiveKeyInsideTheFolder() throws Exception {
        Path out = dir.resolve("extracted");
        Cli r = Cli.run("extract", pkg.toString(), out.toString());
        assertEquals(0, r.exit, r.err);
        List<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.get(0).startsWith("0333406C_00000000_800000000000ABCD"), names.toString());
        Path xml = out.resolve(names.get(0));
        assertArrayEquals(XML_BYTES, Files.readAllBytes(xml));
    }

    @Test
    void inspectShowsHeaderTypesAndCompressions() {
        Cli r = Cli.run("inspect", pkg.toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("DBPF 2.1"), r.out);
        assertTrue(r.out.contains("220557DA"), r.out);
        assertTrue(r.out.contains("refpack") && r.out.contains("zlib") && r.out.contains("deleted"), r.out);
    }

    @Test
    void brokenFileGivesAnErrorLineAndExitOne() throws Exception {
        Path bad = dir.resolve("zeroed.package");
        byte[] b = Files.readAllBytes(pkg);
        java.util.Arrays.fill(b, 0, 96, (byte) 0);
        Files.write(bad, b);
        for (String cmd : new String[] {"ls", "inspect"}) {
            Cli r = Cli.run(cmd, bad.toString());
            assertEquals(1, r.exit);
            assertTrue(r.err.startsWith(bad + ": offset 0: bad magic"), r.err);
        }
    }

    @Test
    void corruptEntryIsListedAndNamedOnStderr() throws Exception {
        Path bad = dir.resolve("corrupt-entry.package");
        byte[] b = Files.readAllBytes(pkg);
        b[96 + 2] = (byte) 0xFF; // damage the zlib stream of the first entry
        Files.write(bad, b);
        Cli r = Cli.run("ls", bad.toString(), "--json", "--hash");
        assertEquals(1, r.exit);
        assertEquals(3, r.lines().length, "every entry is still listed");
        assertFalse(r.lines()[0].contains("sha256"));
        assertTrue(r.err.startsWith(bad + ": offset 96: "), r.err);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, Cli.run().exit);
        assertEquals(2, Cli.run("frobnicate").exit);
        assertEquals(2, Cli.run("ls").exit);
        assertEquals(0, Cli.run("--help").exit);
    }

    @Test
    void missingFileIsBrokenInputNotACrash() {
        Cli r = Cli.run("ls", dir.resolve("nope.package").toString());
        assertEquals(1, r.exit);
        assertTrue(r.err.contains("nope.package: offset 0: cannot read"), r.err);
    }

}
