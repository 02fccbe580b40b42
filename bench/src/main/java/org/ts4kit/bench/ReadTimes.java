package org.ts4kit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.Decoder;
import org.ts4kit.codec.InflateProvider;
import org.ts4kit.dbpf.BulkRead;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.io.Sha256;
import org.ts4kit.memory.ResourceBuffer;

/**
 * The roadmap table's read workloads, warm and in this JVM: "decode 1k compressed resources" with the
 * zlib twin this JVM picked or with the JDK's, and the full read (every resource decoded and hashed,
 * {@link BulkRead} on N threads, as {@code ls --hash} does it) with its peak heap growth.
 */
final class ReadTimes {
    private ReadTimes() {
    }

    /**
     * Decodes the first {@code count} compressed resources, repeatedly, split over {@code threads}
     * threads (each with its own buffer, as a scan runs); the median in ms per {@code count}. zlib
     * streams go through {@link InflateProvider#zlib()} or, with {@code jdkTwin}, {@link InflateProvider#jdk()}.
     */
    static double decodeMillis(Path file, int count, int runs, int threads, boolean jdkTwin) throws Exception {
        try (DbpfPackage p = DbpfPackage.open(file)) {
            int[] chosen = BigPackage.firstCompressed(p.index(), count);
            int n = chosen.length;
            ResourceBuffer[] buffers = new ResourceBuffer[threads];
            Arrays.setAll(buffers, t -> new ResourceBuffer());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                double[] t = new double[runs];
                for (int r = -5; r < runs; r++) {
                    long t0 = System.nanoTime();
                    List<Future<?>> parts = new ArrayList<>();
                    for (int k = 0; k < threads; k++) {
                        int part = k;
                        parts.add(pool.submit(() -> {
                            for (int e = part; e < n; e += threads) { // interleaved: similar mixes
                                decode(p, chosen[e], buffers[part], jdkTwin);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : parts) {
                        f.get();
                    }
                    if (r >= 0) {
                        t[r] = (System.nanoTime() - t0) / 1e6 * count / Math.max(1, n);
                    }
                }
                return median(t);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void decode(DbpfPackage p, int i, ResourceBuffer buffer, boolean jdkTwin) throws IOException {
        int code = p.index().compression(i);
        if (!jdkTwin || code != Compression.ZLIB) {
            p.read(i, buffer); // the product's path: checks, decode budget, telemetry
            return;
        }
        Decoder jdk = InflateProvider.jdk();
        int size = (int) p.index().memSize(i);
        try {
            jdk.decode(p.storedBytes(i), buffer.view(size).array(), 0, size);
        } catch (CodecException e) {
            throw new IOException(p.name() + ": entry " + i + ": " + e.getMessage(), e);
        }
    }

    /** A full read: median wall seconds, decompressed bytes, peak heap growth in bytes. */
    record FullRead(double seconds, long bytes, long peakHeapGrowth) {
        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    /**
     * Decodes and SHA-256-hashes every resource of {@code file} on {@code threads} threads, digests
     * arriving in index order, {@code runs} times after two warm-up runs; the median run, with the peak
     * heap growth over a collected baseline sampled as digests arrive.
     */
    static FullRead fullRead(Path file, int threads, int runs) throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        double[] t = new double[runs];
        long bytes = 0;
        long peak = 0;
        for (int r = -2; r < runs; r++) {
            System.gc();
            long base = mem.getHeapMemoryUsage().getUsed();
            long[] state = {0, 0, 0}; // bytes, digests folded together, peak heap growth
            long t0 = System.nanoTime();
            try (DbpfPackage p = DbpfPackage.open(file)) {
                BulkRead.run(p, BulkRead.ALL, threads, (i, reader) -> {
                    if (p.index().isDeleted(i)) {
                        return null;
                    }
                    ByteBuffer b = reader.read(i);
                    byte[] digest = Sha256.digest(b);
                    return new long[] {b.remaining(), ByteBuffer.wrap(digest).getLong()};
                }, (i, result, error) -> {
                    if (error != null) {
                        throw new IllegalStateException("the generated package has a bad entry", error);
                    }
                    if (result != null) {
                        state[0] += result[0];
                        state[1] ^= result[1];
                    }
                    if ((i & 63) == 0) {
                        state[2] = Math.max(state[2], mem.getHeapMemoryUsage().getUsed() - base);
                    }
                });
            }
            if (r >= 0) {
                t[r] = (System.nanoTime() - t0) / 1e9;
                bytes = state[0];
                peak = Math.max(peak, state[2]);
            }
        }
        return new FullRead(median(t), bytes, peak);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }
}
