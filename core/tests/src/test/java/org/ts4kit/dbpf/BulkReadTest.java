package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.io.Sha256;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.testkit.RandomPackages;

/**
 * {@link BulkRead} hands the sink exactly what a lone reader going through the entries one by one
 * gets: the same bytes or the same error, in the same order, whatever the threads. The package mixes
 * zlib, RefPack, stored and deleted entries with corrupt ones (a damaged checksum, a damaged RefPack
 * header, a zlib stream cut short, a mem size one too big).
 */
@Timeout(120) // hang guard
class BulkReadTest {
    private static final int ENTRIES = 300;

    @TempDir
    static Path dir;
    static Path file;
    /** Entries broken on purpose, by kind. */
    static final List<Integer> corrupt = new ArrayList<>();

    @BeforeAll
    static void writePackage() throws IOException {
        SplittableRandom rnd = new SplittableRandom(0xB01C);
        DbpfWriter w = DbpfWriter.inMemory();
        int[] codes = {Compression.ZLIB, Compression.REFPACK, Compression.NONE};
        for (int i = 0; i < ENTRIES; i++) {
            ResourceKey key = new ResourceKey(0x0333406C, 0, 0x8000_0000_0000_0000L | i);
            if (i % 17 == 5) {
                w.addDeleted(key);
            } else {
                byte[] data = i % 4 == 0 ? ("<I n=\"item" + i + "\">" + "<T>text</T>".repeat(i) + "</I>").getBytes(StandardCharsets.UTF_8)
                        : RandomPackages.content(rnd);
                w.add(key, data, codes[i % 3]);
            }
        }
        byte[] b = w.toByteArray();
        DbpfIndex idx = DbpfPackage.open("x", ByteBuffer.wrap(b)).index();
        ByteBuffer le = ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < ENTRIES; i++) {
            int off = (int) idx.offset(i);
            int size = (int) idx.fileSize(i);
            if (idx.isDeleted(i) || size < 8) {
                continue;
            }
            if (idx.compression(i) == Compression.ZLIB && i % 7 == 0) {
                b[off + size - 1] ^= 0x10; // the checksum
                corrupt.add(i);
            } else if (idx.compression(i) == Compression.ZLIB && i % 11 == 0) {
                b[off + size / 2] ^= (byte) 0xFF; // inside the deflate data
                corrupt.add(i);
            } else if (idx.compression(i) == Compression.REFPACK && i % 5 == 0) {
                b[off + 1] = 0x00; // not the 0xFB magic
                corrupt.add(i);
            } else if (idx.compression(i) == Compression.NONE && i % 13 == 0) {
                // a stored entry declaring one byte more than it holds
                le.putInt(memSizeField(idx, i), size + 1);
                corrupt.add(i);
            }
        }
        file = Files.write(dir.resolve("mixed.package"), b);
        try (DbpfPackage pkg = DbpfPackage.open(file)) {
            // the package really holds what the test is about: every kind of entry, and errors among them
            assertEquals(ENTRIES, pkg.entryCount());
            List<String> outcomes = sequential(pkg, BulkRead.ALL);
            long errors = outcomes.stream().filter(o -> o.contains(" error ")).count();
            assertTrue(errors > ENTRIES / 17 + 10, errors + " errors only");
            assertTrue(corrupt.size() >= 10, corrupt + " corrupted");
            for (int i : corrupt) {
                assertTrue(outcomes.get(i).startsWith(i + " error "), "entry " + i + " was to be corrupt: " + outcomes.get(i));
            }
        }
    }

    /** Where entry {@code i}'s mem size is: after the key fields the index does not hold as constants, low instance, offset, file size. */
    private static int memSizeField(DbpfIndex idx, int i) {
        int keyFields = 3 - Integer.bitCount(idx.flags() & 7);
        return (int) idx.recordOffset(i) + 4 * keyFields + 12;
    }

    /** What a single reader makes of {@code entries}, one after another: a SHA-256 or the error message. */
    static List<String> sequential(DbpfPackage pkg, int[] entries) {
        ResourceReader reader = pkg.reader(new ResourceBuffer());
        List<String> out = new ArrayList<>();
        int n = entries == BulkRead.ALL ? pkg.entryCount() : entries.length;
        for (int k = 0; k < n; k++) {
            int entry = entries == BulkRead.ALL ? k : entries[k];
            try {
                out.add(entry + " " + Sha256.hex(Sha256.digest(reader.read(entry))));
            } catch (IOException e) {
                out.add(entry + " error " + e.getMessage());
            }
        }
        return out;
    }

    /** The same through {@link BulkRead} on {@code threads} threads. */
    static List<String> bulk(DbpfPackage pkg, int[] entries, int threads) throws InterruptedException {
        List<String> out = new ArrayList<>();
        BulkRead.run(pkg, entries, threads, (entry, reader) -> Sha256.hex(Sha256.digest(reader.read(entry))),
                (entry, digest, error) -> out.add(entry + " " + (error != null ? "error " + error.getMessage() : digest)));
        return out;
    }

    /** Each run on a package of its own: what one package decompressed counts against its decode budget. */
    private static List<String> sequential(int[] entries) throws IOException {
        try (DbpfPackage pkg = DbpfPackage.open(file)) {
            return sequential(pkg, entries);
        }
    }

    private static List<String> bulk(int[] entries, int threads) throws IOException, InterruptedException {
        try (DbpfPackage pkg = DbpfPackage.open(file)) {
            return bulk(pkg, entries, threads);
        }
    }

    @Test
    void everyEntryGivesWhatASequentialReaderGetsInIndexOrder() throws Exception {
        List<String> expected = sequential(BulkRead.ALL);
        for (int threads : new int[] {1, 2, 4}) {
            assertEquals(expected, bulk(BulkRead.ALL, threads), threads + " threads");
        }
    }

    @Test
    void aSubsetInAScrambledOrderWithRepeatsComesBackInThatOrder() throws Exception {
        SplittableRandom rnd = new SplittableRandom(99);
        int[] entries = new int[400];
        for (int k = 0; k < entries.length; k++) {
            entries[k] = k % 10 == 0 ? corrupt.get(rnd.nextInt(corrupt.size())) : rnd.nextInt(ENTRIES);
        }
        entries[1] = entries[0]; // the same entry twice in a row
        List<String> expected = sequential(entries);
        for (int threads : new int[] {1, 2, 4}) {
            List<String> got = bulk(entries, threads);
            assertEquals(expected, got, threads + " threads");
        }
        for (int k = 0; k < entries.length; k++) {
            assertTrue(expected.get(k).startsWith(entries[k] + " "), "outcome " + k + " is entry " + entries[k] + "'s");
        }
    }

    @Test
    void aHeapPackageGivesTheSameAsAMappedOne() throws Exception {
        List<String> expected = sequential(BulkRead.ALL);
        DbpfPackage heap = DbpfPackage.open("mixed.package", ByteBuffer.wrap(Files.readAllBytes(file)));
        List<String> got = bulk(heap, BulkRead.ALL, 3);
        // error messages name the package as it was opened: the file's path, or the name given
        assertEquals(expected.stream().map(s -> s.replace(file.toString(), "mixed.package")).toList(), got);
    }

    @Test
    void theTaskSeesEachEntryOnceAndTheSinkGetsItsOwnResult() throws Exception {
        int[] entries = {3, 2, 1, 0, 299, 5};
        List<String> seen = new ArrayList<>();
        try (DbpfPackage pkg = DbpfPackage.open(file)) {
            BulkRead.run(pkg, entries, 2, (entry, reader) -> {
                assertSame(pkg, reader.pkg());
                return "task " + entry;
            }, (entry, result, error) -> seen.add(entry + " -> " + result + " " + error));
        }
        assertEquals(List.of("3 -> task 3 null", "2 -> task 2 null", "1 -> task 1 null", "0 -> task 0 null",
                "299 -> task 299 null", "5 -> task 5 null"), seen);
    }

    @Test
    void anUncheckedExceptionOfTheTaskStopsTheRun() throws Exception {
        try (DbpfPackage pkg = DbpfPackage.open(file)) {
            List<Integer> seen = new ArrayList<>();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BulkRead.run(pkg, BulkRead.ALL, 3,
                    (entry, reader) -> {
                        if (entry == 40) {
                            throw new IllegalStateException("bug at 40");
                        }
                        return entry;
                    }, (entry, result, error) -> seen.add(entry)));
            assertEquals("bug at 40", e.getMessage());
            assertTrue(seen.size() <= 40 && !seen.contains(40), "delivered: " + seen);
        }
    }

    @Test
    void aMappedFaultDeliveredOutsideTheTaskGivesEveryEntryLeftTheFileChangedError() throws Exception {
        // the JVM reports a vanished page of a mapping as an InternalError, on Java 17 sometimes late: here
        // it surfaces in the sink's thread after entry 10 (where a late one lands is up to the JVM)
        InternalError fault = new InternalError("a fault occurred in an unsafe memory access operation");
        try (DbpfPackage pkg = DbpfPackage.open(file)) {
            List<String> seen = new ArrayList<>();
            boolean[] thrown = {false};
            BulkRead.run(pkg, BulkRead.ALL, 2, (entry, reader) -> entry, (entry, result, error) -> {
                seen.add(entry + (error == null ? "" : ": " + error.getMessage()));
                if (entry == 10 && !thrown[0]) {
                    thrown[0] = true;
                    throw fault;
                }
            });
            assertEquals(ENTRIES, seen.size(), "every entry reaches the sink once");
            for (int i = 0; i <= 10; i++) {
                assertEquals(String.valueOf(i), seen.get(i));
            }
            for (int i = 11; i < ENTRIES; i++) {
                assertEquals(i + ": " + pkg.name() + ": offset " + pkg.index().offset(i) + ": entry " + i + " (" + pkg.index().key(i)
                        + "): " + org.ts4kit.io.CorruptInputException.FILE_CHANGED, seen.get(i));
            }
        }
    }

    @Test
    void noEntriesIsNoWork() throws Exception {
        List<String> got = bulk(new int[0], 4);
        assertEquals(List.of(), got);
    }
}
