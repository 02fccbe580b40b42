package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;

/** {@code main} registers only the subcommand it runs; nobody can tell from the output. */
class MainTest {
    @TempDir
    static Path dir;
    static String pkg;

    @BeforeAll
    static void writePackage() throws Exception {
        Path p = dir.resolve("mod.package");
        try (DbpfWriter w = DbpfWriter.create(p)) {
            w.add(CliTest.XML, CliTest.XML_BYTES, Compression.ZLIB);
            w.addDeleted(CliTest.GONE);
        }
        pkg = p.toString();
    }

    @Test
    void oneSubcommandPrintsWhatAllSubcommandsPrint() {
        List<String[]> cases = new ArrayList<>(List.of(
                new String[] {}, new String[] {"-h"}, new String[] {"--version"}, new String[] {"help"},
                new String[] {"help", "ls"}, new String[] {"help", "nosuch"}, new String[] {"nosuch"},
                new String[] {"inspec", pkg}, new String[] {"INSPECT", pkg}, new String[] {"-x", "inspect"},
                new String[] {"inspect"}, new String[] {"inspect", "-h"}, new String[] {"inspect", "a", "b"},
                new String[] {"inspect", "--stat", pkg}, new String[] {"inspect", pkg}, new String[] {"inspect", "--", pkg},
                new String[] {"inspect", dir.resolve("missing.package").toString()},
                new String[] {"ls"}, new String[] {"ls", "--typ", "X", pkg}, new String[] {"ls", pkg, "--type", "Foo"},
                new String[] {"ls", "--json", pkg}, new String[] {"cat"}, new String[] {"cat", pkg, "1:2:3"},
                new String[] {"cat", pkg, "zz"}, new String[] {"extract"}, new String[] {"conflicts", "--threads", "x", pkg},
                new String[] {"conflicts", pkg}, new String[] {"gen"}, new String[] {"ls", "--help"}, new String[] {"conflicts", "-h"},
                new String[] {"compress-report"}, new String[] {"compress-report", "-h"}, new String[] {"compress-report", "--threads", "0", pkg},
                new String[] {"gen", "--version"}, new String[] {"extract", "x", "--help"}, new String[] {"bench", "-h"}, new String[] {"bench", "--mb", "x"}));
        for (String[] args : cases) {
            Cli one = Cli.run(args);
            Cli all = Cli.runWithEverySubcommand(args);
            String what = String.join(" ", args);
            assertEquals(all.exit, one.exit, what);
            assertEquals(all.out, one.out, what);
            assertEquals(all.err, one.err, what);
        }
    }

    @Test
    void everySubcommandIsListed() {
        String usage = Cli.run("--help").out;
        int at = -1;
        for (String name : Main.SUBCOMMANDS) {
            int i = usage.indexOf("  " + name + " ");
            assertTrue(i > at, name + " missing or out of order in\n" + usage);
            at = i;
        }
    }
}
