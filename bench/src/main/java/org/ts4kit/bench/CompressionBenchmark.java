package org.ts4kit.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ts4kit.codec.CodecException;

/**
 * Compression and decompression speed per resource group (tuning XML, string tables, images, other) for
 * LZ4, Brotli at the adaptive strategy's quality and zlib level 6 (core's {@code ZlibEncoder}, what packages
 * use: the peer and the bound), on the real samples or the demo corpus ({@link CompressionWorkload}). One
 * operation is one pass over the group, one call per resource; MB/s is ops/s times the group's bytes, which
 * {@link CompressionTable} prints with the ratios in one table:
 * <pre>
 * java -cp bench/target/benchmarks.jar org.ts4kit.bench.CompressionTable -f 1 -wi 2 -i 3
 * java -jar bench/target/benchmarks.jar CompressionBenchmark -p source=real -p group=tuning   (plain JMH)
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CompressionBenchmark {
    @Param({"real", "demo"})
    public String source;

    @Param({"tuning", "stringTable", "image", "other"})
    public String group;

    @Param({"lz4", "brotli5", "zlib6"})
    public String codec;

    private CompressionWorkload workload;
    private byte[][] compressed;
    private byte[] out;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        workload = CompressionWorkload.of(source, group);
        compressed = new byte[workload.originals.size()][];
        int largest = 0;
        for (int i = 0; i < compressed.length; i++) {
            compressed[i] = CompressionWorkload.compress(codec, workload.originals.get(i));
            largest = Math.max(largest, workload.originals.get(i).length);
        }
        out = new byte[Math.max(1, largest)];
    }

    @Benchmark
    public long compress() {
        long n = 0;
        for (byte[] data : workload.originals) {
            n += CompressionWorkload.compress(codec, data).length;
        }
        return n;
    }

    @Benchmark
    public long decompress() throws CodecException {
        for (int i = 0; i < compressed.length; i++) {
            CompressionWorkload.decompress(codec, compressed[i], out, workload.originals.get(i).length);
        }
        return out[0];
    }
}
