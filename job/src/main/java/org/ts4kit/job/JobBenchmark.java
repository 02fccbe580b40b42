package org.ts4kit.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ts4kit.memory.ResourceBuffer;
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

        // the core's index-only listing: every package opened, its index parsed, nothing decoded (1 thread)
        PackageScanner indexOnly = new PackageScanner(ScanOptions.INDEX_ONLY, ReadOptions.defaults());
        long ti = System.nanoTime();
        long entries = 0;
        try (ResourceBuffer buffer = new ResourceBuffer()) {
            for (PackageInput in : listing.packages()) {
                entries += indexOnly.scan(in, buffer, ScanSink.NONE).entryCount();
            }
        }
        double coreIndexSeconds = (System.nanoTime() - ti) / 1e9;

        job(corpus, cores); // warm-up, untimed: both measured runs find the JIT as warm as the core scan did
        Run full = job(corpus, cores);
        Run one = cores > 1 ? job(corpus, 1) : full;

        System.out.printf(Locale.ROOT, "corpus %s: %d packages (%d in archives), %.1f MB, %d cores, Java %s%n", corpus, n,
                listing.packages().stream().filter(p -> p.name().contains("!/")).count(), bytes / 1e6, cores,
                System.getProperty("java.version"));
        System.out.println("| run | wall s | packages/s | MB/s |");
        System.out.println("|---|---:|---:|---:|");
        row("core local scan (" + cores + " threads)", coreSeconds, n, bytes);
        row("Spark job local[" + cores + "], with session start", full.total, n, bytes);
        row("Spark job local[" + cores + "], without session start", full.job, n, bytes);
        row("Spark job local[1], without session start", one.job, n, bytes);
        row("core index-only listing (1 thread)", coreIndexSeconds, n, bytes);
        row("source index-only count() local[" + cores + "]", full.indexCount, n, bytes);
        System.out.printf(Locale.ROOT, "job/core ratio: %.2f with session start, %.2f without (goal <= 1.3)%n",
                full.total / coreSeconds, full.job / coreSeconds);
        System.out.printf(Locale.ROOT, "full job / index-only count through the source: %.1fx (goal >= 20)%n",
                full.job / full.indexCount);
        System.out.printf(Locale.ROOT, "scaling local[1] -> local[%d]: %.2fx, efficiency %.2f (goal >= 0.8)%n", cores,
                one.job / full.job, one.job / full.job / cores);
        System.out.printf(Locale.ROOT, "check: core found %d conflicts, the job %d; %d index entries, the source counted %d%n",
                core.conflicts().size(), full.summary.conflicts, entries, full.rows);
    }

    /** One job run in a fresh session on {@code cores} cores, then an index-only count through the source. */
    private static Run job(Path corpus, int cores) throws Exception {
        Run r = new Run();
        long t1 = System.nanoTime();
        SparkConf conf = JobConf.apply(new SparkConf().setMaster("local[" + cores + "]").setAppName("ts4kit-bench")
                .set("spark.ui.enabled", "false"));
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        double start = (System.nanoTime() - t1) / 1e9;
        JobOptions o = new JobOptions();
        o.inputs = List.of(corpus.toString());
        o.out = Files.createTempDirectory("ts4kit-bench-out").toString();
        r.summary = Ts4kitJob.run(spark, o);
        r.total = (System.nanoTime() - t1) / 1e9;
        r.job = r.total - start;
        long t2 = System.nanoTime();
        r.rows = spark.read().format("dbpf").load(corpus.toString()).count();
        r.indexCount = (System.nanoTime() - t2) / 1e9;
        spark.stop();
        return r;
    }

    /** What one job run measured. */
    private static final class Run {
        double total;
        double job;
        double indexCount;
        long rows;
        JobSummary summary;
    }

    private static void row(String name, double seconds, int packages, long bytes) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f | %.1f |%n", name, seconds, packages / seconds, bytes / 1e6 / seconds);
    }
}
