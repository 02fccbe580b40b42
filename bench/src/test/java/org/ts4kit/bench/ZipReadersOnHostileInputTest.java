package org.ts4kit.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.ts4kit.bench.ZipReaders.Outcome;
import org.ts4kit.bench.ZipReaders.Reader;
import org.ts4kit.bench.ZipReaders.Result;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;
import org.ts4kit.testkit.RawZip;
import org.ts4kit.testkit.Seeds;

/**
 * The hostile archives of core's HostileZipTest (one lying field each) and ZipFuzzTest's damage
 * (truncations, cut-outs, byte flips, edge values), read by core's reader and by Commons Compress.
 * Prints the table bench/README.md quotes (also written to {@code target/zip-hostile-table.md}).
 * Asserts only that core stays safe: Commons Compress's column is a measurement, not a requirement.
 */
class ZipReadersOnHostileInputTest {
    static final Reader[] READERS = {ZipReaders.TS4KIT, ZipReaders.COMMONS_COMPRESS};
    static final byte[] PKG = "DBPF then the same few bytes again and again. ".repeat(40).getBytes(StandardCharsets.US_ASCII);
    static final Map<String, byte[]> WRITTEN = Map.of("a/stored.package", PKG, "a/b.package", PKG);

    /** HostileZipTest's two-member archive with one field made to lie. */
    static final class Case {
        final String name;
        final RawZip raw = new RawZip().add(RawZip.stored("a/stored.package", PKG)).add(RawZip.deflated("a/b.package", PKG));
        final byte[] bytes = raw.build();

        Case(String name, Consumer<Case> damage) {
            this.name = name;
            damage.accept(this);
        }

        long central(int i) {
            return raw.centralOffsets.get(i);
        }

        long local(int i) {
            return raw.localOffsets.get(i);
        }

        long data(int i) {
            return local(i) + 30 + raw.entries.get(i).name.length;
        }
    }

    static List<Case> cases() {
        int n = PKG.length;
        List<Case> c = new ArrayList<>();
        c.add(new Case("untouched", z -> { }));
        c.add(new Case("comment length past the end, directory real", z -> RawZip.putShort(z.bytes, z.raw.eocdOffset + 20, 5)));
        c.add(new Case("comment length past the end, no directory", z -> {
            RawZip.putShort(z.bytes, z.raw.eocdOffset + 20, 5);
            RawZip.putInt(z.bytes, z.raw.cdOffset, 0);
        }));
        c.add(new Case("directory offset past the end", z -> RawZip.putInt(z.bytes, z.raw.eocdOffset + 16, 0x7FFF_0000L)));
        c.add(new Case("directory larger than the archive", z -> RawZip.putInt(z.bytes, z.raw.eocdOffset + 12, 0xFFFF_FFF0L)));
        c.add(new Case("directory offset points at data", z -> {
            RawZip.putInt(z.bytes, z.raw.eocdOffset + 16, z.raw.cdOffset - 100);
            RawZip.putInt(z.bytes, z.raw.eocdOffset + 12, z.raw.eocdOffset - z.raw.cdOffset - 4);
        }));
        c.add(new Case("entry count lies (5 for 2)", z -> RawZip.putShort(z.bytes, z.raw.eocdOffset + 10, 5)));
        c.add(new Case("name runs past the directory", z -> RawZip.putShort(z.bytes, z.central(1) + 28, 60_000)));
        c.add(new Case("local header offset outside", z -> RawZip.putInt(z.bytes, z.central(1) + 42, 0xFFFF_0000L)));
        c.add(new Case("local header offset into data", z -> RawZip.putInt(z.bytes, z.central(1) + 42, 100)));
        c.add(new Case("compressed size past the end", z -> RawZip.putInt(z.bytes, z.central(1) + 20, 0x7000_0000L)));
        c.add(new Case("local extra length past the end", z -> RawZip.putShort(z.bytes, z.local(1) + 28, 65_535)));
        c.add(new Case("stored entry, sizes disagree", z -> RawZip.putInt(z.bytes, z.central(0) + 24, n + 1)));
        c.add(new Case("CRC mismatch, stored", z -> RawZip.putInt(z.bytes, z.central(0) + 16, 0x12345678)));
        c.add(new Case("CRC mismatch, deflated", z -> RawZip.putInt(z.bytes, z.central(1) + 16, 0x12345678)));
        c.add(new Case("flipped byte in stored data", z -> z.bytes[(int) z.data(0) + 7] ^= 1));
        c.add(new Case("unsupported method 14 (LZMA)", z -> RawZip.putShort(z.bytes, z.central(1) + 10, 14)));
        c.add(new Case("method 93 (Zstandard)", z -> RawZip.putShort(z.bytes, z.central(1) + 10, 93)));
        c.add(new Case("method 95 (XZ)", z -> RawZip.putShort(z.bytes, z.central(1) + 10, 95)));
        c.add(new Case("encrypted flag", z -> RawZip.putShort(z.bytes, z.central(0) + 8, 1 | 1 << 11 /* encrypted, UTF-8 names */)));
        c.add(new Case("declared size larger than the stream", z -> RawZip.putInt(z.bytes, z.central(1) + 24, n + 10)));
        c.add(new Case("declared size smaller than the stream", z -> RawZip.putInt(z.bytes, z.central(1) + 24, n - 10)));
        long compressed = new Case("", z -> { }).raw.entries.get(1).compressedSize;
        c.add(new Case("compressed size cuts the stream", z -> RawZip.putInt(z.bytes, z.central(1) + 20, compressed - 3)));
        c.add(new Case("compressed size longer than the stream", z -> RawZip.putInt(z.bytes, z.central(1) + 20, compressed + 5)));
        c.add(new Case("garbage instead of deflate data", z -> Arrays.fill(z.bytes, (int) z.data(1), (int) z.data(1) + 8, (byte) 0xFF)));
        c.add(new Case("decompression bomb (declares 200 MB)", z -> RawZip.putInt(z.bytes, z.central(1) + 24, 200_000_000)));
        return c;
    }

