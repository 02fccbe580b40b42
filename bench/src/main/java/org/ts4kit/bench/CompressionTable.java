package org.ts4kit.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.ts4kit.codec.BrotliCodec;
import org.ts4kit.codec.Lz4Codec;

/**
 * Runs {@link CompressionBenchmark} and prints one table: per source and group, each codec's ratio
 * (compressed/original over the whole group, lower is better) and its compression and decompression
 * speed in MB/s of original bytes (JMH's ops/s times the group's bytes, with JMH's error). Arguments are
 * JMH's ({@code -f 1 -wi 2 -i 3}, {@code -p source=real}):
 * <pre>
 * mvn -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar org.ts4kit.bench.CompressionTable -f 1 -wi 2 -i 3
 * </pre>
 */
public final class CompressionTable {
    private CompressionTable() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(CompressionBenchmark.class.getName() + "\\.").build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (RunResult r : results) {
            String source = r.getParams().getParam("source");
            String group = r.getParams().getParam("group");
            String codec = r.getParams().getParam("codec");
            String key = source + " " + group + " " + codec;
            double[] row = rows.computeIfAbsent(key, k -> new double[4]);
            CompressionWorkload w = CompressionWorkload.of(source, group);
            double mb = w.bytes / (1024.0 * 1024.0);
            Result<?> primary = r.getPrimaryResult();
            int at = r.getParams().getBenchmark().endsWith(".compress") ? 0 : 2;
            row[at] = primary.getScore() * mb;
            row[at + 1] = Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError() * mb;
        }
        System.out.println();
        System.out.println("brotli: " + BrotliCodec.description() + "; lz4: " + Lz4Codec.description() + "; Java "
                + System.getProperty("java.version"));
        System.out.println("| source | group | resources | MB | codec | ratio | compress MB/s | decompress MB/s |");
        System.out.println("|---|---|---:|---:|---|---:|---:|---:|");
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            String[] k = e.getKey().split(" ");
            CompressionWorkload w = CompressionWorkload.of(k[0], k[1]);
            double[] v = e.getValue();
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %s | %.1f%% | %.1f ± %.1f | %.1f ± %.1f |", k[0], k[1],
                    w.originals.size(), w.bytes / (1024.0 * 1024.0), k[2], 100 * w.ratio(k[2]), v[0], v[1], v[2], v[3]));
        }
    }
}
