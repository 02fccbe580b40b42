package org.ts4kit.job;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ts4kit.resource.ResourceTypes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ts4kit-job [--master URL] [--format parquet|json] [--event-log DIR] --out DIR INPUT...}:
 * the Spark job's entry point, for {@code spark-submit} and for local runs ({@code local[*]} unless
 * a master is set). Exit codes: 0 done (broken packages are rows, not failures); 1 the job failed;
 * 2 usage: a bad option or an INPUT that matches nothing, as one line on stderr, before Spark starts.
 */
@Command(name = "ts4kit-job", mixinStandardHelpOptions = true,
        description = "Analyse collections of Sims 4 packages with Spark into tables: packages, resources, conflicts, conflict_pairs, "
                + "duplicates, strings, errors, findings, timings; plus summary.json and report.html.")
public final class JobMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(JobMain.class);

    /** The table formats; picocli rejects any other value as a usage error. */
    enum Format { parquet, json }

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "parquet", description = "parquet (default) or json.")
    Format format;

    @Option(names = "--event-log", paramLabel = "DIR",
            description = "Write Spark's event log to DIR (any Hadoop file system; a local DIR is created), for the history server.")
    String eventLog;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (any Hadoop file system).")
    String out;

    @Option(names = "--partition-mb", paramLabel = "MB", defaultValue = "256", description = "Target MB per partition (default 256).")
    long partitionMb;

    @Option(names = "--type", paramLabel = "T", converter = TypeConverter.class,
            description = "Only resources of this type (repeatable): hex (220557DA) or a name (StringTable). Only their "
                    + "entries are read; packages still get one row each.")
    List<Integer> types;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Folders, globs, .package files, .zip archives.")
    List<String> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --type}: what {@link ResourceTypes#parse} takes. */
    static final class TypeConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                return ResourceTypes.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it in-process. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new JobMain());
        cl.setParameterExceptionHandler(JobMain::usageError);
        return cl;
    }

    /** A usage error is one line on stderr (picocli's default adds the whole usage text) and exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String message = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", "; ");
        cl.getErr().println(cl.getCommandName() + ": " + message + " (--help for usage)");
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() throws IOException {
        SparkConf conf = sparkConf();
        checkInputs(conf);
        if (eventLog != null) {
            JobConf.enableEventLog(conf, eventLog);
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            if (spark.sparkContext().uiWebUrl().isDefined()) { // spark.ui.enabled
                LOG.info("Spark UI: {}", spark.sparkContext().uiWebUrl().get());
            }
            JobSummary s = Ts4kitJob.run(spark, options());
            System.out.println("tables:  " + out + "/{packages,resources,strings,errors,conflicts,conflict_pairs,duplicates,findings,timings} (" + format + ")");
            System.out.println("summary: " + out + "/summary.json");
            System.out.println("report:  " + out + "/report.html");
            System.out.println(s.toJson());
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** A usage error (exit 2) when an INPUT matches nothing or its file system cannot be reached at all. */
    private void checkInputs(SparkConf conf) {
        List<String> missing;
        try {
            missing = InputCheck.missing(inputs, InputCheck.hadoopConf(conf));
        } catch (IOException | RuntimeException e) {
            // s3a:// without hadoop-aws on the class path: a RuntimeException (ClassNotFoundException) from
            // Hadoop; an unknown scheme: UnsupportedFileSystemException. Nothing has started yet: one line.
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot check the inputs: " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such input: " + String.join(", ", missing));
        }
    }

    /** spark-submit's settings (system properties), a master for plain {@code java} runs, and the job's own. */
    private SparkConf sparkConf() {
        SparkConf conf = new SparkConf().setAppName("ts4kit");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        return JobConf.apply(conf);
    }

    private JobOptions options() {
        JobOptions o = new JobOptions();
        o.format = format.name();
        o.out = out;
        o.inputs = inputs;
        o.partitionBytes = partitionMb << 20;
        o.types = types == null ? null : types.stream().mapToInt(Integer::intValue).toArray();
        return o;
    }
}
