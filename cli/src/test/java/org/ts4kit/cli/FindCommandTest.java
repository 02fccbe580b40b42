package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/** {@code find KEY PATH...}: the same entries with and without a saved index; the key filters spare the opens. */
class FindCommandTest {
    static final ResourceKey WANTED = ResourceKey.parse("0333406C:00000000:00000000DEADBEEF");

    @TempDir
    Path dir;
    Path mods;
    Path index;

    @BeforeEach
    void collection() throws Exception {
        mods = dir.resolve("Mods");
        Files.createDirectories(mods);
        for (int p = 0; p < 40; p++) {
            DbpfWriter w = DbpfWriter.inMemory();
            for (int r = 0; r < 20; r++) {
                w.add(ResourceKey.parse("0333406C:00000000:" + Long.toHexString(p * 1000L + r)), ("p" + p + "r" + r).getBytes(),
                        Compression.ZLIB);
            }
            if (p == 7 || p == 31) {
                w.add(WANTED, ("held by " + p).getBytes(), p == 7 ? Compression.NONE : Compression.ZLIB);
            }
            Files.write(mods.resolve(String.format("mod%02d.package", p)), w.toByteArray());
        }
        Files.write(mods.resolve("broken.package"), new byte[] {'D', 'B', 'P', 'F'});
        index = dir.resolve("mods.ts4idx");
    }

    @Test
    void printsEveryEntryWithTheKeyAndOpensOnlyWhatTheFiltersAllow() {
        Cli all = Cli.run("find", WANTED.toString(), mods.toString(), "--no-index");
        assertEquals(1, all.exit, "the broken package: " + all.err);
        String[] lines = all.lines();
        assertEquals(2, lines.length, all.out);
        assertTrue(lines[0].startsWith("mod07.package  0333406C:00000000:00000000DEADBEEF  entry 20  offset "), lines[0]);
        assertTrue(lines[0].endsWith("  none"), lines[0]);
        assertTrue(lines[1].startsWith("mod31.package  0333406C:00000000:00000000DEADBEEF  entry 20  "), lines[1]);
        assertTrue(all.err.contains("2 of 41 packages hold 0333406C:00000000:00000000DEADBEEF (41 opened, no saved index)"), all.err);

        Cli.run("index", mods.toString(), "--index", index.toString());
        Cli filtered = Cli.run("find", WANTED.toString(), mods.toString(), "--index", index.toString(), "--stats");
        assertEquals(all.out, filtered.out);
        assertEquals(1, filtered.exit);
        assertTrue(filtered.err.contains(mods.resolve("broken.package") + ": offset 0: truncated header"), filtered.err);
        assertTrue(filtered.err.contains("find: 41 packages listed, 2 opened, 2 hold the key; 0 false positives of 39 packages "
                + "without it (0.0000%)"), filtered.err);
    }

    @Test
    void jsonNamesTheEntry() {
        Cli r = Cli.run("find", "0333406c:0:deadbeef", mods.toString(), "--json", "--no-index");
        assertTrue(r.lines()[0].startsWith("{\"package\":\"mod07.package\",\"key\":\"0333406C:00000000:00000000DEADBEEF\",\"entry\":20,"
                + "\"offset\":"), r.out);
        assertTrue(r.lines()[0].endsWith(",\"fileSize\":9,\"memSize\":9,\"compression\":\"none\"}"), r.out);
    }

    @Test
    void aBadKeyIsAUsageError() {
        Cli r = Cli.run("find", "0333406C:xyz", mods.toString());
        assertEquals(2, r.exit);
        assertTrue(r.err.startsWith("a key reads TYPE:GROUP:INSTANCE in hex, got '0333406C:xyz'"), r.err);
    }
}
