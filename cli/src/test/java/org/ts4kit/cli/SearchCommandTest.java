package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.resource.NameMapWriter;
import org.ts4kit.resource.StringTableWriter;

/** {@code search} and {@code index}: the lines and JSON they promise, with and without a saved index. */
class SearchCommandTest {
    static final ResourceKey TUNING = ResourceKey.parse("6017E896:00000000:00000000000000A1");
    static final ResourceKey TABLE = ResourceKey.parse("220557DA:80000000:00000000000000B2");
    static final ResourceKey IMAGE = ResourceKey.parse("00B2D882:00000000:00000000000000C3");
    static final ResourceKey NAMES = ResourceKey.parse("0166038C:00000000:0000000000000000");

    @TempDir
    Path dir;
    Path mods;
    Path index;

    static byte[] buffPackage(String greeting) throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(TUNING, "<?xml version=\"1.0\"?><I c=\"Buff\" i=\"buff\" m=\"buffs.buff\" n=\"creator:buff_Happy\" s=\"161\"></I>"
                .getBytes(StandardCharsets.UTF_8), Compression.ZLIB);
        w.add(TABLE, new StringTableWriter().add("GREETING", greeting).add("BYE", "See you").toByteArray(), Compression.ZLIB);
        w.add(IMAGE, new byte[64], Compression.NONE);
        w.add(NAMES, new NameMapWriter().add(IMAGE.instance(), "Happy icon").toByteArray(), Compression.NONE);
        return w.toByteArray();
    }

    @BeforeEach
    void collection() throws Exception {
        mods = dir.resolve("Mods");
        Files.createDirectories(mods.resolve("Old"));
        Files.write(mods.resolve("buffs.package"), buffPackage("Good morning, Sim!"));
        Files.write(mods.resolve("Old/buffs.package"), buffPackage("Hello there"));
        Files.write(mods.resolve("broken.package"), new byte[] {'D', 'B', 'P', 'F'});
        index = dir.resolve("cache/mods.ts4idx");
    }

    @Test
    void printsOneLinePerMatchingResourceSortedByPackageThenKey() {
        Cli r = Cli.run("search", "happy", mods.toString());
        assertEquals(1, r.exit, "a broken package: " + r.err);
        assertEquals(String.join("\n",
                "Old/buffs.package  00B2D882:00000000:00000000000000C3  DSTImage  Happy icon",
                "Old/buffs.package  6017E896:00000000:00000000000000A1  BuffTuning  creator:buff_Happy",
                "buffs.package  00B2D882:00000000:00000000000000C3  DSTImage  Happy icon",
                "buffs.package  6017E896:00000000:00000000000000A1  BuffTuning  creator:buff_Happy"), r.out.strip());
        assertTrue(r.err.startsWith(mods.resolve("broken.package") + ": offset 0: truncated header"), r.err);
        assertTrue(r.err.contains("4 of 8 resources match (3 packages; 1 broken inputs)"), r.err);
    }

    @Test
    void jsonLinesNameThePackageKeyTypeAndName() {
        Cli r = Cli.run("search", "text:morning OR (type:BuffTuning -pkg:old)", mods.toString(), "--json", "--limit", "5");
        assertEquals(String.join("\n",
                "{\"package\":\"buffs.package\",\"key\":\"220557DA:80000000:00000000000000B2\",\"type_name\":\"StringTable\"}",
                "{\"package\":\"buffs.package\",\"key\":\"6017E896:00000000:00000000000000A1\",\"type_name\":\"BuffTuning\",\"name\":\"creator:buff_Happy\"}"),
                r.out.strip());
        Cli limited = Cli.run("search", "type:StringTable", mods.toString(), "--limit", "1");
        assertEquals(1, limited.lines().length);
        assertTrue(limited.err.contains("2 of 8 resources match, 1 shown"), limited.err);
    }

    @Test
    void aBadQueryIsAUsageErrorThatPointsAtTheProblem() {
        Cli r = Cli.run("search", "type:StringTable (hello", mods.toString());
        assertEquals(2, r.exit);
        assertEquals("query: column 18: '(' without ')'\n  type:StringTable (hello\n                   ^", r.err.strip());
        assertEquals("", r.out);
    }

    @Test
    void theSavedIndexIsUsedKeptUpToDateAndRebuiltWhenDamaged() throws Exception {
        Cli built = Cli.run("index", mods.toString(), "--index", index.toString());
        assertEquals(1, built.exit, built.err);
        assertTrue(built.err.contains(": 0 packages unchanged, 3 read, 0 removed"), built.err);
        Cli fresh = Cli.run("search", "hello", mods.toString(), "--no-index");
        Cli saved = Cli.run("search", "hello", mods.toString(), "--index", index.toString());
        assertEquals(fresh.out, saved.out);
        assertTrue(saved.err.contains(": 3 packages unchanged, 0 read, 0 removed"), saved.err);

        Path changed = mods.resolve("Old/buffs.package");
        Files.write(changed, buffPackage("Hello again"));
        Files.setLastModifiedTime(changed, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Cli again = Cli.run("search", "text:again", mods.toString(), "--index", index.toString());
        assertEquals("Old/buffs.package  220557DA:80000000:00000000000000B2  StringTable  -", again.out.strip());
        assertTrue(again.err.contains(": 2 packages unchanged, 1 read, 0 removed"), again.err);

        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 1;
        Files.write(index, bytes);
        Cli rebuilt = Cli.run("search", "text:again", mods.toString(), "--index", index.toString());
        assertEquals(again.out, rebuilt.out);
        assertTrue(rebuilt.err.contains("checksum mismatch (the file is damaged); rebuilding it"), rebuilt.err);
        assertTrue(rebuilt.err.contains(": 0 packages unchanged, 3 read, 0 removed"), rebuilt.err);
        assertTrue(Cli.run("search", "text:again", mods.toString(), "--index", index.toString()).err
                .contains(": 3 packages unchanged, 0 read"), "the rebuilt index was saved");
    }

    @Test
    void conflictsUseTheSavedIndexAndSayTheSame() {
        Cli fresh = Cli.run("conflicts", mods.toString(), "--json");
        Cli.run("index", mods.toString(), "--index", index.toString());
        Cli saved = Cli.run("conflicts", mods.toString(), "--json", "--index", index.toString());
        assertEquals(fresh.out, saved.out);
        assertEquals(fresh.exit, saved.exit);
        assertTrue(saved.err.contains("3 packages unchanged"), saved.err);
    }
}
