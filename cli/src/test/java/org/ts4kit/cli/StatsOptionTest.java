package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.cache.ResourceCache;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.telemetry.Telemetry;

/** {@code --stats} adds a table to stderr and leaves stdout exactly as it was. */
class StatsOptionTest {
    @TempDir
    static Path dir;
    static Path pkg;

    @BeforeAll
    static void writePackage() throws Exception {
        pkg = dir.resolve("mod.package");
        try (DbpfWriter w = DbpfWriter.create(pkg)) {
            w.add(CliTest.XML, CliTest.XML_BYTES, Compression.ZLIB);
            w.add(CliTest.STBL, new byte[] {'S', 'T', 'B', 'L', 5, 0, 0}, Compression.REFPACK);
        }
        Files.copy(pkg, dir.resolve("copy.package"));
    }

    static long count(String err, String row) {
        Matcher m = Pattern.compile("(?m)^" + row + "\\s+([\\d,]+)").matcher(err);
        assertTrue(m.find(), "no " + row + " row in:\n" + err);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    static void assertTable(String err) {
        for (String row : new String[] {"stats ", "opens ", "reads ", "errors ", "gc ", "heap ", "rss "}) {
            assertTrue(err.contains("\n" + row) || err.startsWith(row), "no '" + row.trim() + "' row in:\n" + err);
        }
        assertTrue(err.contains("p99") && err.contains("MB stored"), err);
    }

    @Test
    void lsWithStatsPrintsTheTableToStderrOnly() {
        Cli plain = Cli.run("ls", pkg.toString(), "--hash");
        Cli stats = Cli.run("ls", pkg.toString(), "--hash", "--stats");
        assertEquals(0, stats.exit, stats.err);
        assertEquals(plain.out, stats.out, "stdout is unchanged");
        assertFalse(plain.err.contains("opens"), plain.err);
        assertTable(stats.err);
        assertEquals(1, count(stats.err, "opens"));
        assertEquals(2, count(stats.err, "reads"));
        assertEquals(0, count(stats.err, "errors"));
    }

    @Test
    void everyPackageCommandTakesStats() {
        Path out = dir.resolve("out");
        String[][] commands = {
            {"inspect", pkg.toString()},
            {"cat", pkg.toString(), CliTest.XML.toString()},
            {"extract", pkg.toString(), out.toString(), "--force"}, // run twice into the same folder
            {"conflicts", dir.toString(), "--threads", "2"},
        };
        for (String[] args : commands) {
            Cli plain = Cli.run(args);
            String[] withStats = java.util.Arrays.copyOf(args, args.length + 1);
            withStats[args.length] = "--stats";
            Cli stats = Cli.run(withStats);
            assertEquals(plain.exit, stats.exit, args[0] + ": " + stats.err);
            assertEquals(plain.out, stats.out, args[0] + ": stdout is unchanged");
            assertArrayEquals(plain.binary, stats.binary, args[0] + ": binary stdout is unchanged");
            assertTable(stats.err);
            assertTrue(stats.err.startsWith(plain.err), args[0] + ": the table comes after what the command prints\n" + stats.err);
        }
        Cli conflicts = Cli.run("conflicts", dir.toString(), "--stats");
        assertEquals(2, count(conflicts.err, "opens"), "both packages opened once");
        assertTrue(conflicts.err.contains("hits") && conflicts.err.contains("(shared buffer pool)"),
                "a scan decodes into buffers from the shared pool\n" + conflicts.err);
    }

    @Test
    void cacheLineOnlyWhenACacheWasUsed() {
        Telemetry t = new Telemetry();
        assertFalse(printed(t).contains("\ncache "), "no cache activity, no line");
        ResourceCache cache = ResourceCache.builder(1 << 20).telemetry(t).build();
        cache.put(1, 2, 3, 4, new byte[(1 << 20) / 4]);
        cache.get(1, 2, 3, 4);
        cache.get(1, 2, 3, 5);
        String err = printed(t);
        Matcher m = Pattern.compile("(?m)^cache\\s+1 hits, (\\d+) misses, (\\d+) negative, 0 evictions, 0\\.3 MB held$").matcher(err);
        assertTrue(m.find(), err);
        assertEquals(1, Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)), "the absent key: a miss or, mostly, a negative");
    }

    private static String printed(Telemetry t) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (java.io.PrintWriter err = new java.io.PrintWriter(out)) {
            StatsOption.print(err, t.snapshot());
        }
        return out.toString();
    }

    @Test
    void brokenInputShowsAsErrors() throws Exception {
        Path broken = dir.resolve("broken.bin");
        Files.write(broken, new byte[] {'D', 'B', 'P', 'F', 2, 0});
        Cli r = Cli.run("inspect", broken.toString(), "--stats");
        assertEquals(1, r.exit);
        assertEquals(1, count(r.err, "errors"));
        assertEquals(0, count(r.err, "opens"));
    }
}
