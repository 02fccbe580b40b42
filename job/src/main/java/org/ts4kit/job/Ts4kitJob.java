package org.ts4kit.job;

import static org.apache.spark.sql.functions.expr;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.job.source.DbpfSource;
import org.ts4kit.triage.PackagePairs;

/**
 * The job is SQL over the {@code dbpf} source: one read of every input (the source's {@code all}
 * table: packages, resources, strings and errors of each package from one walk), cached by Spark in
 * its columnar form; the four per-file tables (and timings) are projections of it, conflicts and duplicates
 * Spark SQL aggregations ({@link ConflictsAndDuplicates}), conflict pairs another ({@link ConflictPairs}),
 * findings core's doctor on the driver ({@link JobDoctor}), and every listed file is accounted for exactly
 * once ({@link Accounting}). The bytes are core's; the rest is Spark's engine.
 */
public final class Ts4kitJob {
    private static final Logger LOG = LoggerFactory.getLogger(Ts4kitJob.class);

    private Ts4kitJob() {
    }

    private static double since(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    public static JobSummary run(SparkSession spark, JobOptions o) throws IOException {
        long t0 = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        FileLister.ListedFiles listing = FileLister.list(o.inputs, conf); // the job's own count of what it must see
        if (!listing.missing.isEmpty()) {
            throw new IOException("no such input: " + String.join(", ", listing.missing));
        }
        LOG.info(String.format("listed %d files (%d others ignored) in %.2f s", listing.files.size(), listing.ignored, since(t0)));
        Dataset<Row> all = read(spark, o).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> copies = null; // each package's copy of each conflicting key, persisted once the cache is filled
        try (GcTime gc = GcTime.start(spark.sparkContext())) {
            // first action: reads every file once (filling the cache) and checks nothing was lost or doubled
            JobSteps.describe(spark.sparkContext(), "read packages");
            Accounting accounting = Accounting.check(listing.files, all);
            LOG.info(String.format("read %d files: %.2f s so far", listing.files.size(), since(t0)));
            for (String table : Tables.PER_FILE) {
                JobSteps.describe(spark.sparkContext(), "write " + table);
                write(project(all, table), o, table);
            }
            JobSteps.describe(spark.sparkContext(), "write timings");
            write(all.where("kind = 'package'").selectExpr("path", "partition", "executor", "open_ms", "read_ms", "bytes",
                    "resource_rows AS resources"), o, Tables.TIMINGS);
            LOG.info(String.format("per-file tables written: %.2f s so far", since(t0)));
            JobSteps.describe(spark.sparkContext(), "write conflicts");
            copies = ConflictsAndDuplicates.sharedCopies(ConflictsAndDuplicates.liveResources(all), accounting.resources())
                    .persist(StorageLevel.MEMORY_AND_DISK()); // conflicts now, the pairs' holders below
            write(ConflictsAndDuplicates.conflicts(copies), o, Tables.CONFLICTS);
            JobSteps.describe(spark.sparkContext(), "write duplicates");
            write(ConflictsAndDuplicates.duplicates(all, accounting.resources()), o, Tables.DUPLICATES);
            LOG.info(String.format("conflicts and duplicates written: %.2f s so far", since(t0)));
            Map<String, Long> counts = triage(spark, o, listing, all, copies, accounting, conf);
            LOG.info(String.format("pairs and findings written: %.2f s so far", since(t0)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            JobSummary summary = new JobSummary(listing.files.size(), listing.ignored, counts, accounting.bytesRead(),
                    gc.seconds(), seconds);
            summary.write(o.out, conf);
            JobSteps.describe(spark.sparkContext(), "write report");
            Report.write(spark, o, all, summary, gc.driverCollections(), conf);
            return summary;
        } finally {
            JobSteps.describe(spark.sparkContext(), null);
            if (copies != null) {
                copies.unpersist(false);
            }
            all.unpersist(false);
        }
    }

    /**
     * The triage tables: {@code conflict_pairs} from the written conflicts, then {@code findings} (core's
     * doctor on the driver, {@link JobDoctor}); returns the summary's counts.
     */
    private static Map<String, Long> triage(SparkSession spark, JobOptions o, FileLister.ListedFiles listing, Dataset<Row> all,
            Dataset<Row> copies, Accounting accounting, Configuration conf) {
        Dataset<Row> conflicts = read(spark, o, Tables.CONFLICTS);
        Dataset<Row> keyCounts = ConflictPairs.keyCounts(all);
        JobSteps.describe(spark.sparkContext(), "write conflict pairs");
        write(ConflictPairs.of(ConflictsAndDuplicates.holders(copies), keyCounts), o, Tables.CONFLICT_PAIRS);
        DoctorFacts facts = DoctorFacts.of(listing, all, conf);
        write(JobDoctor.findings(spark, facts, all, conflicts, read(spark, o, Tables.CONFLICT_PAIRS), keyCounts,
                accounting.resources()), o, Tables.FINDINGS);
        JobSteps.describe(spark.sparkContext(), "count conflicts");
        Row n = conflicts.agg(expr("count(*)"), expr("count_if(size(packages) > " + PackagePairs.MAX_HOLDERS + ")")).first();
        Map<String, Long> counts = new HashMap<>();
        counts.put("packages_ok", accounting.packagesOk());
        counts.put("packages_broken", accounting.packagesBroken());
        counts.put("resources", accounting.resources());
        counts.put("conflicts", n.getLong(0));
        counts.put("widely_shared_keys", n.getLong(1));
        return counts;
    }

    /** The source's {@code all} table over the inputs, planned with the job's partition settings. */
    static Dataset<Row> read(SparkSession spark, JobOptions o) {
        int minPartitions = Math.max(1, spark.sparkContext().defaultParallelism() * o.minPartitionsPerCore);
        org.apache.spark.sql.DataFrameReader r = spark.read().format(DbpfSource.SHORT_NAME).option("table", "all")
                .option("partitionBytes", o.partitionBytes).option("minPartitions", minPartitions)
                .option("openCostBytes", o.openCostBytes);
        if (o.types != null) {
            r = r.option("types", Arrays.stream(o.types).mapToObj(ResourceKey::hex8).collect(Collectors.joining(",")));
        }
        return r.load(o.inputs.toArray(new String[0]));
    }

    /** One per-file table: its rows of the {@code all} table, its columns by name. */
    static Dataset<Row> project(Dataset<Row> all, String table) {
        String kind = table.equals(Tables.PACKAGES) ? "package" : table.equals(Tables.RESOURCES) ? "resource"
                : table.equals(Tables.STRINGS) ? "string" : "error";
        String[] names = Tables.schema(table).fieldNames();
        Column[] columns = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            boolean errorOffset = table.equals(Tables.ERRORS) && names[i].equals("offset");
            columns[i] = errorOffset ? all.col("error_offset").as("offset") : all.col(names[i]);
        }
        return all.where(all.col("kind").equalTo(kind)).select(columns);
    }

    /**
     * Columns whose values hardly repeat (content hashes, instances, offsets): Parquet would build a
     * dictionary for each page and then drop it. Without: the resources table writes faster and smaller
     * (1.68 MB to 1.64 MB on one generated creator's folder); in duplicates and errors they do not repeat
     * either. JSON output ignores the options.
     */
    private static final String[] NO_DICTIONARY = {"hash", "instance", "offset"};

    static void write(Dataset<Row> df, JobOptions o, String table) {
        org.apache.spark.sql.DataFrameWriter<Row> w = df.write().mode(SaveMode.Overwrite).format(o.format);
        for (String column : NO_DICTIONARY) {
            w = w.option("parquet.enable.dictionary#" + column, "false");
        }
        w.save(o.out + "/" + table);
    }

    static Dataset<Row> read(SparkSession spark, JobOptions o, String table) {
        if (o.format.equals("json")) {
            // JSON carries no schema: read with the one the table was written with
            return spark.read().schema(Tables.schema(table)).json(o.out + "/" + table);
        }
        return spark.read().format(o.format).load(o.out + "/" + table);
    }
}
