package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.memory.Arena;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * {@code spark.read.format("dbpf")} as a data person uses it: every table, column pruning that
 * decodes nothing for an index-only query (read from the source's metrics), push-down that reads
 * only one type, and broken files as rows. The expected rows come from the job's per-file function
 * over the same files, an independent path through core.
 */
class DbpfSourceTest {
    static Path dir = tmp();

    static Path tmp() {
        try {
            return java.nio.file.Files.createTempDirectory("dbpf-source");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    static Path corpus;
    /** The rows the job's per-file function gives, per table, as sorted text. */
    static Map<String, List<String>> expected = new TreeMap<>();

    @BeforeAll
    static void generate() throws Exception {
        corpus = dir.resolve("corpus");
        CorpusGenerator.generate(corpus, 40, 17, 0);
        FileLister.ListedFiles listed = FileLister.list(List.of(corpus.toString()), new org.apache.hadoop.conf.Configuration());
        FileProcessor processor = new FileProcessor(FileProcessor.TABLES);
        HadoopFileAccess access = new HadoopFileAccess(new org.apache.hadoop.conf.Configuration());
        for (String table : Tables.PER_FILE) {
            expected.put(table, new ArrayList<>());
        }
        for (InputFile f : listed.files) {
            FileResult r = processor.process(f, access::open, new ResourceBuffer(), new Arena(1 << 20));
            for (String table : Tables.PER_FILE) {
                for (Object[] values : r.values(table)) {
                    expected.get(table).add(Row.fromSeq(scala.jdk.javaapi.CollectionConverters.asScala(java.util.Arrays.asList(values)).toSeq())
                            .toString());
                }
            }
        }
        expected.values().forEach(l -> l.sort(null));
    }

    static Dataset<Row> read(String table) {
        return SharedSpark.get().read().format("dbpf").option("table", table).load(corpus.toString());
    }

    static List<String> sorted(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.toString().replace("List(", "WrappedArray(")); // no arrays in these tables; kept simple
        }
        out.sort(null);
        return out;
    }

    @Test
    void everyTableHoldsWhatTheJobsPerFileFunctionGives() {
        for (String table : Tables.PER_FILE) {
            Dataset<Row> df = read(table);
            assertEquals(Tables.schema(table), df.schema(), table);
            assertEquals(expected.get(table), sorted(df), table);
        }
        assertTrue(expected.get(Tables.PACKAGES).stream().anyMatch(r -> r.contains(",broken,")), "the corpus has broken packages");
    }

    @Test
    void anIndexOnlyQueryDecompressesNothing() {
        Dataset<Row> df = read(Tables.RESOURCES).select("path", "type", "instance", "mem_size");
        assertEquals(expected.get(Tables.RESOURCES).size(), df.collectAsList().size());
        Map<String, Long> m = metrics(df);
        assertEquals(0L, m.get("bytesDecompressed"), m.toString());
        assertEquals(0L, m.get("resourcesDecoded"), m.toString());
        assertTrue(m.get("packagesOpened") > 0, m.toString());

        Dataset<Row> hashed = read(Tables.RESOURCES).select("path", "hash");
        hashed.collectAsList();
        assertTrue(metrics(hashed).get("bytesDecompressed") > 0, "selecting hash decodes");
    }

    @Test
    void aTypeFilterReadsOnlyThatType() {
        long tables = expected.get(Tables.RESOURCES).stream().filter(r -> r.contains(",220557DA,StringTable,")).count();
        Dataset<Row> df = read(Tables.RESOURCES).where("type = '220557DA'").select("path", "hash");
        assertEquals(tables, df.collectAsList().size());
        assertTrue(metrics(df).get("resourcesDecoded") <= tables, "only string tables were decoded: " + metrics(df));
        assertEquals(0, read(Tables.RESOURCES).where("type = '220557da'").count(), "the column is upper-case hex");
        assertEquals(tables, read(Tables.RESOURCES).where("type IN ('220557DA', 'FFFFFFFF')").count());
    }

    @Test
    void aPathFilterOpensOnlyThatPackage() {
        String one = read(Tables.PACKAGES).where("status = 'ok'").select("path").first().getString(0);
        Dataset<Row> df = read(Tables.RESOURCES).where("path = '" + one.replace("'", "\\'") + "'").select("path");
        assertTrue(df.collectAsList().stream().allMatch(r -> r.getString(0).equals(one)));
        assertEquals(1L, metrics(df).get("packagesOpened"), "one package opened");
    }

    @Test
    void aMissingInputIsAClearError() {
        Exception e = assertThrows(Exception.class,
                () -> SharedSpark.get().read().format("dbpf").load(dir.resolve("nothing-here").toString()).count());
        assertTrue(String.valueOf(e.getMessage()).contains("no such input"), e.toString());
        Exception t = assertThrows(Exception.class, () -> SharedSpark.get().read().format("dbpf").option("table", "nope")
                .load(corpus.toString()).count());
        assertTrue(String.valueOf(t.getMessage()).contains("resources, packages, strings, errors"), t.toString());
    }

    /** The source's metrics from the scan node of the query that ran. */
    static Map<String, Long> metrics(Dataset<Row> df) {
        Map<String, Long> out = new TreeMap<>();
        SparkPlan plan = df.queryExecution().executedPlan();
        for (SparkPlan leaf : scala.jdk.javaapi.CollectionConverters.asJava(plan.collectLeaves())) {
            if (leaf instanceof BatchScanExec) {
                for (Map.Entry<String, SQLMetric> e : scala.jdk.javaapi.CollectionConverters.asJava(leaf.metrics()).entrySet()) {
                    out.put(e.getKey(), e.getValue().value());
                }
            }
        }
        return out;
    }
}
