package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.resource.NameMapWriter;
import org.ts4kit.testkit.Seeds;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * {@code ls --details}: names and image sizes as columns and JSON keys, and plain {@code ls}
 * exactly as before the option existed. The package is uncompressed and RefPack only (ts4kit's
 * own encoder), so its bytes, and the golden lines below, do not depend on the JDK's zlib.
 */
class LsDetailsTest {
    static final ResourceKey BUFF = ResourceKey.parse("6017E896:00000000:8000000000000001");
    static final ResourceKey UNNAMED_XML = ResourceKey.parse("0333406C:00000000:8000000000000002");
    static final ResourceKey HAT = ResourceKey.parse("034AEECB:00000000:8000000000000003");
    static final ResourceKey TEXTURE = ResourceKey.parse("00B2D882:00000000:8000000000000004");
    static final ResourceKey ICON = ResourceKey.parse("2F7D0004:00000000:8000000000000005");
    static final ResourceKey EVIL = ResourceKey.parse("C0DB5AE7:00000000:8000000000000006");
    static final ResourceKey GONE = ResourceKey.parse("545AC67A:00000000:8000000000000007");
    static final ResourceKey NAMES = ResourceKey.parse("0166038C:00000000:0000000000000000");

    /** What ts4kit printed for this package before {@code --details} existed (commit 2332f19). */
    static final String PLAIN_LS = ""
            + "6017E896:00000000:8000000000000001         96        49        49 none     BuffTuning\n"
            + "0333406C:00000000:8000000000000002        145        31        31 none     Xml\n"
            + "034AEECB:00000000:8000000000000003        176        11       300 refpack  CASPart\n"
            + "00B2D882:00000000:8000000000000004        187        37       160 refpack  DSTImage\n"
            + "2F7D0004:00000000:8000000000000005        224        33        33 none     PNGImage\n"
            + "C0DB5AE7:00000000:8000000000000006        257         4         4 none     ObjectDefinition\n"
            + "545AC67A:00000000:8000000000000007        261         0         0 deleted  SimData\n"
            + "0166038C:00000000:0000000000000000        261       130       130 none     NameMap\n";
    static final String PLAIN_JSON = ""
            + "{\"type\":\"6017E896\",\"group\":\"00000000\",\"instance\":\"8000000000000001\",\"offset\":96,\"fileSize\":49,\"memSize\":49,\"compression\":\"none\"}\n"
            + "{\"type\":\"0333406C\",\"group\":\"00000000\",\"instance\":\"8000000000000002\",\"offset\":145,\"fileSize\":31,\"memSize\":31,\"compression\":\"none\"}\n"
            + "{\"type\":\"034AEECB\",\"group\":\"00000000\",\"instance\":\"8000000000000003\",\"offset\":176,\"fileSize\":11,\"memSize\":300,\"compression\":\"refpack\"}\n"
            + "{\"type\":\"00B2D882\",\"group\":\"00000000\",\"instance\":\"8000000000000004\",\"offset\":187,\"fileSize\":37,\"memSize\":160,\"compression\":\"refpack\"}\n"
            + "{\"type\":\"2F7D0004\",\"group\":\"00000000\",\"instance\":\"8000000000000005\",\"offset\":224,\"fileSize\":33,\"memSize\":33,\"compression\":\"none\"}\n"
            + "{\"type\":\"C0DB5AE7\",\"group\":\"00000000\",\"instance\":\"8000000000000006\",\"offset\":257,\"fileSize\":4,\"memSize\":4,\"compression\":\"none\"}\n"
            + "{\"type\":\"545AC67A\",\"group\":\"00000000\",\"instance\":\"8000000000000007\",\"offset\":261,\"fileSize\":0,\"memSize\":0,\"compression\":\"deleted\"}\n"
            + "{\"type\":\"0166038C\",\"group\":\"00000000\",\"instance\":\"0000000000000000\",\"offset\":261,\"fileSize\":130,\"memSize\":130,\"compression\":\"none\"}\n";

    static final int TEXTURE_AT = 187;
    static final int ICON_AT = 224;
    static final int NAMES_AT = 261;

    @TempDir
    static Path dir;
    static Path pkg;

    @BeforeAll
    static void writePackage() throws Exception {
        pkg = dir.resolve("details.package");
        Files.write(pkg, packageBytes());
    }

