package org.ts4kit.job;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ts4kit.job.source.DbpfSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/ts4kit-sql [--master URL] [--json] --sql "SQL" INPUT...}: SQL over mod collections,
 * without a Spark install. The views {@code resources}, {@code packages}, {@code strings} and
 * {@code errors} are the {@code dbpf} source over the INPUTs; a view the statement does not use is
 * never read (a view over a data source is only planned when a query uses it). Exit codes: 0 done;
 * 2 usage, a bad statement or a missing input (one line on stderr, no stack trace).
 */
@Command(name = "ts4kit-sql", mixinStandardHelpOptions = true,
        description = "Run one SQL statement over Sims 4 packages: views resources, packages, strings, errors.")
public final class SqlMain implements Callable<Integer> {
    /** The views, as the source's table names. */
    static final List<String> VIEWS = List.of(Tables.RESOURCES, Tables.PACKAGES, Tables.STRINGS, Tables.ERRORS);

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
    String master;

    @Option(names = "--json", description = "JSON Lines: one object a row, the column names as keys (nulls included).")
    boolean json;

    @Option(names = "--sql", paramLabel = "SQL", required = true, description = "The statement, e.g. \"SELECT type_name, "
            + "count(*) FROM resources GROUP BY type_name\".")
    String sql;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "Rows printed at most (default 1000).")
    int limit;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Folders, globs, .package files, .zip archives.")
    List<String> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SqlMain()).execute(args));
    }

    @Override
    public Integer call() {
        SparkConf conf = new SparkConf().setAppName("ts4kit-sql");
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", "local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        boolean ownSession = SparkSession.getDefaultSession().isEmpty(); // in tests a session may already run
        SparkSession spark = SparkSession.builder().config(JobConf.apply(conf)).getOrCreate();
        spark.conf().set("spark.sql.jsonGenerator.ignoreNullFields", "false");
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        try {
            Dataset<Row> result = run(spark, inputs, sql);
            if (json) {
                Iterator<String> lines = result.limit(limit).toJSON().toLocalIterator();
                lines.forEachRemaining(out::println);
            } else {
                ResultTable.print(result, limit, out);
            }
            out.flush();
            return 0;
        } catch (Exception e) {
            // a bad statement (AnalysisException, ParseException) or input: one line, exit 2
            spec.commandLine().getErr().println("ts4kit-sql: " + firstLine(rootMessage(e)));
            spec.commandLine().getErr().flush();
            return 2;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    /** Registers the views over {@code inputs} and plans {@code sql}; nothing is read until the result is. */
    public static Dataset<Row> run(SparkSession spark, List<String> inputs, String sql) {
        for (String view : VIEWS) {
            spark.read().format(DbpfSource.SHORT_NAME).option("table", view).load(inputs.toArray(new String[0]))
                    .createOrReplaceTempView(view);
        }
        return spark.sql(sql);
    }

    /** The innermost cause that says something: Spark wraps a reader's error in task failures. */
    static Throwable rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof IllegalArgumentException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e : t;
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? null : e.getMessage().strip();
        if (m == null || m.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
