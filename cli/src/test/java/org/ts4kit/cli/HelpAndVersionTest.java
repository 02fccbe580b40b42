package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code SUB --help}, {@code SUB -h}, {@code help SUB} and {@code --version}, as picocli tools behave. */
class HelpAndVersionTest {
    @Test
    void everySubcommandHasHelpThatExitsZero() {
        for (String sub : Main.SUBCOMMANDS) {
            if (sub.equals("help")) {
                continue;
            }
            Cli viaHelp = Cli.run("help", sub);
            assertEquals(0, viaHelp.exit, sub + ": " + viaHelp.err);
            assertTrue(viaHelp.out.startsWith("Usage: ts4kit " + sub + " "), viaHelp.out);
            for (String flag : new String[] {"--help", "-h"}) {
                Cli r = Cli.run(sub, flag);
                assertEquals(0, r.exit, sub + " " + flag + ": " + r.err);
                assertEquals("", r.err, sub + " " + flag);
                assertEquals(viaHelp.out, r.out, sub + " " + flag + " prints what help " + sub + " prints");
                assertTrue(r.out.contains("-h, --help"), r.out);
            }
        }
    }

    @Test
    void helpWinsOverMissingArguments() {
        Cli r = Cli.run("cat", "no-such.package", "--help");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.startsWith("Usage: ts4kit cat "), r.out);
    }

    @Test
    void versionIsTheBuiltProjectVersion() {
        String built = Version.fromResource();
        assertTrue(built != null && Pattern.matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?", built),
                "version.properties is filtered by Maven: " + built);
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"ls", "--version"}}) {
            Cli r = Cli.run(args);
            assertEquals(0, r.exit, r.err);
            assertEquals("ts4kit " + built + " (Java " + System.getProperty("java.version") + ")", r.out.strip());
        }
    }
}
