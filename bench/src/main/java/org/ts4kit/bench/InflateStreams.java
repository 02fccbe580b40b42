package org.ts4kit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.ts4kit.codec.CodecException;
import org.ts4kit.codec.Decoder;
import org.ts4kit.codec.InflateProvider;

/**
 * {@code java -cp benchmarks.jar org.ts4kit.bench.InflateStreams STREAMS [ROUNDS]}: the Java side of
 * {@code tools/inflate-bench} (whose C program times libdeflate, ISA-L and zlib on the same file). Inflates
 * every zlib stream of STREAMS (records: u32 LE stored length, u32 LE decompressed length, the stream)
 * with the zlib twin this JVM picked and with {@code java.util.zip.Inflater}, the streams read from the
 * mapped file as the product reads a package (so the native twin's copy into its own buffer is timed
 * too), into one reused array; prints the best of ROUNDS (default 5) per twin in the C program's units.
 */
public final class InflateStreams {
    private InflateStreams() {
    }

    public static void main(String[] args) throws IOException, CodecException {
        if (args.length < 1) {
            System.err.println("usage: InflateStreams STREAMS [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MappedByteBuffer map;
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ)) {
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        map.order(ByteOrder.LITTLE_ENDIAN);
        int count = 0;
        int largest = 0;
        for (int pos = 0; pos + 8 <= map.limit(); pos += 8 + map.getInt(pos)) {
            count++;
            largest = Math.max(largest, map.getInt(pos + 4));
        }
        ByteBuffer[] streams = new ByteBuffer[count];
        int[] sizes = new int[count];
        long total = 0;
        int k = 0;
        for (int pos = 0; pos + 8 <= map.limit(); pos += 8 + map.getInt(pos)) {
            streams[k] = map.slice(pos + 8, map.getInt(pos));
            sizes[k] = map.getInt(pos + 4);
            total += sizes[k++];
        }
        byte[] out = new byte[largest];
        System.out.printf(Locale.ROOT, "%-44s %8s %10s %8s %10s %10s%n", "inflater (Java " + Runtime.version().feature() + ")",
                "streams", "MB out", "best s", "MB/s", "us/stream");
        Decoder picked = InflateProvider.zlib();
        for (Decoder d : picked == InflateProvider.jdk() ? new Decoder[] {picked} : new Decoder[] {picked, InflateProvider.jdk()}) {
            double best = Double.MAX_VALUE;
            for (int r = -2; r < rounds; r++) { // two warm-up rounds: JIT, page cache, the native buffers
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    d.decode(streams[i], out, 0, sizes[i]);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    best = Math.min(best, s);
                }
            }
            String name = d == InflateProvider.jdk() ? "java.util.zip.Inflater" : d.toString();
            System.out.printf(Locale.ROOT, "%-44s %8d %10.1f %8.3f %10.1f %10.2f%n", name, count, total / 1e6, best,
                    total / 1e6 / best, best * 1e6 / count);
        }
    }
}
