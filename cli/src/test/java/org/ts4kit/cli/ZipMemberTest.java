package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.RawZip;

/**
 * {@code inspect}, {@code ls}, {@code cat} and {@code extract} read {@code ARCHIVE.zip!/inner/x.package},
 * the names {@code conflicts} prints; a plain zip is a usage error that lists what to name instead.
 */
class ZipMemberTest {
    @TempDir
    static Path dir;
    static Path zip;
    static byte[] pkgBytes;

    @BeforeAll
    static void writeArchive() throws Exception {
        Path loose = dir.resolve("loose.package");
        try (org.ts4kit.dbpf.DbpfWriter w = org.ts4kit.dbpf.DbpfWriter.create(loose)) {
            w.add(CliTest.XML, CliTest.XML_BYTES, org.ts4kit.dbpf.Compression.ZLIB);
            w.add(CliTest.STBL, new byte[] {'S', 'T', 'B', 'L', 5, 0, 0}, org.ts4kit.dbpf.Compression.REFPACK);
        }
        pkgBytes = Files.readAllBytes(loose);
        byte[] broken = Arrays.copyOf(pkgBytes, 40);
        zip = dir.resolve("Mod Pack.zip");
        Files.write(zip, new RawZip()
                .add(RawZip.stored("Mods/stored.package", pkgBytes))
                .add(RawZip.deflated("Mods/My Mod/deflated.package", pkgBytes))
                .add(RawZip.stored("Mods/", new byte[0]))
                .add(RawZip.deflated("broken.package", broken))
                .add(RawZip.deflated("readme.txt", "hello".getBytes()))
                .build());
    }

    static String member(String inner) {
        return zip + "!/" + inner;
    }

    @Test
    void everyCommandReadsStoredAndDeflatedMembersLikeTheLooseFile() throws Exception {
        Path loose = dir.resolve("loose.package");
        String looseLs = Cli.run("ls", loose.toString(), "--json", "--hash").out;
        String looseInspect = Cli.run("inspect", loose.toString()).out;
        for (String inner : new String[] {"Mods/stored.package", "Mods/My Mod/deflated.package"}) {
            String name = member(inner);
            Cli ls = Cli.run("ls", name, "--json", "--hash");
            assertEquals(0, ls.exit, ls.err);
            assertEquals(looseLs, ls.out, name);
            Cli inspect = Cli.run("inspect", name);
            assertEquals(0, inspect.exit, inspect.err);
            assertEquals(looseInspect.replace(loose.toString(), name), inspect.out);
            Cli cat = Cli.run("cat", name, CliTest.XML.toString());
            assertEquals(0, cat.exit, cat.err);
            assertArrayEquals(CliTest.XML_BYTES, cat.binary);
            Path out = dir.resolve("x-" + inner.hashCode());
            Cli extract = Cli.run("extract", name, out.toString());
            assertEquals(0, extract.exit, extract.err);
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(2, files.count());
            }
        }
    }

    @Test
    void everyNameConflictsPrintsOpensWithLs() throws Exception {
        Path scan = Files.createDirectories(dir.resolve("scan"));
        Files.copy(zip, scan.resolve("pack.zip"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("loose.package"), scan.resolve("loose.package"), StandardCopyOption.REPLACE_EXISTING);
        Cli conflicts = Cli.run("conflicts", scan.toString(), "--json");
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("\"packages\":\\[([^\\]]*)\\]").matcher(conflicts.out);
        while (m.find()) {
            for (String quoted : m.group(1).split(",")) {
                names.add(quoted.substring(1, quoted.length() - 1));
            }
        }
        assertEquals(java.util.Set.of("loose.package", "pack.zip!/Mods/My Mod/deflated.package", "pack.zip!/Mods/stored.package"),
                names, conflicts.out);
        String expected = Cli.run("ls", scan.resolve("loose.package").toString(), "--json").out;
        for (String name : names) {
            Cli ls = Cli.run("ls", scan.resolve(name).toString(), "--json");
            assertEquals(0, ls.exit, name + ": " + ls.err);
            assertEquals(expected, ls.out, name);
        }
    }

    @Test
    void aMissingMemberIsAMissingInputWithTheMembersListed() {
        String name = member("Mods/nope.package");
        for (String cmd : new String[] {"ls", "inspect"}) {
            Cli r = Cli.run(cmd, name);
            assertEquals(1, r.exit, r.err);
            assertEquals("", r.out);
            assertTrue(r.err.startsWith(name + ": offset 0: no member Mods/nope.package in " + zip + "; members: "), r.err);
            assertTrue(r.err.contains("Mods/stored.package, 'Mods/My Mod/deflated.package', broken.package"), r.err);
            assertFalse(r.err.contains("readme"), "only packages are listed: " + r.err);
        }
        Cli folder = Cli.run("ls", member("Mods/"));
        assertEquals(1, folder.exit);
        assertTrue(folder.err.contains(": offset 0: no member Mods in "), "a folder is no package: " + folder.err);
    }

    @Test
    void aBrokenMemberIsNamedWithItsPathInsideTheArchive() {
        Cli r = Cli.run("inspect", member("broken.package"));
        assertEquals(1, r.exit);
        assertTrue(r.err.startsWith(member("broken.package") + ": offset "), r.err);
    }

    @Test
    void aPlainZipIsAUsageErrorThatSaysWhatToNameInstead() {
        for (String cmd : new String[] {"ls", "inspect", "extract", "cat"}) {
            String[] args = cmd.equals("cat") ? new String[] {cmd, zip.toString(), CliTest.XML.toString()}
                    : cmd.equals("extract") ? new String[] {cmd, zip.toString(), dir.resolve("never").toString()}
                    : new String[] {cmd, zip.toString()};
            Cli r = Cli.run(args);
            assertEquals(2, r.exit, cmd);
            assertEquals("", r.out);
            assertTrue(r.err.startsWith(zip + ": this is a zip archive; name a package inside it, e.g. " + zip
                    + "!/inner/x.package (members: Mods/stored.package, "), r.err);
            assertTrue(r.err.contains("Usage: ts4kit " + cmd), r.err);
        }
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void aMissingArchiveIsAMissingFile() {
        String name = dir.resolve("none.zip") + "!/a.package";
        Cli r = Cli.run("ls", name);
        assertEquals(1, r.exit);
        assertTrue(r.err.startsWith(name + ": offset 0: cannot read"), r.err);
    }
}
