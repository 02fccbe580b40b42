package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.corpus.CorpusGenerator;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.triage.ConflictKind;
import org.ts4kit.triage.PackagePair;
import org.ts4kit.triage.PackagePairs;
import org.ts4kit.triage.Severity;

/**
 * The job on a generated corpus in a local session (Kryo with registration required): its tables
 * agree with core's own local scan, and every listed package is in {@code packages} exactly once.
 */
class LocalJobTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static CollectionScan local;
    static Listing listing;
    static Set<String> broken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The job's run on the corpus, Parquet out: every test but the JSON one reads its tables. */
    static JobOptions parquet;
    static JobSummary summary;

    @BeforeAll
    static void generate() throws Exception {
        corpus = dir.resolve("corpus");
        CorpusGenerator.generate(corpus, 70, 9, 0);
        listing = InputWalker.list(List.of(corpus));
        // core's own scan of the same corpus, with a sink that notes the broken packages
        local = CollectionScan.run(listing, 2, new PackageScanner(ScanOptions.KEYS, ReadOptions.defaults()), pkg -> {
            if (pkg.isBroken()) {
                broken.add(pkg.name());
            }
        });
        parquet = options("parquet-out", "parquet");
        summary = Ts4kitJob.run(SharedSpark.get(), parquet);
    }

    static JobOptions options(String out, String format) {
        JobOptions o = new JobOptions();
        o.out = dir.resolve(out).toString();
        o.format = format;
        o.inputs = List.of(corpus.toString());
        o.partitionBytes = 1 << 20; // small partitions: many tasks even for a small corpus
        return o;
    }

    @Test
    void tablesAgreeWithTheLocalScan() throws Exception {
        SparkSession spark = SharedSpark.get();
        JobOptions o = parquet;

        Set<String> expectedPaths = listing.packages().stream().map(PackageInput::name).collect(Collectors.toCollection(TreeSet::new));
        List<Row> packages = Ts4kitJob.read(spark, o, Tables.PACKAGES).collectAsList();
        assertEquals(expectedPaths.size(), packages.size(), "one row per package");
        assertEquals(expectedPaths, packages.stream().map(r -> r.<String>getAs("path")).collect(Collectors.toCollection(TreeSet::new)));

        assertEquals(new TreeSet<>(broken), packages.stream().filter(r -> r.<String>getAs("status").equals("broken")).map(r -> r.<String>getAs("path"))
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(broken.size(), summary.packagesBroken);
        Set<String> errorPaths = Ts4kitJob.read(spark, o, Tables.ERRORS).collectAsList().stream().map(r -> r.<String>getAs("path"))
                .collect(Collectors.toSet());
        assertTrue(errorPaths.containsAll(broken), "every broken package has an error row");

        assertEquals(conflictLines(local), conflictLines(spark, o));
        assertEquals(local.conflicts().size(), summary.conflicts);
        assertTrue(Ts4kitJob.read(spark, o, Tables.STRINGS).count() > 0, "string tables are decoded");
        assertTrue(Ts4kitJob.read(spark, o, Tables.DUPLICATES).count() > 0, "the corpus has duplicated resources");
        assertTrue(java.nio.file.Files.exists(Path.of(o.out, "report.html")));
        assertTrue(java.nio.file.Files.readString(Path.of(o.out, "summary.json")).contains("\"files_listed\""));
    }

    @Test
    void conflictsSayKindAndSeverityAsCore() {
        List<String> core = local.conflicts().stream().map(c -> c.key() + " " + ConflictKind.of(c.identical()).label() + " "
                + Severity.of(c.type(), c.identical()).label()).sorted().collect(Collectors.toList());
        List<String> job = Ts4kitJob.read(SharedSpark.get(), parquet, Tables.CONFLICTS).collectAsList().stream()
                .map(r -> r.getAs("key") + " " + r.getAs("kind") + " " + r.getAs("severity")).sorted().collect(Collectors.toList());
        assertEquals(core, job);
        assertTrue(job.stream().anyMatch(l -> l.endsWith(" override high")) && job.stream().anyMatch(l -> l.endsWith(" identical none")),
                "the corpus has tuning overrides and identical copies: " + job.size() + " conflicts");
    }

    @Test
    void conflictPairsAreCoresPackagePairsInRankOrder() {
        PackagePairs core = PackagePairs.of(local.conflicts(), local.keyCounts());
        List<PackagePair> job = Ts4kitJob.read(SharedSpark.get(), parquet, Tables.CONFLICT_PAIRS).collectAsList().stream()
                .map(JobDoctor::pair).collect(Collectors.toList());
        assertEquals(core.ranked(), job);
        assertTrue(job.stream().anyMatch(PackagePair::versionsOfOneMod) && job.stream().anyMatch(PackagePair::sameCreator),
                "the corpus has versions of one mod and one creator's packages sharing keys: " + job.size() + " pairs");
        assertEquals(core.widelySharedKeys(), summary.widelySharedKeys);
    }

    @Test
    void timingsHaveOneRowPerPackageReadInItsTask() {
        SparkSession spark = SharedSpark.get();
        List<Row> timings = Ts4kitJob.read(spark, parquet, Tables.TIMINGS).collectAsList();
        Set<String> packages = Ts4kitJob.read(spark, parquet, Tables.PACKAGES).select("path").collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(packages, timings.stream().map(r -> r.<String>getAs("path")).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(listing.packages().size(), timings.size());
        int partitions = Ts4kitJob.read(spark, parquet).rdd().getNumPartitions();
        for (Row r : timings) {
            int partition = r.getAs("partition");
            double open = r.getAs("open_ms");
            double read = r.getAs("read_ms");
            assertTrue(partition >= 0 && partition < partitions, partition + " of " + partitions + " partitions");
            assertTrue(open >= 0 && read >= open, r.toString()); // the read includes the open
            assertTrue(r.<Long>getAs("bytes") >= 0 && r.<Integer>getAs("resources") >= 0, r.toString());
            assertEquals("driver", r.getAs("executor")); // local mode: the driver runs the tasks
        }
        assertTrue(timings.stream().map(r -> r.<Integer>getAs("partition")).distinct().count() > 1, "small partitions: several tasks");
    }

    @Test
    void summarySaysGarbageCollectionTime() throws Exception {
        String json = java.nio.file.Files.readString(Path.of(parquet.out, "summary.json"));
        double gc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("gc_seconds").asDouble(-1);
        assertTrue(gc >= 0 && gc <= summary.wallSeconds * 2, json); // local[2]: two task threads, at most their time
        assertEquals(summary.gcSeconds, gc, 0.0005);
    }

    @Test
    void jsonOutputHoldsTheSameConflicts() throws Exception {
        SparkSession spark = SharedSpark.get();
        JobOptions o = options("json-out", "json");
        Ts4kitJob.run(spark, o);
        assertEquals(conflictLines(local), conflictLines(spark, o));
    }

    static List<String> conflictLines(CollectionScan scan) {
        return scan.conflicts().stream().map(c -> c.key() + " " + c.packages() + " " + c.identical()).sorted()
                .collect(Collectors.toList());
    }

    static List<String> conflictLines(SparkSession spark, JobOptions o) {
        return Ts4kitJob.read(spark, o, Tables.CONFLICTS).collectAsList().stream()
                .map(r -> r.getAs("key") + " " + r.getList(r.fieldIndex("packages")) + " " + r.getAs("identical")).sorted().collect(Collectors.toList());
    }
}
