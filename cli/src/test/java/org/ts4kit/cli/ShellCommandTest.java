package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shell}: a collection loaded once, commands from stdin, shown resources served from the cache the second time. */
class ShellCommandTest {
    @TempDir
    Path dir;

    @AfterEach
    void stdin() {
        ShellCommand.input = System.in;
    }

    private Cli shell(String commands, String... args) {
        ShellCommand.input = new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8));
        String[] all = new String[args.length + 1];
        all[0] = "shell";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all);
    }

    @Test
    void searchesFindsAndShowsFromOneLoad() throws Exception {
        Path mods = dir.resolve("Mods");
        Files.createDirectories(mods.resolve("Old"));
        Files.write(mods.resolve("buffs.package"), SearchCommandTest.buffPackage("Good morning, Sim!"));
        Files.write(mods.resolve("Old/buffs.package"), SearchCommandTest.buffPackage("Hello there"));
        Cli r = shell("search text:morning\nshow 1\nshow 1\nfind 220557DA:80000000:B2\nstats\nnope\nquit\nsearch never\n",
                mods.toString(), "--no-index");
        assertEquals(0, r.exit, r.err);
        String[] lines = r.lines();
        assertEquals("   1  buffs.package  220557DA:80000000:00000000000000B2  StringTable  -", lines[0]);
        assertEquals("1 of 8 resources match", lines[1]);
        assertEquals("buffs.package  220557DA:80000000:00000000000000B2  StringTable  60 bytes", lines[2]);
        assertTrue(lines[3].matches("  [0-9A-F]{8}  Good morning, Sim!"), lines[3]);
        assertTrue(lines[4].matches("  [0-9A-F]{8}  See you"), lines[4]);
        assertEquals(String.join("\n", lines[2], lines[3], lines[4]), String.join("\n", lines[5], lines[6], lines[7]),
                "the second show is the same resource");
        assertEquals("   1  Old/buffs.package  220557DA:80000000:00000000000000B2  StringTable  -", lines[8]);
        assertEquals("   2  buffs.package  220557DA:80000000:00000000000000B2  StringTable  -", lines[9]);
        assertEquals("2 of 2 packages hold 220557DA:80000000:00000000000000B2 (2 opened)", lines[10]);
        assertTrue(lines[11].startsWith("cache: 1 hits, 0 misses, 1 negative, 0 evictions; 1 resources in"), lines[11]);
        assertEquals("unknown command 'nope' (help lists them)", lines[12]);
        assertEquals(13, lines.length, "nothing after quit: " + r.out);
    }

    @Test
    void aBadQueryOrResultNumberIsAnAnswerNotAnExit() throws Exception {
        Path mods = dir.resolve("Mods");
        Files.createDirectories(mods);
        Files.write(mods.resolve("a.package"), SearchCommandTest.buffPackage("x"));
        Cli r = shell("search (a\nshow 3\nlimit zero\n", mods.toString(), "--no-index");
        assertEquals(0, r.exit);
        assertEquals("query: column 1: '(' without ')'", r.lines()[0]);
        assertEquals("no result 3 (search or find first)", r.lines()[1]);
        assertEquals("limit takes a number of 1 or more, not 'zero'", r.lines()[2]);
    }
}
