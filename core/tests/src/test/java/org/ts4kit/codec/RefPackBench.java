package org.ts4kit.codec;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ts4kit.testkit.RealSamples;

/**
 * Prints a table of RefPack against zlib level 6: sizes and single-thread encode speed (CPU time,
 * best of several rounds, so a busy machine distorts it less). Not a test; run it with
 * <pre>
 * mvn -o -q -pl core/tests -am test-compile
 * java -cp core/target/classes:testkit/target/classes:core/tests/target/test-classes org.ts4kit.codec.RefPackBench
 * </pre>
 */
public final class RefPackBench {
    private static final int ROUNDS = 15;

    private RefPackBench() {
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
        inputs.put("random bytes, 1 MiB", TestData.random(1, 1 << 20));
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
        for (long seed = 1; out.size() < size; seed++) {
            out.writeBytes(TuningXmlGenerator.generate(seed, 60 * 1024));
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
