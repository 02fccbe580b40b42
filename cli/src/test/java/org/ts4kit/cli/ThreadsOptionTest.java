package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;

/**
 * {@code --threads N} changes how fast, never what: {@code ls --hash}, {@code ls --details},
 * {@code extract} and {@code cat} print, write and report the same with one thread as with several,
 * on a package whose corrupt entries are spread among good ones; {@code --threads 0} is a usage error.
 */
class ThreadsOptionTest {
    static final int ENTRIES = 240;
    static final ResourceKey MISSING = ResourceKey.parse("0333406C:00000000:00000000DEADBEEF");

    @TempDir
    static Path dir;
    static Path pkg;
    static final List<ResourceKey> keys = new ArrayList<>();
    static final List<byte[]> contents = new ArrayList<>();
    static int corrupted;

    @BeforeAll
    static void writePackage() throws Exception {
        SplittableRandom rnd = new SplittableRandom(240);
        DbpfWriter w = DbpfWriter.inMemory();
        int[] codes = {Compression.ZLIB, Compression.REFPACK, Compression.NONE};
        for (int i = 0; i < ENTRIES; i++) {
            boolean tuning = i % 2 == 0;
            ResourceKey key = new ResourceKey(tuning ? 0x0333406C : 0x220557DA, i % 3, 0x8000_0000_0000_0000L | i);
            keys.add(key);
            if (i % 19 == 7) {
                w.addDeleted(key);
                contents.add(null);
                continue;
            }
            byte[] data;
            if (tuning) {
                data = ("<?xml version=\"1.0\"?><I c=\"Buff\" n=\"mod_buff_" + i + "\" s=\"" + i + "\">"
                        + "<T n=\"value\">x</T>".repeat(rnd.nextInt(200)) + "</I>").getBytes(StandardCharsets.UTF_8);
            } else {
                data = new byte[rnd.nextInt(5_000)];
                rnd.nextBytes(data);
            }
            contents.add(data);
            w.add(key, data, codes[i % 3]);
        }
        byte[] b = w.toByteArray();
        DbpfIndex idx = DbpfPackage.open("x", ByteBuffer.wrap(b)).index();
        for (int i = 0; i < ENTRIES; i++) {
            int off = (int) idx.offset(i);
            int size = (int) idx.fileSize(i);
            if (idx.isDeleted(i) || size < 8 || i % 5 != 1) {
                continue;
            }
            if (idx.compression(i) == Compression.ZLIB) {
                b[off + size - 2] ^= 0x55; // the checksum
            } else if (idx.compression(i) == Compression.REFPACK) {
                b[off + 1] = 0x00; // not the 0xFB magic
            } else {
                continue;
            }
            contents.set(i, null);
            corrupted++;
        }
        pkg = Files.write(dir.resolve("mixed.package"), b);
        assertTrue(corrupted >= 20, corrupted + " corrupt entries");
    }

