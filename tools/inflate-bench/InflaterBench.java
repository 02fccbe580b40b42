import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * java.util.zip.Inflater (the JDK's zlib) on the stream file of inflate_bench.c, timed the same way:
 * one Inflater, reset per stream, heap byte[] in and out, each stream into a buffer of exactly its
 * decompressed size; a round repeats the list until it lasts at least 0.25 s; best of R rounds.
 * Before timing, every stream must inflate to exactly its size and end (adler32 checked by zlib);
 * the CRC-32 of all outputs is printed, to compare with inflate_bench's "output crc32".
 *
 * Usage: java tools/inflate-bench/InflaterBench.java STREAMS.bin [--rounds R] [--small BYTES]
 */
public class InflaterBench {
    record Stream(int off, int inLen, int outLen) {}

    static byte[] file;
    static List<Stream> streams = new ArrayList<>();
    static int maxOut;

    public static void main(String[] args) throws IOException, DataFormatException {
        String path = null;
        int rounds = 5;
        long small = 8192;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--small" -> small = Long.parseLong(args[++i]);
                default -> {
                    if (path != null || args[i].startsWith("-")) usage();
                    path = args[i];
                }
            }
        }
        if (path == null || rounds < 1) usage();
        file = Files.readAllBytes(Path.of(path));
        long inTotal = 0, outTotal = 0;
        for (int p = 0; p < file.length; ) {
            if (p + 8 > file.length) fail("record header cut off at " + p);
            int cl = le32(p), dl = le32(p + 4);
            p += 8;
            if (cl < 0 || dl < 0 || cl > file.length - p) fail("record at " + (p - 8) + " runs past the end");
            streams.add(new Stream(p, cl, dl));
            maxOut = Math.max(maxOut, dl);
            inTotal += cl;
            outTotal += dl;
            p += cl;
        }
        if (streams.isEmpty()) fail("no streams");
        int[] all = new int[streams.size()];
        int[] sm = new int[streams.size()];
        int nSmall = 0;
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
            if (streams.get(i).outLen() < small) sm[nSmall++] = i;
        }
        sm = java.util.Arrays.copyOf(sm, nSmall);
        System.out.printf("streams: %d, %.1f MB compressed -> %.1f MB decompressed, %d small (< %d bytes decompressed)%n",
                streams.size(), inTotal / 1e6, outTotal / 1e6, nSmall, small);
        System.out.printf("java %s (%s), %s%n", System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("java.home"));

        // verify (also the warm-up)
        Inflater inf = new Inflater();
        byte[] out = new byte[Math.max(1, maxOut)];
        CRC32 crc = new CRC32();
        for (int i = 0; i < streams.size(); i++) {
            Stream s = streams.get(i);
            int got = inflate(inf, s, out);
            if (got != s.outLen()) fail("stream #" + i + ": inflated " + got + " bytes, expected " + s.outLen() + " (or did not end)");
            crc.update(out, 0, s.outLen());
        }
        System.out.printf("verified: all %d streams inflate to their size and end; output crc32 %08x%n", streams.size(), crc.getValue());

        System.out.printf("%nbest of %d rounds, 1 thread; MB = 10^6 bytes of decompressed output%n", rounds);
        System.out.printf("%-11s %8s %6s %9s %8s %9s %9s %5s %9s %10s %9s %5s%n", "library", "streams", "passes", "out MB", "seconds",
                "MB/s", "us/stream", "cpu", "small n", "us/small", "small MB/s", "cpu");
        double[] a = timed(inf, out, all, rounds);
        double[] b = timed(inf, out, sm, rounds);
        System.out.printf("%-11s %8d %6d %9.1f %8.3f %9.1f %9.2f", "jdk" + Runtime.version().feature() + "-zip", all.length, (int) a[0], a[1], a[2], a[1] / a[2],
                a[2] * 1e6 / (all.length * a[0]));
        System.out.printf(" %4.0f%%", a[3] * 100);
        if (nSmall > 0) System.out.printf(" %9d %10.2f %9.1f %4.0f%%", (long) (nSmall * b[0]), b[2] * 1e6 / (nSmall * b[0]), b[1] / b[2], b[3] * 100);
        System.out.println(a[3] < 0.9 || (nSmall > 0 && b[3] < 0.9) ? "  <- CPU shared (cpu < 90%): re-run" : "");
        inf.end();
    }

    /** {passes, out MB per round, best seconds, that round's thread CPU time / seconds}. */
    static double[] timed(Inflater inf, byte[] out, int[] idx, int rounds) throws DataFormatException {
        if (idx.length == 0) return new double[] {1, 0, 0, 0};
        long outBytes = 0;
        for (int i : idx) outBytes += streams.get(i).outLen();
        pass(inf, out, idx); // warm-up, then calibrate on a second pass
        long t0 = System.nanoTime();
        pass(inf, out, idx);
        double one = (System.nanoTime() - t0) / 1e9;
        int passes = one < 0.25 ? (int) (0.25 / Math.max(one, 1e-7)) + 1 : 1;
        double best = Double.MAX_VALUE, cpu = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            for (int p = 0; p < passes; p++) pass(inf, out, idx);
            double secs = (System.nanoTime() - t0) / 1e9;
            long c1 = mx.getCurrentThreadCpuTime();
            if (secs < best) {
                best = secs;
                cpu = (c1 - c0) / 1e9 / secs;
            }
        }
        return new double[] {passes, outBytes * (double) passes / 1e6, best, cpu};
    }

    static void pass(Inflater inf, byte[] out, int[] idx) throws DataFormatException {
        for (int i : idx) {
            Stream s = streams.get(i);
            if (inflate(inf, s, out) != s.outLen()) fail("stream #" + i + " failed during timing");
        }
    }

    /** Bytes produced, or -1 when the stream did not end exactly within outLen bytes. */
    static int inflate(Inflater inf, Stream s, byte[] out) throws DataFormatException {
        inf.reset();
        inf.setInput(file, s.off(), s.inLen());
        int n = inf.inflate(out, 0, s.outLen());
        return inf.finished() ? n : -1;
    }

    static int le32(int p) {
        return (file[p] & 0xFF) | (file[p + 1] & 0xFF) << 8 | (file[p + 2] & 0xFF) << 16 | (file[p + 3] & 0xFF) << 24;
    }

    static void fail(String msg) {
        System.err.println("InflaterBench: FATAL: " + msg);
        System.exit(1);
    }

    static void usage() {
        System.err.println("usage: java InflaterBench.java STREAMS.bin [--rounds R] [--small BYTES]");
        System.exit(2);
    }
}
