package org.ts4kit.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;

/**
 * {@code bin/ts4kit-job-bench [DIR] [--packages N] [--size-factor F]}: the job and core's local
 * scan on the same corpus and the same cores, as a table (packages/s, MB/s, job/core ratio). Both
 * do the same per-package work (decode and hash every resource, hash the file, decode string
 * tables); the core scan runs once untimed first so the page cache and the JIT are warm for both.
 */
public final class JobBenchmark {
    private JobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // bin/ts4kit-job-bench generates the corpus with `ts4kit gen` first when DIR has none
        Path corpus = Path.of(args.length > 0 ? args[0] : "bench-corpus");
        int cores = Runtime.getRuntime().availableProcessors();
        if (!Files.isDirectory(corpus)) {
            throw new IllegalArgumentException("no corpus folder " + corpus);
        }
        Listing listing = InputWalker.list(List.of(corpus));
        long bytes = listing.packages().stream().mapToLong(PackageInput::size).sum();
        int n = listing.packages().size();
        PackageScanner scanner = new PackageScanner(ScanOptions.ALL, ReadOptions.defaults()); // what the job computes
        CollectionScan.run(listing, cores, scanner, ScanSink.NONE); // warm-up, untimed

        long t0 = System.nanoTime();
        CollectionScan core = CollectionScan.run(listing, cores, scanner, ScanSink.NONE);
        double coreSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        SparkConf conf = JobConf.apply(new SparkConf().setMaster("local[" + cores + "]").setAppName("ts4kit-bench")
                .set("spark.ui.enabled", "false"));
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        double startSeconds = (System.nanoTime() - t1) / 1e9;
        JobOptions o = new JobOptions();
        o.inputs = List.of(corpus.toString());
        o.out = Files.createTempDirectory("ts4kit-bench-out").toString();
        JobSummary s = Ts4kitJob.run(spark, o);
        double jobSeconds = (System.nanoTime() - t1) / 1e9;
        spark.stop();

        System.out.printf(Locale.ROOT, "corpus %s: %d packages (%d in archives), %.1f MB, %d cores, Java %s%n", corpus, n,
                listing.packages().stream().filter(p -> p.name().contains("!/")).count(), bytes / 1e6, cores,
                System.getProperty("java.version"));
        System.out.println("| run | wall s | packages/s | MB/s |");
        System.out.println("|---|---:|---:|---:|");
        row("core local scan (" + cores + " threads)", coreSeconds, n, bytes);
        row("Spark job local[" + cores + "], with session start", jobSeconds, n, bytes);
        row("Spark job local[" + cores + "], without session start", jobSeconds - startSeconds, n, bytes);
        System.out.printf(Locale.ROOT, "job/core ratio: %.2f with session start, %.2f without (goal <= 1.3)%n",
                jobSeconds / coreSeconds, (jobSeconds - startSeconds) / coreSeconds);
        System.out.printf(Locale.ROOT, "check: core found %d conflicts, the job %d%n", core.conflicts().size(), s.conflicts);
    }

    private static void row(String name, double seconds, int packages, long bytes) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f | %.1f |%n", name, seconds, packages / seconds, bytes / 1e6 / seconds);
    }
}
