package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ts4kit-sql}: the views over a Mods folder, a statement over them, and its errors. */
class SqlMainTest {
    static String corpus;

    @BeforeAll
    static void generate() throws Exception {
        DbpfSourceTest.generate();
        corpus = DbpfSourceTest.corpus.toString();
    }

    @Test
    void theTenTypesWithTheMostBytes() {
        Dataset<Row> top = SqlMain.run(SharedSpark.get(), List.of(corpus),
                "SELECT type_name, count(*) AS n, sum(mem_size) AS bytes FROM resources WHERE type_name IS NOT NULL "
                        + "GROUP BY type_name ORDER BY bytes DESC LIMIT 10");
        // the same sums from the job's per-file rows (DbpfSourceTest's independent path)
        Map<String, Long> expected = new TreeMap<>();
        for (String row : DbpfSourceTest.expected.get(Tables.RESOURCES)) {
            String[] f = row.substring(1, row.length() - 1).split(",");
            if (!f[2].equals("null")) {
                expected.merge(f[2], Long.parseLong(f[7]), Long::sum);
            }
        }
        List<Row> rows = top.collectAsList();
        assertTrue(rows.size() > 1 && rows.size() <= 10);
        for (Row r : rows) {
            assertEquals(expected.get(r.getString(0)), r.getLong(2), r.toString());
        }
    }

    @Test
    void aViewTheStatementDoesNotUseIsNeverRead() {
        Dataset<Row> df = SqlMain.run(SharedSpark.get(), List.of(corpus), "SELECT count(*) FROM packages WHERE status = 'broken'");
        assertTrue(df.first().getLong(0) > 0);
        SparkPlan plan = df.queryExecution().executedPlan();
        String text = plan.toString();
        assertEquals(1, text.split("BatchScan").length - 1, "one scan only: " + text);
        assertTrue(text.contains("dbpf packages"), text);
        assertTrue(!(plan instanceof BatchScanExec));
    }

    @Test
    void aBadStatementIsOneLineAndExitTwo() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SqlMain());
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("--sql", "SELEC nothing", corpus);
        assertEquals(2, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("ts4kit-sql: "), err.toString());

        StringWriter err2 = new StringWriter();
        CommandLine cl2 = new CommandLine(new SqlMain());
        cl2.setErr(new PrintWriter(err2));
        assertEquals(2, cl2.execute("--sql", "SELECT count(*) FROM resources", corpus + "/no-such-folder"));
        assertTrue(err2.toString().contains("no such input"), err2.toString());
    }
}
