package org.ts4kit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.ts4kit.testkit.ZipFixtures;

/** ZipFuzzTest's archives and its four kinds of damage, as inputs for any reader. */
final class ZipDamage {

    record Input(String what, byte[] bytes, Map<String, byte[]> original) {
    }

    private ZipDamage() {
    }

    /** Hands each kind of damage, with its inputs ({@code rounds} per archive, every length for truncation), to {@code kind}. */
    static void fuzz(Random random, int rounds, BiConsumer<String, List<Input>> kind) {
        List<byte[]> corpus = ZipFixtures.fuzzCorpus(random);
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
                long value = random.nextBoolean() ? ZipFixtures.EDGE_VALUES[random.nextInt(ZipFixtures.EDGE_VALUES.length)]
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