    @Test
    void hostileArchivesAndFuzzedDamage() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| hostile archive (HostileZipTest) | ").append(READERS[0].name()).append(" | ").append(READERS[1].name())
                .append(" |\n|---|---|---|\n");
        for (byte[] notZip : new byte[][] {new byte[0], new byte[21], "DBPF".repeat(30).getBytes(StandardCharsets.US_ASCII)}) {
            row(table, "not a zip (" + notZip.length + " bytes)", notZip, Map.of());
        }
        for (Case c : cases()) {
            row(table, c.name, c.bytes, WRITTEN);
        }
        Seeds.Seed seed = Seeds.of(getClass(), "hostileArchivesAndFuzzedDamage");
        table.append("\n| damage (ZipFuzzTest, ").append("seed ").append(seed.value).append(") | inputs | ")
                .append(READERS[0].name()).append(" | ").append(READERS[1].name()).append(" |\n|---|---|---|---|\n");
        ZipDamage.fuzz(seed.random, 600, (kind, inputs) -> {
            List<Map<Outcome, Integer>> counts = new ArrayList<>();
            for (Reader r : READERS) {
                Map<Outcome, Integer> n = new EnumMap<>(Outcome.class);
                for (ZipDamage.Input in : inputs) {
                    Result res = ZipReaders.run(r, in.bytes(), in.original());
                    if (n.merge(res.outcome(), 1, Integer::sum) == 1 && res.outcome().compareTo(Outcome.INCONSISTENT) >= 0) {
                        System.out.println(r.name() + ", " + kind + ", first " + res.outcome() + ": " + in.what() + ": " + res);
                    }
                    if (r == ZipReaders.TS4KIT) {
                        assertSafe(res, kind + ": " + in.what());
                    }
                }
                counts.add(n);
            }
            table.append("| ").append(kind).append(" | ").append(inputs.size()).append(" | ").append(counts.get(0))
                    .append(" | ").append(counts.get(1)).append(" |\n");
        });
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "zip-hostile-table.md"), table);
    }

    private static void row(StringBuilder table, String name, byte[] archive, Map<String, byte[]> written) {
        Result ours = ZipReaders.run(ZipReaders.TS4KIT, archive, written);
        assertSafe(ours, name);
        Result theirs = ZipReaders.run(ZipReaders.COMMONS_COMPRESS, archive, written);
        table.append("| ").append(name).append(" | ").append(ours).append(" | ").append(theirs).append(" |\n");
    }

    private static void assertSafe(Result r, String what) {
        assertTrue(r.outcome() == Outcome.OK || r.outcome() == Outcome.REJECTED, what + ": core's reader gave " + r);
    }

    /** What a member of an undamaged archive holds, by name (the first of a repeated name). */
    static Map<String, byte[]> contents(byte[] archive) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipArchive zip = ZipArchive.open(ByteSources.wrap("original.zip", archive))) {
            for (ZipEntryInfo e : zip.entries()) {
                ByteBuffer d = zip.data(e);
                byte[] b = new byte[d.remaining()];
                d.get(b);
                out.putIfAbsent(e.name(), b);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
