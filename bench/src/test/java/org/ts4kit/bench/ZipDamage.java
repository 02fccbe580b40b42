package org.ts4kit.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.ts4kit.testkit.RawZip;
import org.ts4kit.testkit.ZipFixtures;

/** ZipFuzzTest's archives and its four kinds of damage, as inputs for any reader. */
final class ZipDamage {
    private static final long[] EDGE_VALUES = {0, 1, 0x7F, 0x80, 0xFF, 0xFFFF, 0x10000, 0x7FFF_FFFFL, 0x8000_0000L,
        0xFFFF_FFFFL, 0xFFFF_FFFEL, Long.MAX_VALUE, Long.MIN_VALUE, -1, -46, 46, 22, 30};

    record Input(String what, byte[] bytes, Map<String, byte[]> original) {
    }

    private ZipDamage() {
    }

    /** ZipFuzzTest's corpus: a java.util.zip archive, a ZIP64 one, one behind a stub. */
    static List<byte[]> corpus(Random random) {
        List<byte[]> archives = new ArrayList<>();
        archives.add(ZipFixtures.contents()
                .directory("Mods/")
                .stored("Mods/a.package", ZipFixtures.fakePackage(random, 40))
                .deflated("Mods/b.package", ZipFixtures.fakePackage(random, 300))
                .deflated("Mods/ñ.ts4script", ZipFixtures.randomBytes(random, 50))
                .stored("empty", new byte[0])
                .comment("PK comment").write());
        archives.add(new RawZip().zip64End()
                .add(RawZip.stored("z/a.package", ZipFixtures.fakePackage(random, 60)).zip64())
                .add(RawZip.deflated("z/b.package", ZipFixtures.fakePackage(random, 200)).zip64())
                .add(RawZip.deflated("c", new byte[0])).build());
        byte[] zip = ZipFixtures.contents().deflated("x.package", ZipFixtures.fakePackage(random, 100)).write();
        byte[] stub = "stub".getBytes(StandardCharsets.US_ASCII);
        byte[] stubbed = Arrays.copyOf(stub, stub.length + zip.length);
        System.arraycopy(zip, 0, stubbed, stub.length, zip.length);
        archives.add(stubbed);
        return archives;
    }

    /** Hands each kind of damage, with its inputs ({@code rounds} per archive, every length for truncation), to {@code kind}. */
    static void fuzz(Random random, int rounds, BiConsumer<String, List<Input>> kind) {
        List<byte[]> corpus = corpus(random);
        List<Input> truncated = new ArrayList<>();
        List<Input> cut = new ArrayList<>();
        List<Input> flipped = new ArrayList<>();
        List<Input> edge = new ArrayList<>();
        for (byte[] archive : corpus) {
            Map<String, byte[]> original = ZipReadersOnHostileInputTest.contents(archive);
            for (int len = 0; len < archive.length; len++) {
                truncated.add(new Input("truncated to " + len, Arrays.copyOf(archive, len), original));
            }
            for (int round = 0; round < rounds; round++) {
                int from = random.nextInt(archive.length);
                int to = from + 1 + random.nextInt(Math.min(64, archive.length - from));
                byte[] c = new byte[archive.length - (to - from)];
                System.arraycopy(archive, 0, c, 0, from);
                System.arraycopy(archive, to, c, from, archive.length - to);
                cut.add(new Input("bytes " + from + ".." + to + " cut out", c, original));
            }
            for (int round = 0; round < rounds; round++) {
                byte[] d = archive.clone();
                StringBuilder what = new StringBuilder("round " + round + ":");
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    int pos = random.nextInt(d.length);
                    d[pos] = (byte) random.nextInt(256);
                    what.append(" byte ").append(pos).append('=').append(d[pos] & 0xFF);
                }
                flipped.add(new Input(what.toString(), d, original));
            }
            for (int round = 0; round < rounds; round++) {
                byte[] d = archive.clone();
                int width = new int[] {2, 4, 8}[random.nextInt(3)];
                int pos = random.nextInt(d.length - width + 1);
                long value = random.nextBoolean() ? EDGE_VALUES[random.nextInt(EDGE_VALUES.length)]
                        : random.nextInt(d.length + 100) - 50;
                for (int i = 0; i < width; i++) {
                    d[pos + i] = (byte) (value >>> (8 * i));
                }
                edge.add(new Input(width + " bytes at " + pos + " = " + value, d, original));
            }
        }
        kind.accept("truncated at every length", truncated);
        kind.accept("1-64 bytes cut out", cut);
        kind.accept("1-4 random bytes changed", flipped);
        kind.accept("a field set to an edge value", edge);
    }
}
