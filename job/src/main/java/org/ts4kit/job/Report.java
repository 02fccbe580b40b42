package org.ts4kit.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ts4kit.report.BrokenRow;
import org.ts4kit.report.CollectionTotals;
import org.ts4kit.report.CompressionRow;
import org.ts4kit.report.DuplicateRow;
import org.ts4kit.report.FindingRow;
import org.ts4kit.report.HtmlReport;
import org.ts4kit.report.Latency;
import org.ts4kit.report.PackageSizeRow;
import org.ts4kit.report.PairRow;
import org.ts4kit.report.PartitionRow;
import org.ts4kit.report.ReportData;
import org.ts4kit.report.RunStats;
import org.ts4kit.report.TypeRow;

/**
 * {@code report.html}: core's {@link HtmlReport} (the page {@code ts4kit doctor --html} writes) over the
 * job's tables: findings and ranked pairs first, then the collection (types, compression, largest
 * packages, duplicated contents, broken packages) and the run (throughput, open and read latency of the
 * packages from {@code timings}, GC, each partition's throughput). Each list is aggregated by Spark and
 * only as much is collected as the page shows.
 */
final class Report {
    /** Pairs collected, the most severe first: as the CLI's report (the page shows fewer). */
    private static final int MAX_PAIRS = 20_000;
    private static final int MAX_BROKEN = 10_000;
    private static final int MAX_DUPLICATES = 1_000;
    private static final int MAX_LARGEST = 100;

    private Report() {
    }

    /**
     * @param all      the run's cached {@code all} table (broken packages with their first problem)
     * @param gcCount  garbage collections in the driver's JVM during the run (in local mode, every task's)
     */
    static void write(SparkSession spark, JobOptions o, Dataset<Row> all, JobSummary s, long gcCount, Configuration conf)
            throws IOException {
        ReportData.Builder b = ReportData.builder()
                .title("ts4kit job: " + String.join(", ", o.inputs))
                .subtitle(s.filesListed + " files listed, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (Row r : Ts4kitJob.read(spark, o, Tables.FINDINGS).collectAsList()) {
            b.finding(new FindingRow(r.getAs("severity"), r.getAs("check"), r.getList(r.fieldIndex("paths")), r.getAs("reason"),
                    r.getAs("fix")));
        }
        for (Row r : Ts4kitJob.read(spark, o, Tables.CONFLICT_PAIRS).limit(MAX_PAIRS).collectAsList()) {
            b.pair(new PairRow(r.getAs("package_a"), r.getAs("package_b"), r.<Long>getAs("shared_keys"),
                    r.<Long>getAs("differing_keys"), r.getAs("severity"), r.<Long>getAs("high_keys"), r.<Long>getAs("medium_keys"),
                    r.<Long>getAs("low_keys"), r.<Boolean>getAs("versions_of_one_mod"), r.<Boolean>getAs("same_creator")));
        }
        for (Row r : all.where("kind = 'package' AND status = 'broken'").select("path", "error_offset", "reason")
                .orderBy("path").limit(MAX_BROKEN).collectAsList()) {
            b.broken(new BrokenRow(r.getString(0), r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? "" : r.getString(2)));
        }
        b.totals(new CollectionTotals(s.filesListed, s.packagesOk, s.packagesBroken, s.resources, s.bytesRead));
        collection(spark, o, b);
        run(spark, o, s, gcCount, b);
        Path p = new Path(o.out, "report.html");
        try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
            out.write(HtmlReport.render(b.build()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Resources by type and by compression, the largest packages, the contents stored most wastefully often. */
    private static void collection(SparkSession spark, JobOptions o, ReportData.Builder b) {
        Dataset<Row> resources = Ts4kitJob.read(spark, o, Tables.RESOURCES);
        for (Row r : resources.groupBy(resources.col("type_name"), resources.col("type"))
                .agg(expr("count(*)"), expr("sum(mem_size)"))
                .collectAsList()) {
            b.type(new TypeRow(r.isNullAt(0) ? r.getString(1) : r.getString(0), r.getLong(2), r.getLong(3)));
        }
        for (Row r : resources.groupBy("compression").agg(expr("count(*)"),
                expr("sum(file_size)"), expr("sum(mem_size)"))
                .collectAsList()) {
            b.compression(new CompressionRow(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)));
        }
        for (Row r : Ts4kitJob.read(spark, o, Tables.PACKAGES).orderBy(col("bytes").desc(),
                col("path")).limit(MAX_LARGEST).select("path", "bytes", "live_entries").collectAsList()) {
            b.largest(new PackageSizeRow(r.getString(0), r.getLong(1), r.getInt(2)));
        }
        for (Row r : Ts4kitJob.read(spark, o, Tables.DUPLICATES).selectExpr("keys", "bytes", "occurrences")
                .orderBy(expr("bytes * (occurrences - 1)").desc(), col("bytes").desc())
                .limit(MAX_DUPLICATES).collectAsList()) {
            b.duplicate(new DuplicateRow(keys(r.getList(0)), r.getLong(1), r.getLong(2)));
        }
    }

    /** A duplicate's keys, the first few: a content stored under hundreds of keys would make a row of pages. */
    static String keys(List<String> keys) {
        int shown = Math.min(keys.size(), 3);
        return String.join(", ", keys.subList(0, shown)) + (keys.size() > shown ? " and " + (keys.size() - shown) + " more" : "");
    }

    /**
     * Throughput, latency percentiles of opening and reading each package (exact: every package's
     * time is one value of {@code timings}), GC, and each partition's packages, bytes and read time.
     */
    private static void run(SparkSession spark, JobOptions o, JobSummary s, long gcCount, ReportData.Builder b) {
        Dataset<Row> timings = Ts4kitJob.read(spark, o, Tables.TIMINGS);
        Row l = timings.selectExpr("count(*)", "percentile(open_ms, array(0.5, 0.95, 0.99))", "max(open_ms)",
                "percentile(read_ms, array(0.5, 0.95, 0.99))", "max(read_ms)").first();
        long n = l.getLong(0);
        int threads = spark.sparkContext().defaultParallelism();
        b.run(new RunStats(s.packagesOk + s.packagesBroken, s.bytesRead, s.wallSeconds, threads,
                n == 0 ? null : latency("open a package", n, l.getList(1), l.getDouble(2)),
                n == 0 ? null : latency("read a package", n, l.getList(3), l.getDouble(4)),
                gcCount, s.gcSeconds));
        List<PartitionRow> partitions = new ArrayList<>();
        for (Row r : timings.groupBy("partition").agg(expr("count(*)"),
                expr("sum(bytes)"), expr("sum(read_ms) / 1000"))
                .collectAsList()) {
            partitions.add(new PartitionRow(r.getInt(0), r.getLong(1), r.getLong(2), r.getDouble(3)));
        }
        b.partitions(partitions);
    }

    private static Latency latency(String what, long count, List<Double> percentiles, double max) {
        return new Latency(what, count, percentiles.get(0), percentiles.get(1), percentiles.get(2), max);
    }
}
