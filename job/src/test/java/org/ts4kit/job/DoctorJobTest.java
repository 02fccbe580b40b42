package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfWriter;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.doctor.Finding;
import org.ts4kit.doctor.ModsFolder;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.telemetry.ProgressListener;
import org.ts4kit.testkit.HeadlessChromium;
import org.ts4kit.testkit.ProblemModsFolder;

/**
 * The job's {@code findings} on a Mods folder with planted problems are core's doctor's on the same
 * folder: the same findings in the same order, each planted problem once. The folder has what the
 * job must leave out of the doctor's view (a zip's member, {@code ._} resource forks it reads as
 * packages, a Sims 3 package that reads) and what it never reads (scripts, a {@code .rar}, junk).
 *
 * <p>Two more packages share keys with those: Alpha and Bravo hold one tuning with the same bytes,
 * which a zip's member holds with other bytes, and differ on another that a Sims 3 package holds too.
 * The game never sees the zip's copy, and a Sims 3 package's key is a chance match: no conflict. A job
 * that took either into the doctor's pairs would find Alpha and Bravo overriding each other's tuning.
 */
class DoctorJobTest {
    @TempDir
    static Path dir;
    static List<ProblemModsFolder.Planted> planted;
    static JobOptions options;

    @BeforeAll
    static void runTheJob() throws Exception {
        Path mods = dir.resolve("Mods");
        planted = ProblemModsFolder.write(mods);
        ResourceKey shared = ResourceKey.of(TUNING, 0, 80);
        ResourceKey differing = ResourceKey.of(TUNING, 0, 81);
        Files.createDirectories(mods.resolve("Lots"));
        Files.write(mods.resolve("Lots/Alpha_Lot.package"), pkg(shared, "same tuning", differing, "alpha"));
        Files.write(mods.resolve("Bravo-Lot.package"), pkg(shared, "same tuning", differing, "bravo"));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(mods.resolve("Lots.zip")))) {
            z.putNextEntry(new ZipEntry("Lots/Alpha_Lot.package"));
            z.write(pkg(shared, "zipped tuning"));
        }
        byte[] sims3 = pkg(differing, "sims 3 tuning");
        sims3[8] = 0; // DBPF 2.0: reads, and is The Sims 3's
        Files.write(mods.resolve("Sims3_Lot.package"), sims3);
        options = new JobOptions();
        options.out = dir.resolve("out").toString();
        options.format = "parquet";
        options.inputs = List.of(mods.toString());
        Ts4kitJob.run(SharedSpark.get(), options);
    }

    private static final int TUNING = 0x6017E896;

    /** A package of keys and texts, alternating. */
    private static byte[] pkg(Object... keysAndTexts) throws IOException {
        try (DbpfWriter w = DbpfWriter.inMemory()) {
            for (int i = 0; i < keysAndTexts.length; i += 2) {
                w.add((ResourceKey) keysAndTexts[i], ((String) keysAndTexts[i + 1]).getBytes(StandardCharsets.UTF_8), Compression.NONE);
            }
            return w.toByteArray();
        }
    }

    private static String line(Finding f) {
        return f.severity().label() + " " + f.check().label() + " " + f.path() + " " + f.paths() + ": " + f.reason() + " -> " + f.fix();
    }

    private static String line(Row r) {
        return r.getAs("severity") + " " + r.getAs("check") + " " + r.getAs("path") + " " + r.getList(r.fieldIndex("paths"))
                + ": " + r.getAs("reason") + " -> " + r.getAs("fix");
    }

    @Test
    void findingsAreCoresDoctorsInItsOrder() throws Exception {
        List<Finding> core = ModsFolder.examine(List.of(dir.resolve("Mods")), 1, ScanSink.NONE, ProgressListener.NONE).findings();
        List<Row> job = Ts4kitJob.read(SharedSpark.get(), options, Tables.FINDINGS).collectAsList();
        assertEquals(core.stream().map(DoctorJobTest::line).collect(Collectors.toList()),
                job.stream().map(DoctorJobTest::line).collect(Collectors.toList()));
    }

    @Test
    void packagesSharingKeysOnlyWithAZipOrAnotherGameDoNotConflict() {
        List<Row> job = Ts4kitJob.read(SharedSpark.get(), options, Tables.FINDINGS).where("check = 'conflict'").collectAsList();
        assertEquals(List.of("Gameplay/ModA_Careers.package"), job.stream().map(r -> r.<String>getAs("path")).collect(Collectors.toList()));
        // the conflict_pairs table has every pair, the zip's member and Sims 3's package included
        assertEquals(3, Ts4kitJob.read(SharedSpark.get(), options, Tables.CONFLICT_PAIRS)
                .where("package_b IN ('Lots/Alpha_Lot.package', 'Lots.zip!/Lots/Alpha_Lot.package') AND severity = 'high'").count());
    }

    @Test
    void everyPlantedProblemIsOneFinding() {
        List<Row> job = Ts4kitJob.read(SharedSpark.get(), options, Tables.FINDINGS).collectAsList();
        for (ProblemModsFolder.Planted p : planted) {
            List<String> matching = job.stream()
                    .filter(r -> r.getAs("check").equals(p.check()) && r.getList(r.fieldIndex("paths")).contains(p.path()))
                    .map(r -> r.<String>getAs("severity")).collect(Collectors.toList());
            assertEquals(List.of(p.severity()), matching, "planted " + p);
        }
    }

    @Test
    void reportShowsTheFindingsPairsAndTheRun() throws Exception {
        String html = Files.readString(Path.of(options.out, "report.html"));
        for (Row r : Ts4kitJob.read(SharedSpark.get(), options, Tables.FINDINGS).collectAsList()) {
            assertTrue(html.contains(r.getAs("check")) && html.contains(r.<String>getAs("path")), r.toString());
        }
        assertTrue(html.contains("Bravo-Lot.package") && html.contains("Lots.zip!/Lots/Alpha_Lot.package"), "pairs");
        assertTrue(html.contains("open a package") && html.contains("Partitions"), "the run's latency and partitions");
    }

    /** The job's page in a real browser: no console error or exception; skipped without Chromium unless CI expects it. */
    @Test
    void reportOpensInABrowserWithoutErrors() throws Exception {
        Path binary = HeadlessChromium.requireForTest();
        Path png = Path.of("target", "report", "job.png");
        Files.createDirectories(png.getParent());
        try (HeadlessChromium browser = HeadlessChromium.launch(binary);
                HeadlessChromium.Page page = browser.open(Path.of(options.out, "report.html"), 1280, 1800)) {
            long size = page.screenshot(png);
            assertEquals(List.of(), page.problems(), "console errors or exceptions in the job's report.html");
            assertEquals(String.valueOf(Ts4kitJob.read(SharedSpark.get(), options, Tables.FINDINGS).count()),
                    page.evaluate("document.querySelectorAll('#findings tbody tr').length"));
            assertTrue(size > 10_000, "a " + size + "-byte screenshot shows nothing");
        }
    }

    @Test
    void packagesSayTheirHeaderVersion() {
        SparkSession spark = SharedSpark.get();
        List<Row> rows = Ts4kitJob.read(spark, options, Tables.PACKAGES)
                .where("path IN ('Sims3_Hair.package', 'Empty.package', 'Sims2_Sofa.package')").orderBy("path")
                .select("path", "version").collectAsList();
        // Sims 2's 1.1 does not open: no header version, a broken row whose error says it
        assertEquals("[[Empty.package,2.1], [Sims2_Sofa.package,null], [Sims3_Hair.package,2.0]]", rows.toString());
    }
}