    private static String[] with(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void lsHashAndDetailsPrintTheSameWithOneThreadAsWithThree() {
        String[][] variants = {{"--json", "--hash"}, {"--hash"}, {"--details"}, {"--json", "--details"},
            {"--details", "--hash"}};
        for (String[] variant : variants) {
            String[] args = with(new String[] {"ls", pkg.toString()}, variant);
            Cli one = Cli.run(with(args, "--threads", "1"));
            Cli three = Cli.run(with(args, "--threads", "3"));
            String what = String.join(" ", variant);
            assertEquals(one.out, three.out, what + ": stdout");
            assertEquals(one.err, three.err, what + ": stderr");
            assertEquals(one.exit, three.exit, what + ": exit");
            int header = List.of(variant).contains("--json") ? 0 : 1;
            assertEquals(header + ENTRIES, one.lines().length, what + ": one line per entry");
            if (List.of(variant).contains("--hash")) { // every entry decoded: each corrupt one is an error line
                assertEquals(1, one.exit, one.err);
                assertEquals(corrupted, one.err.lines().count(), what + ": " + one.err);
            }
        }
    }

    @Test
    void extractWritesTheSameFilesAndReportsTheSameErrorsOnTwoThreads() throws Exception {
        Path out1 = dir.resolve("out1");
        Path out2 = dir.resolve("out2");
        Cli one = Cli.run("extract", pkg.toString(), out1.toString(), "--threads", "1");
        Cli two = Cli.run("extract", pkg.toString(), out2.toString(), "--threads", "2");
        assertEquals(1, one.exit, one.err);
        assertEquals(one.exit, two.exit);
        assertEquals(one.err.replace(out1.toString(), "OUT"), two.err.replace(out2.toString(), "OUT"));
        assertEquals(corrupted + 1, one.err.lines().count(), "an error line per corrupt entry, then the summary: " + one.err);
        Map<String, byte[]> files1 = files(out1);
        Map<String, byte[]> files2 = files(out2);
        assertEquals(files1.keySet(), files2.keySet());
        for (String name : files1.keySet()) {
            assertArrayEquals(files1.get(name), files2.get(name), name);
        }
        long good = contents.stream().filter(c -> c != null).count();
        assertEquals(good, files1.size(), "a file per good entry, none for corrupt or deleted ones");
    }

    private static Map<String, byte[]> files(Path folder) throws Exception {
        Map<String, byte[]> found = new TreeMap<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                found.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return found;
    }

    @Test
    void catWritesTheKeysInTheirOrderAndReportsTheMissingOne() throws Exception {
        int k1 = 200; // after k2 in the index: the output follows the keys, not the index
        int k2 = 4;
        assertTrue(contents.get(k1) != null && contents.get(k2) != null);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(contents.get(k1));
        expected.write(contents.get(k2));
        for (String threads : new String[] {"1", "3"}) {
            Cli r = Cli.run("cat", pkg.toString(), keys.get(k1).toString(), MISSING.toString(), keys.get(k2).toString(),
                    "--threads", threads);
            assertEquals(1, r.exit, r.err);
            assertArrayEquals(expected.toByteArray(), r.binary, threads + " threads");
            assertEquals(1, r.err.lines().count(), r.err);
            assertTrue(r.err.contains("no resource " + MISSING + " in the index"), r.err);
        }
    }

    @Test
    void catOfACorruptKeyIsAnErrorLineAndTheOthersAreStillWritten() throws Exception {
        int bad = 1; // i % 5 == 1: a corrupt zlib entry
        assertTrue(contents.get(bad) == null && contents.get(0) != null && contents.get(2) != null);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(contents.get(0));
        expected.write(contents.get(2));
        Cli one = Cli.run("cat", pkg.toString(), keys.get(0).toString(), keys.get(bad).toString(), keys.get(2).toString(),
                "--threads", "1");
        Cli two = Cli.run("cat", pkg.toString(), keys.get(0).toString(), keys.get(bad).toString(), keys.get(2).toString(),
                "--threads", "2");
        assertEquals(1, one.exit, one.err);
        assertArrayEquals(expected.toByteArray(), one.binary);
        assertArrayEquals(one.binary, two.binary);
        assertEquals(one.err, two.err);
        assertEquals(1, one.err.lines().count(), one.err);
    }

    @Test
    void fewerThanOneThreadIsAUsageError() {
        for (String n : new String[] {"0", "-1"}) {
            for (String[] command : new String[][] {{"ls", pkg.toString(), "--hash"}, {"extract", pkg.toString(),
                dir.resolve("never").toString()}, {"cat", pkg.toString(), keys.get(0).toString()}}) {
                Cli r = Cli.run(with(command, "--threads", n));
                assertEquals(2, r.exit, command[0] + " --threads " + n + ": " + r.err);
                assertTrue(r.err.contains("--threads must be at least 1, not " + n), r.err);
                assertEquals("", r.out);
                assertEquals(0, r.binary.length);
            }
        }
        assertTrue(Files.notExists(dir.resolve("never")), "a usage error writes nothing");
    }
}
