package org.ts4kit.io.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.testkit.Seeds;
import org.ts4kit.testkit.ZipFixtures;

/**
 * Seeded hostile input: truncations, cut-outs, random byte flips and fields overwritten with
 * edge values. Whatever the damage, reading either fails with a {@link ZipFormatException} or
 * returns bytes whose length and CRC-32 are what the entry declares; never another exception,
 * a hang or an allocation past the cap.
 */
class ZipFuzzTest {
    private static final long CAP = 1 << 20;

    @Test
    void truncatedArchivesFailOrReadBackTheOriginalBytes() {
        Seeds.Seed seed = Seeds.of(getClass(), "truncatedArchivesFailOrReadBackTheOriginalBytes");
        Random random = seed.random;
        for (byte[] archive : ZipFixtures.fuzzCorpus(random)) {
            Map<String, byte[]> original = readAll(archive, "original");
            for (int len = 0; len < archive.length; len++) {
                Map<String, byte[]> read = readOrFail(java.util.Arrays.copyOf(archive, len), seed + ": truncated to " + len);
                if (read != null) {
                    read.forEach((name, data) -> assertArrayEquals(original.get(name), data, name));
                }
            }
        }
    }

    @Test
    void archivesWithBytesCutOutFailOrReadConsistentData() {
        Seeds.Seed seed = Seeds.of(getClass(), "archivesWithBytesCutOutFailOrReadConsistentData");
        Random random = seed.random;
        int rounds = 2000 * Seeds.multiplier();
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (byte[] archive : ZipFixtures.fuzzCorpus(random)) {
                for (int round = 0; round < rounds; round++) {
                    int from = random.nextInt(archive.length);
                    int to = from + 1 + random.nextInt(Math.min(64, archive.length - from));
                    byte[] cut = new byte[archive.length - (to - from)];
                    System.arraycopy(archive, 0, cut, 0, from);
                    System.arraycopy(archive, to, cut, from, archive.length - to);
                    readOrFail(cut, seed + ": bytes " + from + ".." + to + " cut out");
                }
            }
        });
    }

    @Test
    void randomByteFlipsFailOrReadConsistentData() {
        Seeds.Seed seed = Seeds.of(getClass(), "randomByteFlipsFailOrReadConsistentData");
        Random random = seed.random;
        int rounds = 5000 * Seeds.multiplier();
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (byte[] archive : ZipFixtures.fuzzCorpus(random)) {
                for (int round = 0; round < rounds; round++) {
                    byte[] damaged = archive.clone();
                    StringBuilder what = new StringBuilder(seed + ": round " + round + ":");
                    for (int k = 1 + random.nextInt(4); k > 0; k--) {
                        int pos = random.nextInt(damaged.length);
                        damaged[pos] = (byte) random.nextInt(256);
                        what.append(" byte ").append(pos).append('=').append(damaged[pos] & 0xFF);
                    }
                    readOrFail(damaged, what.toString());
                }
            }
        });
    }

    @Test
    void fieldsOverwrittenWithEdgeValuesFailOrReadConsistentData() {
        Seeds.Seed seed = Seeds.of(getClass(), "fieldsOverwrittenWithEdgeValuesFailOrReadConsistentData");
        Random random = seed.random;
        int rounds = 5000 * Seeds.multiplier();
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (byte[] archive : ZipFixtures.fuzzCorpus(random)) {
                for (int round = 0; round < rounds; round++) {
                    byte[] damaged = archive.clone();
                    int width = new int[] {2, 4, 8}[random.nextInt(3)];
                    int pos = random.nextInt(damaged.length - width + 1);
                    long value = random.nextBoolean() ? ZipFixtures.EDGE_VALUES[random.nextInt(ZipFixtures.EDGE_VALUES.length)]
                            : random.nextInt(damaged.length + 100) - 50;
                    for (int i = 0; i < width; i++) {
                        damaged[pos + i] = (byte) (value >>> (8 * i));
                    }
                    readOrFail(damaged, seed + ": round " + round + ": " + width + " bytes at " + pos + " = " + value);
                }
            }
        });
    }

    /** Opens and reads every entry; null when a {@link ZipFormatException} said the input is bad. */
    static Map<String, byte[]> readOrFail(byte[] archive, String what) {
        try {
            return readAll(ByteSources.wrap("fuzz.zip", archive), what);
        } catch (ZipFormatException expected) {
            return null;
        }
    }

    private static Map<String, byte[]> readAll(byte[] archive, String what) {
        try {
            return readAll(ByteSources.wrap("fuzz.zip", archive), what);
        } catch (ZipFormatException e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }

    /** Reads every entry; an entry that fails is left out, and the first failure is rethrown at the end. */
    static Map<String, byte[]> readAll(ByteSource src, String what) throws ZipFormatException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        ZipFormatException first = null;
        try (ZipArchive zip = ZipArchive.open(src, CAP)) {
            for (ZipEntryInfo e : zip.entries()) {
                try {
                    ByteBuffer data = zip.data(e);
                    assertEquals(e.size(), data.remaining(), what + ": " + e);
                    assertEquals(e.crc(), crc(data), what + ": " + e);
                    out.putIfAbsent(e.name(), ZipArchiveTest.bytes(data));
                } catch (ZipFormatException x) {
                    first = first == null ? x : first;
                }
            }
        } catch (RuntimeException | Error x) {
            fail(what + ": " + x, x);
        }
        if (first != null) {
            throw first;
        }
        return out;
    }

    private static long crc(ByteBuffer data) {
        CRC32 c = new CRC32();
        c.update(data.duplicate());
        return c.getValue();
    }
}
