package org.ts4kit.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.io.Sha256;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.testkit.RandomPackages;
import org.ts4kit.testkit.Seeds;

/**
 * Many threads reading the same open packages at once, through one shared buffer pool, the pooled
 * inflaters, the per-thread heap chunks and each index's lazily built look-up table: every byte read
 * is checked against what was written, and every collection scan must hash what a lone reader hashes.
 */
class ConcurrentReadStressTest {
    private static final int THREADS = 8;
    private static final int PACKAGES = 6;

    @Test
    @Timeout(300)
    void threadsSharingPackagesPoolsAndIndexesReadExactlyWhatWasWritten(@TempDir Path dir) throws Exception {
        Seeds.Seed seed = Seeds.of(getClass(), "threadsSharingPackagesPoolsAndIndexesReadExactlyWhatWasWritten");
        SplittableRandom rnd = seed.splittable();
        List<RandomPackages.Written> written = new ArrayList<>();
        List<DbpfPackage> open = new ArrayList<>();
        BufferPool pool = new BufferPool(4, 64L << 20); // small on purpose: threads contend for its arrays
        ReadOptions options = ReadOptions.defaults().withPool(pool);
        try {
            for (int p = 0; p < PACKAGES; p++) {
                RandomPackages.Written w = RandomPackages.generate(rnd, 200 + rnd.nextInt(300), p % 8);
                written.add(w);
                open.add(DbpfPackage.open(Files.write(dir.resolve("p" + p + ".package"), w.bytes), options));
            }
            int rounds = 4_000 * Seeds.multiplier();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long threadSeed = rnd.nextLong();
                done.add(threads.submit(() -> readAtRandom(new SplittableRandom(threadSeed), written, open, pool, rounds)));
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(240, TimeUnit.SECONDS), "readers did not finish");
            int checked = 0;
            for (Future<Integer> f : done) {
                int[] n = new int[1];
                Seeds.check(seed.value, () -> n[0] = f.get()); // a reader's failure names the seed
                checked += n[0];
            }
            assertEquals(THREADS * rounds, checked);
        } finally {
            open.forEach(DbpfPackage::close);
        }
    }

    /** {@code rounds} reads of random entries of random packages, each compared byte for byte. */
    private static int readAtRandom(SplittableRandom rnd, List<RandomPackages.Written> written, List<DbpfPackage> open,
            BufferPool pool, int rounds) throws IOException {
        int checked = 0;
        try (ResourceBuffer buffer = new ResourceBuffer(pool)) {
            for (int r = 0; r < rounds; r++) {
                int p = rnd.nextInt(open.size());
                DbpfPackage pkg = open.get(p);
                RandomPackages.Written w = written.get(p);
                int i = rnd.nextInt(w.keys.size());
                // by key (the shared look-up table, built by whichever thread gets there first) ...
                int found = pkg.index().find(w.keys.get(i));
                byte[] expected = w.data.get(i);
                if (expected == null) {
                    assertTrue(found < 0 || pkg.index().isDeleted(found), "deleted entry " + i + " of p" + p);
                } else {
                    assertEquals(i, found, "key of entry " + i + " of p" + p);
                    // ... then through a reader with a pooled buffer, or a fresh array
                    ByteBuffer bytes = rnd.nextBoolean() ? pkg.reader(buffer).read(i) : ByteBuffer.wrap(pkg.read(i));
                    byte[] got = new byte[bytes.remaining()];
                    bytes.get(got);
                    assertArrayEquals(expected, got, "entry " + i + " of p" + p);
                }
                checked++;
            }
        }
        return checked;
    }

    @Test
    @Timeout(300)
    void concurrentCollectionScansHashWhatALoneReaderHashes(@TempDir Path dir) throws Exception {
        Seeds.Seed seed = Seeds.of(getClass(), "concurrentCollectionScansHashWhatALoneReaderHashes");
        SplittableRandom rnd = seed.splittable();
        List<RandomPackages.Written> written = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            RandomPackages.Written w = RandomPackages.generate(rnd, 100 + rnd.nextInt(200), p % 8);
            written.add(w);
            Files.write(dir.resolve("p" + p + ".package"), w.bytes);
        }
        Listing listing = InputWalker.list(List.of(dir));
        List<String> wrongBytes = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService scans = Executors.newFixedThreadPool(3);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            results.add(scans.submit(() -> {
                List<String> hashes = new ArrayList<>();
                CollectionScan.run(listing, 4, new PackageScanner(ScanOptions.ALL, ReadOptions.defaults()), new ScanSink() {
                    @Override
                    public void onResource(ScannedPackage pkg, int i, ByteBuffer bytes) {
                        if (bytes != null) { // what the sink is handed must be what was written, too
                            int p = Integer.parseInt(pkg.name().substring(1, pkg.name().indexOf('.')));
                            byte[] got = new byte[bytes.remaining()];
                            bytes.duplicate().get(got);
                            if (!Arrays.equals(written.get(p).data.get(i), got)) {
                                wrongBytes.add(pkg.name() + " entry " + i);
                            }
                        }
                    }

                    @Override
                    public void onPackage(ScannedPackage pkg) {
                        synchronized (hashes) {
                            for (int i = 0; i < pkg.entryCount(); i++) {
                                hashes.add(pkg.name() + " " + i + " " + pkg.hashHex(i));
                            }
                        }
                    }
                });
                hashes.sort(null);
                return hashes;
            }));
        }
        scans.shutdown();
        assertTrue(scans.awaitTermination(240, TimeUnit.SECONDS));
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < written.size(); p++) {
            for (int i = 0; i < written.get(p).keys.size(); i++) {
                byte[] data = written.get(p).data.get(i);
                expected.add("p" + p + ".package " + i + " " + (data == null ? null : Sha256.hex(Sha256.digest(data, 0, data.length))));
            }
        }
        expected.sort(null);
        for (Future<List<String>> r : results) {
            List<String> got = r.get();
            List<String> wrong = new ArrayList<>(got);
            wrong.removeAll(expected);
            assertEquals(List.of(), wrong, "hashes that differ from what was written");
            assertEquals(expected, got);
        }
        assertEquals(List.of(), wrongBytes, "bytes handed to the sink that differ from what was written");
    }
}