    static byte[] packageBytes() throws Exception {
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(BUFF, "<I c=\"Buff\" n=\"Mod:Buff_Happy\" s=\"1\"><T>1</T></I>".getBytes(StandardCharsets.UTF_8), Compression.NONE);
        w.add(UNNAMED_XML, "<I c=\"Trait\" s=\"2\"><T>1</T></I>".getBytes(StandardCharsets.UTF_8), Compression.NONE);
        w.add(HAT, new byte[300], Compression.REFPACK);
        w.add(TEXTURE, dds(64, 32), Compression.REFPACK);
        w.add(ICON, png(16, 8), Compression.NONE);
        w.add(EVIL, new byte[] {1, 2, 3, 4}, Compression.NONE);
        w.addDeleted(GONE);
        w.add(NAMES, new NameMapWriter()
                .add(BUFF.instance(), "Map:Buff") // the tuning's own n= wins
                .add(UNNAMED_XML.instance(), "Map:Trait")
                .add(HAT.instance(), "Map:Hat with spaces")
                .add(EVIL.instance(), "evil\nname\t\"quoted\"")
                .add(GONE.instance(), "Map:Gone")
                .toByteArray(), Compression.NONE);
        return w.toByteArray();
    }

    static byte[] dds(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(128 + 32).order(ByteOrder.LITTLE_ENDIAN);
        b.put("DDS ".getBytes(StandardCharsets.US_ASCII)).putInt(124).putInt(0x1007).putInt(height).putInt(width);
        b.position(84).put("DST5".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    static byte[] png(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(33).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height);
        return b.array();
    }

    /** Text output's entry lines: everything after the header row. */
    static String[] rows(Cli r) {
        String[] lines = r.lines();
        assertTrue(lines.length > 0 && lines[0].startsWith("key "), "a header row first: " + r.out);
        return java.util.Arrays.copyOfRange(lines, 1, lines.length);
    }

    @Test
    void plainLsAndJsonAreUnchanged() {
        Cli text = Cli.run("ls", pkg.toString());
        assertEquals(0, text.exit, text.err);
        String out = text.out.replace(System.lineSeparator(), "\n");
        assertEquals(LsCommand.textHeader(false, false) + "\n" + PLAIN_LS, out, "the header row, then the entries");

        Cli json = Cli.run("ls", pkg.toString(), "--json");
        assertEquals(0, json.exit, json.err);
        assertEquals(PLAIN_JSON, json.out.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void detailsAddWidthHeightAndNameColumns() {
        Cli r = Cli.run("ls", pkg.toString(), "--details");
        assertEquals(0, r.exit, r.err);
        assertEquals(LsCommand.textHeader(false, true), r.lines()[0]);
        String[] lines = rows(r);
        String[] plain = PLAIN_LS.split("\n");
        String[] added = {
            " - - Mod:Buff_Happy", " - - Map:Trait", " - - Map:Hat with spaces", " 64 32 -", " 16 8 -",
            " - - evil?name?\"quoted\"", " - - -", " - - -"};
        assertEquals(plain.length, lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(plain[i] + added[i], lines[i], "line " + i);
        }
    }

    @Test
    void detailsInJsonAreKeysPresentOnlyWhenKnown() {
        Cli r = Cli.run("ls", pkg.toString(), "--details", "--json", "--hash");
        assertEquals(0, r.exit, r.err);
        String[] lines = r.lines();
        assertTrue(lines[0].matches("\\{.*\"compression\":\"none\",\"sha256\":\"[0-9a-f]{64}\",\"name\":\"Mod:Buff_Happy\"}"), lines[0]);
        assertTrue(lines[3].endsWith(",\"width\":64,\"height\":32}") && !lines[3].contains("\"name\""), lines[3]);
        assertTrue(lines[4].endsWith(",\"width\":16,\"height\":8}"), lines[4]);
        assertTrue(lines[5].endsWith(",\"name\":\"evil\\nname\\t\\\"quoted\\\"\"}"), lines[5]);
        assertFalse(lines[6].contains("\"name\""), "a deleted entry has no details: " + lines[6]);
        assertFalse(lines[7].contains("\"name\"") || lines[7].contains("\"width\""), lines[7]);
    }

    @Test
    void typeFilterGoesThroughTheIndexFilterWithTheSameLines() {
        Cli r = Cli.run("ls", pkg.toString(), "--type", "DSTImage", "--details");
        assertEquals(0, r.exit, r.err);
        assertArrayEquals(new String[] {PLAIN_LS.split("\n")[3] + " 64 32 -"}, rows(r));
        assertArrayEquals(new String[] {PLAIN_LS.split("\n")[6]}, rows(Cli.run("ls", pkg.toString(), "--type", "545AC67A")));
        assertEquals(0, rows(Cli.run("ls", pkg.toString(), "--type", "220557DA")).length, "the header row only");
    }

    @Test
    void aLyingImageHeaderOnlyCostsTheSize() throws Exception {
        byte[] b = packageBytes();
        ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putInt(ICON_AT + 20, 0xFFFF_FFFF); // PNG height 2^32 - 1
        Path liar = dir.resolve("lying-png.package");
        Files.write(liar, b);
        Cli r = Cli.run("ls", liar.toString(), "--details", "--json");
        assertEquals(0, r.exit, r.err);
        assertTrue(r.lines()[4].endsWith("\"compression\":\"none\"}"), r.lines()[4]);
    }

    @Test
    void aBrokenEntryKeepsItsErrorLineAndHasNoDetails() throws Exception {
        byte[] b = packageBytes();
        b[TEXTURE_AT] = 0; // RefPack flags 0x00 0x00: not a RefPack stream
        b[TEXTURE_AT + 1] = 0;
        Path broken = dir.resolve("broken.package");
        Files.write(broken, b);
        assertEquals(0, Cli.run("ls", broken.toString()).exit, "plain ls only checks the entry");
        Cli r = Cli.run("ls", broken.toString(), "--details");
        assertEquals(1, r.exit);
        assertTrue(r.err.startsWith(broken + ": offset " + TEXTURE_AT + ": "), r.err);
        assertEquals(1, r.err.strip().split("\n").length, "one error line: " + r.err);
        assertEquals(PLAIN_LS.split("\n")[3] + " - - -", rows(r)[3]);
        assertTrue(rows(r)[0].endsWith(" - - Mod:Buff_Happy"), "the other entries keep theirs: " + rows(r)[0]);
    }

    @Test
    void aLyingNameMapOnlyCostsTheNames() throws Exception {
        byte[] b = packageBytes();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(NAMES_AT + 4, 1_000_000); // entry count past the end
        Path liar = dir.resolve("lying-map.package");
        Files.write(liar, b);
        Cli r = Cli.run("ls", liar.toString(), "--details");
        assertEquals(0, r.exit, r.err);
        assertTrue(rows(r)[0].endsWith(" - - Mod:Buff_Happy"), "the tuning still names itself: " + rows(r)[0]);
        assertTrue(rows(r)[2].endsWith(" CASPart - - -"), rows(r)[2]);
    }

    /**
     * On a generated corpus, broken packages included: {@code --details} only ever adds the three
     * keys. With {@code --hash} every entry is decoded either way, so the error lines and exit codes
     * must be the same too; and the corpus must have given some names and sizes.
     */
    @Test
    void onAGeneratedCorpusDetailsOnlyAddKeys() throws Exception {
        Seeds.Seed seed = Seeds.of(getClass(), "onAGeneratedCorpusDetailsOnlyAddKeys");
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.generate(corpus, 12, seed.value, 0);
        List<Path> packages;
        try (Stream<Path> files = Files.walk(corpus)) {
            packages = files.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".package")).sorted().toList();
        }
        int names = 0;
        int sizes = 0;
        for (Path p : packages) {
            Cli plain = Cli.run("ls", p.toString(), "--json", "--hash");
            Cli detailed = Cli.run("ls", p.toString(), "--json", "--hash", "--details");
            String context = p + ", " + seed;
            assertEquals(plain.exit, detailed.exit, context);
            assertEquals(plain.err, detailed.err, context);
            assertEquals(plain.out, detailed.out.replaceAll(",\"name\":\"(?:[^\"\\\\]|\\\\.)*\"", "")
                    .replaceAll(",\"width\":\\d+,\"height\":\\d+", ""), context);
            names += detailed.out.split("\"name\":", -1).length - 1;
            sizes += detailed.out.split("\"width\":", -1).length - 1;
        }
        assertTrue(names > 0 && sizes > 0, names + " names, " + sizes + " sizes in " + packages.size() + " packages");
    }
}
