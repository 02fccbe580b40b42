package org.ts4kit.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.ts4kit.codec.RefPackEncoder;
import org.ts4kit.codec.ZlibEncoder;
import org.ts4kit.testkit.RealSamples;
import org.ts4kit.testkit.corpus.TuningXml;

/**
 * Prints a table of RefPack against zlib level 6: sizes and single-thread encode speed (CPU time,
 * best of several rounds, so a busy machine distorts it less). Run it with
 * <pre>
 * mvn -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar org.ts4kit.bench.RefPackTable
 * </pre>
 * (The ratio targets are checked by core's RefPackCompressionRatioTest on a pinned corpus; this prints speed too.)
 */
public final class RefPackTable {
    private static final int ROUNDS = 15;

    private RefPackTable() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("generated tuning XML, 1 MiB", generatedXml(1 << 20));
        Path folder = RealSamples.folder();
        if (folder != null) {
            ByteArrayOutputStream real = new ByteArrayOutputStream();
            RealSamples.tuningXml(folder).forEach(r -> real.writeBytes(r.bytes()));
            inputs.put("real tuning XML, concatenated", real.toByteArray());
        }
        byte[] random = new byte[1 << 20];
        new Random(1).nextBytes(random);
        inputs.put("random bytes, 1 MiB", random);
        inputs.put("zeros, 1 MiB", new byte[1 << 20]);
        System.out.printf(Locale.ROOT, "%-32s %10s %10s %10s %7s %11s %9s %11s%n", "input", "bytes", "refpack", "zlib6",
                "ratio", "refpack ms", "MB/s", "zlib6 ms");
        RefPackEncoder encoder = new RefPackEncoder();
        for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
            byte[] data = e.getValue();
            int refpack = encoder.compress(data, 0, data.length).length;
            int zlib = ZlibEncoder.encode(data).length;
            double refpackMs = bestCpuMillis(() -> encoder.compress(data, 0, data.length));
            double zlibMs = bestCpuMillis(() -> ZlibEncoder.encode(data));
            System.out.printf(Locale.ROOT, "%-32s %10d %10d %10d %7.4f %11.1f %9.1f %11.1f%n", e.getKey(), data.length, refpack,
                    zlib, (double) refpack / zlib, refpackMs, data.length / refpackMs / 1000, zlibMs);
        }
    }

    private static byte[] generatedXml(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SplittableRandom rnd = new SplittableRandom(1);
        for (long instance = 1; out.size() < size; instance++) {
            out.writeBytes(TuningXml.generate(rnd, "tuning_" + instance, instance, 60 * 1024));
        }
        return Arrays.copyOf(out.toByteArray(), size);
    }

    private static double bestCpuMillis(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = threads.getCurrentThreadCpuTime();
            work.run();
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        return best / 1e6;
    }
}
