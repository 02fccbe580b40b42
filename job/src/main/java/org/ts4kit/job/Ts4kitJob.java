package org.ts4kit.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ts4kit.memory.Arena;
import org.ts4kit.memory.BufferPool;
import org.ts4kit.memory.ResourceBuffer;

/**
 * The Spark side of the job, kept thin: list on the driver, bin-pack, run
 * {@link FileProcessor#process} on executors, write the tables, derive conflicts and duplicates
 * with one shuffle each ({@link ConflictsAndDuplicates}), and check that every listed file was accounted for exactly once.
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
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        FileLister.ListedFiles listing = FileLister.list(o.inputs, conf);
        if (!listing.missing.isEmpty()) {
            throw new IOException("no such input: " + String.join(", ", listing.missing));
        }
        LOG.info(String.format("listed %d files (%d others ignored) in %.2f s", listing.files.size(), listing.ignored, since(t0)));
        int minPartitions = Math.max(1, jsc.defaultParallelism() * o.minPartitionsPerCore);
        List<List<InputFile>> plan = Planner.plan(listing.files, o.partitionBytes, minPartitions, o.openCostBytes);
        HadoopFileAccess access = new HadoopFileAccess(conf);
        int[] types = o.types; // the walk's type filter (the SIMD kernel over each index), or null

        JavaRDD<FileResult> results = jsc.parallelize(plan, Math.max(1, plan.size()))
                .mapPartitions(part -> {
                    List<FileResult> out = new ArrayList<>();
                    FileProcessor processor = new FileProcessor(
                            types == null ? FileProcessor.TABLES : FileProcessor.TABLES.withTypes(types));
                    // decompression output from the executor's shared pool, given back when the partition is done;
                    // remote files' bytes in an off-heap arena, reset after each file
                    Arena scratch = new Arena(HadoopFileAccess.ARENA_CHUNK);
                    try (ResourceBuffer buffer = new ResourceBuffer(BufferPool.shared())) {
                        part.forEachRemaining(files -> files.forEach(f -> out.add(processor.process(f, access, buffer, scratch))));
                    }
                    return out.iterator();
                })
                // serialized: deserialized caching makes Spark estimate the size of every row object graph,
                // which cost 3x the reading itself (IdentityHashMap walks in SizeEstimator, seen with JFR)
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            // first action: runs every file once (filling the cache) and checks nothing was lost or doubled
            Accounting accounting = Accounting.check(listing.files, results.map(Accounting.Entry::of).collect());
            LOG.info(String.format("read %d files in %d partitions: %.2f s so far", listing.files.size(), plan.size(), since(t0)));
            Map<String, Long> counts = new HashMap<>();
            for (String table : Tables.PER_FILE) {
                JavaRDD<Row> rows = results.flatMap(r -> r.values(table).stream().map(RowFactory::create).iterator());
                Dataset<Row> df = spark.createDataFrame(rows, Tables.schema(table));
                write(df, o, table);
            }
            LOG.info(String.format("per-file tables written: %.2f s so far", since(t0)));
            int partitions = Math.max(1, jsc.defaultParallelism() * 2);
            write(spark.createDataFrame(ConflictsAndDuplicates.conflicts(results, partitions), Tables.schema(Tables.CONFLICTS)), o,
                    Tables.CONFLICTS);
            write(spark.createDataFrame(ConflictsAndDuplicates.duplicates(results, partitions), Tables.schema(Tables.DUPLICATES)), o,
                    Tables.DUPLICATES);
            LOG.info(String.format("conflicts and duplicates written: %.2f s so far", since(t0)));
            counts.put("packages_ok", accounting.packagesOk());
            counts.put("packages_broken", accounting.packagesBroken());
            counts.put("resources", accounting.resources());
            counts.put("conflicts", read(spark, o, Tables.CONFLICTS).count());
            double seconds = (System.nanoTime() - t0) / 1e9;
            JobSummary summary = new JobSummary(listing.files.size(), listing.ignored, counts, accounting.bytesRead(), seconds);
            summary.write(o.out, conf);
            Report.write(spark, o, summary, conf);
            return summary;
        } finally {
            results.unpersist(false);
        }
    }

    static void write(Dataset<Row> df, JobOptions o, String table) {
        df.write().mode(SaveMode.Overwrite).format(o.format).save(o.out + "/" + table);
    }

    static Dataset<Row> read(SparkSession spark, JobOptions o, String table) {
        if (o.format.equals("json")) {
            // JSON carries no schema: read with the one the table was written with
            return spark.read().schema(Tables.schema(table)).json(o.out + "/" + table);
        }
        return spark.read().format(o.format).load(o.out + "/" + table);
    }
}
