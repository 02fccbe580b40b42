package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.resource.StringTableWriter;

/**
 * {@code compress-report} over folders, files and zips: one row per type with its count and bytes, what LZ4,
 * Brotli and the adaptive strategy make of them, a total, and broken inputs on stderr (exit 1).
 */
class CompressReportCommandTest {
    static final ResourceKey DST = ResourceKey.parse("00B2D882:00000000:0000000000000001");
    static final ResourceKey STBL = ResourceKey.parse("220557DA:80000000:0000000000000002");
    static final ResourceKey PNG = ResourceKey.parse("2F7D0004:00000000:0000000000000003");
    static final ResourceKey SIMDATA = ResourceKey.parse("545AC67A:00000000:0000000000000004");

    @TempDir
    static Path root;
    static Path mods;
    static int stblBytes;

    @BeforeAll
    static void writeCollection() throws Exception {
        StringTableWriter strings = new StringTableWriter();
        for (int i = 0; i < 60; i++) {
            strings.add("Mod:Line" + i, "This buff makes your Sim feel " + (i % 2 == 0 ? "happy" : "inspired") + " for " + i + " hours.");
        }
        byte[] stbl = strings.toByteArray();
        stblBytes = stbl.length;
        byte[] dst = new byte[10_000];
        for (int i = 0; i < dst.length; i++) {
            dst[i] = (byte) (i % 64 < 48 ? 0 : i); // mostly empty blocks, like the real samples' DST images
        }
        byte[] png = new byte[500];
        new Random(1).nextBytes(png);
        mods = Files.createDirectories(root.resolve("Mods"));
        DbpfWriter a = DbpfWriter.create(mods.resolve("a.package"));
        try (a) {
            a.add(STBL, stbl, Compression.ZLIB);
            a.add(DST, dst, Compression.NONE);
            a.add(PNG, png, Compression.NONE);
            a.add(SIMDATA, new byte[10], Compression.NONE); // under 64 bytes: stored as it is
        }
        DbpfWriter b = DbpfWriter.inMemory();
        b.add(STBL, stbl, Compression.REFPACK);
        Files.write(mods.resolve("pack.zip"), ConflictsCommandTest.zip(b.toByteArray()));
        Files.write(mods.resolve("broken.package"), new byte[] {'D', 'B', 'P', 'F', 2, 0});
    }

    static String line(String out, String type) {
        Matcher m = Pattern.compile("(?m)^\\{\"type\":\"" + type + "\".*$").matcher(out);
        assertTrue(m.find(), "no line for " + type + " in\n" + out);
        return m.group();
    }

    static long number(String line, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(line);
        assertTrue(m.find(), key + " missing in " + line);
        return Long.parseLong(m.group(1));
    }

    @Test
    void jsonHasOneLinePerTypeAndATotal() {
        Cli r = Cli.run("compress-report", mods.toString(), "--json");
        assertEquals(1, r.exit, "one broken file: " + r.err);
        assertEquals(mods.resolve("broken.package") + ": offset 0: truncated header: file has 6 bytes, a DBPF header needs 96",
                r.err.lines().findFirst().orElse(""));
        assertTrue(r.err.contains("3 packages scanned (1 archives, 0 other files ignored): 5 resources, 1 broken inputs skipped"), r.err);
        assertTrue(r.err.contains("\nbrotli: brotli4j (native libbrotli); lz4: lz4-java "), r.err);
        String[] lines = r.lines();
        assertEquals(5, lines.length, r.out);
        String[] order = {"00B2D882", "220557DA", "2F7D0004", "545AC67A", "total"};
        for (int i = 0; i < order.length; i++) {
            assertTrue(lines[i].startsWith("{\"type\":\"" + order[i] + "\""), "types in order: " + lines[i]);
            assertTrue(lines[i].matches("\\{\"type\":\"\\w+\",\"name\":\"\\w*\",\"count\":\\d+,\"bytes\":\\d+,\"lz4Bytes\":\\d+,"
                    + "\"lz4Nanos\":\\d+,\"brotliQuality\":5,\"brotliBytes\":\\d+,\"brotliNanos\":\\d+,\"strategy\":\"[\\w :()]+\","
                    + "\"storedBytes\":\\d+}"), lines[i]);
        }

        String stbl = line(r.out, "220557DA");
        assertTrue(stbl.contains("\"name\":\"StringTable\"") && stbl.contains("\"strategy\":\"brotli q5\""), stbl);
        assertEquals(2, number(stbl, "count"), "the zipped copy counts too");
        assertEquals(2L * stblBytes, number(stbl, "bytes"));
        assertTrue(number(stbl, "brotliBytes") < number(stbl, "lz4Bytes"), "Brotli beats LZ4 on text: " + stbl);
        assertTrue(number(stbl, "storedBytes") < number(stbl, "bytes") / 2, stbl);

        String dst = line(r.out, "00B2D882");
        assertTrue(dst.contains("\"strategy\":\"lz4\""), dst);
        assertTrue(number(dst, "storedBytes") < 10_000 / 4, dst);
        String png = line(r.out, "2F7D0004");
        assertTrue(png.contains("\"strategy\":\"none\""), png);
        assertEquals(500 + 3, number(png, "storedBytes"), "stored: the bytes and a 3-byte header");
        assertEquals(10 + 2, number(line(r.out, "545AC67A"), "storedBytes"), "too small to try");

        String total = line(r.out, "total");
        assertTrue(total.contains("\"strategy\":\"adaptive\""), total);
        assertEquals(5, number(total, "count"));
        assertEquals(2L * stblBytes + 10_000 + 500 + 10, number(total, "bytes"));
        long stored = 0;
        for (int i = 0; i < 4; i++) {
            stored += number(lines[i], "storedBytes");
        }
        assertEquals(stored, number(total, "storedBytes"));
    }

    @Test
    void textHasAHeaderARowPerTypeAndATotal() {
        Path a = mods.resolve("a.package");
        Cli r = Cli.run("compress-report", a.toString(), "--threads", "1");
        assertEquals(0, r.exit, r.err);
        String[] lines = r.lines();
        assertEquals(6, lines.length, r.out);
        assertTrue(lines[0].matches("type\\s+name\\s+count\\s+bytes\\s+lz4 %\\s+lz4 MB/s\\s+brotli q5 %\\s+brotli MB/s\\s+strategy\\s+stored %"),
                lines[0]);
        assertTrue(lines[2].matches("220557DA\\s+StringTable\\s+1\\s+" + String.format(java.util.Locale.ROOT, "%,d", stblBytes)
                + "\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+brotli q5\\s+[\\d.]+"), lines[2]);
        assertTrue(lines[3].matches("2F7D0004\\s+PNGImage\\s+1\\s+500\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+none\\s+100\\.6"), lines[3]);
        assertTrue(lines[5].matches("total\\s+4\\s+[\\d,]+\\s+.*\\s+adaptive\\s+[\\d.]+"), lines[5]);
    }

    @Test
    void theHelpSaysItIsNotABenchmark() {
        Cli r = Cli.run("compress-report", "--help");
        assertEquals(0, r.exit);
        assertTrue(r.out.contains("a report, not a benchmark"), r.out);
        assertTrue(r.out.contains("--json") && r.out.contains("--threads") && r.out.contains("--stats"), r.out);
    }

    @Test
    void statsNameTheBrotliLibrary() {
        Cli r = Cli.run("compress-report", mods.resolve("a.package").toString(), "--stats");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.err.contains("\nbrotli  brotli4j (native libbrotli)"), r.err);
        assertEquals(1, r.err.split("brotli4j", -1).length - 1, "said once:\n" + r.err);
    }
}
