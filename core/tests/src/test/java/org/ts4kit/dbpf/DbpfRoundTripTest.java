package org.ts4kit.dbpf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.testkit.RandomPackages;
import org.ts4kit.testkit.Seeds;

/** Property: a package written by {@link DbpfWriter} reads back with the same keys, compressions and bytes. */
class DbpfRoundTripTest {
    private static final long SEED = Seeds.seed("DbpfRoundTripTest");

    @ParameterizedTest(name = "index flags shape {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void randomPackagesReadBackEqualInEveryFlagVariant(int shape) throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED + shape);
        for (int round = 0; round < 20; round++) {
            RandomPackages.Written w = RandomPackages.generate(rnd, rnd.nextInt(40), shape);
            try (DbpfPackage pkg = DbpfPackage.open("random", ByteBuffer.wrap(w.bytes))) {
                assertSame(w, pkg, "seed=" + SEED + " shape=" + shape + " round=" + round);
                if (w.keys.size() > 0) {
                    assertEquals(shape, pkg.index().flags() & shape, "constant fields are written as flags");
                }
            }
        }
    }

    @Test
    void tinyMappingWindowsReadTheSameAsOneBuffer(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        RandomPackages.Written w = RandomPackages.generate(rnd, 30, 0);
        Path file = dir.resolve("windows.package");
        Files.write(file, w.bytes);
        for (int shift = 2; shift <= 14; shift++) {
            try (DbpfPackage pkg = DbpfPackage.open(ByteSources.map(file, shift))) {
                assertSame(w, pkg, "seed=" + SEED + " window shift=" + shift);
            }
        }
    }

    @Test
    void directBuffersReadLikeHeapBuffers() throws Exception {
        RandomPackages.Written w = RandomPackages.generate(new SplittableRandom(SEED), 25, 0);
        ByteBuffer direct = ByteBuffer.allocateDirect(w.bytes.length).put(w.bytes).flip();
        try (DbpfPackage pkg = DbpfPackage.open("direct", direct)) {
            assertSame(w, pkg, "seed=" + SEED);
        }
    }

    @Test
    void resavingKeepsEveryResourceIdentical(@TempDir Path dir) throws Exception {
        RandomPackages.Written w = RandomPackages.generate(new SplittableRandom(SEED), 50, 0);
        Path original = dir.resolve("original.package");
        Path copy = dir.resolve("copy.package");
        Files.write(original, w.bytes);
        try (DbpfPackage in = DbpfPackage.open(original); DbpfWriter out = DbpfWriter.create(copy)) {
            DbpfWriter.copyOf(in, out);
        }
        try (DbpfPackage pkg = DbpfPackage.open(copy)) {
            assertSame(w, pkg, "seed=" + SEED);
        }
    }

    @Test
    void emptyPackageHasNoEntries() throws Exception {
        byte[] bytes = DbpfWriter.inMemory().toByteArray();
        try (DbpfPackage pkg = DbpfPackage.open("empty", ByteBuffer.wrap(bytes))) {
            assertEquals(0, pkg.entryCount());
            assertEquals(2, pkg.header().majorVersion());
            assertEquals(1, pkg.header().minorVersion());
            assertEquals(3, pkg.header().indexMinorVersion());
        }
    }

    @Test
    void lookUpByKeyIgnoresDeletedEntriesAndFilterByTypeKeepsIndexOrder() throws Exception {
        ResourceKey a = ResourceKey.parse("220557DA:80000000:0021000000000001");
        ResourceKey b = ResourceKey.parse("0333406C:00000000:8000000000000002");
        ResourceKey gone = ResourceKey.parse("545AC67A:00000000:0000000000003039");
        DbpfWriter w = DbpfWriter.inMemory();
        w.add(a, new byte[] {1, 2, 3}, Compression.ZLIB).addDeleted(gone).add(b, new byte[] {4}, Compression.NONE)
                .add(ResourceKey.of(a.type(), a.group(), 7), new byte[0], Compression.REFPACK);
        try (DbpfPackage pkg = DbpfPackage.open("keys", ByteBuffer.wrap(w.toByteArray()))) {
            DbpfIndex idx = pkg.index();
            assertEquals(0, idx.find(a));
            assertEquals(2, idx.find(b));
            assertEquals(-1, idx.find(gone), "deleted entries are not keys");
            assertArrayEquals(new int[] {0, 3}, idx.entriesOfType(0x220557DA));
            assertArrayEquals(new int[] {0, 2, 3}, idx.entriesOfTypes(0x0333406C, 0x220557DA));
            assertEquals(3, idx.liveCount());
            assertArrayEquals(new byte[] {4}, pkg.read(idx.find(b)));
            int n = 0;
            for (Entry e : pkg.entries()) {
                assertEquals(idx.key(n), e.key());
                assertEquals(n++ == 1, e.isDeleted());
            }
            assertEquals(4, n);
        }
    }

    static void assertSame(RandomPackages.Written w, DbpfPackage pkg, String why) throws DbpfFormatException {
        DbpfIndex idx = pkg.index();
        assertEquals(w.keys.size(), pkg.entryCount(), why);
        ResourceBuffer buffer = new ResourceBuffer(16);
        ResourceReader reader = pkg.reader(new ResourceBuffer(16));
        for (int i = 0; i < w.keys.size(); i++) {
            assertEquals(w.keys.get(i), idx.key(i), why);
            assertEquals((int) w.compressions.get(i), idx.compression(i), why);
            if (w.data.get(i) == null) {
                assertTrue(idx.isDeleted(i), why);
                continue;
            }
            assertArrayEquals(w.data.get(i), pkg.read(i), why + " entry " + i);
            ByteBuffer view = pkg.read(i, buffer);
            byte[] again = new byte[view.remaining()];
            view.get(again);
            assertArrayEquals(w.data.get(i), again, why + " entry " + i + " via a reused buffer");
            assertEquals(pkg.storedBytes(i), reader.storedBytes(i), why + " entry " + i + " stored bytes via a reader");
            assertArrayEquals(w.data.get(i), bytes(reader.read(i)), why + " entry " + i + " via a reader");
            // back to an earlier entry: the reader's cursor and buffer are repositioned, not consumed
            int earlier = (i * 7) % (i + 1);
            if (w.data.get(earlier) != null) {
                assertArrayEquals(w.data.get(earlier), bytes(reader.read(earlier)), why + " entry " + earlier + " again");
            }
            assertEquals(w.data.get(i).length, idx.memSize(i), why);
        }
    }

    private static byte[] bytes(ByteBuffer view) {
        byte[] out = new byte[view.remaining()];
        view.duplicate().get(out);
        return out;
    }
}
