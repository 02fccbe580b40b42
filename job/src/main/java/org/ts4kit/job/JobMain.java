package org.ts4kit.job;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ts4kit.resource.ResourceTypes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ts4kit-job [--master URL] [--format parquet|json] --out DIR INPUT...}: the Spark job's
 * entry point, for {@code spark-submit} and for local runs ({@code local[*]} unless a master is
 * set). Exit codes: 0 done (broken packages are rows, not failures); 1 the job failed; 2 usage.
 */
@Command(name = "ts4kit-job", mixinStandardHelpOptions = true,
        description = "Analyse collections of Sims 4 packages with Spark into tables: packages, resources, conflicts, "
                + "duplicates, strings, errors; plus summary.json and report.html.")
public final class JobMain implements Callable<Integer> {
    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "parquet", description = "parquet (default) or json.")
    String format;

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
        System.exit(new CommandLine(new JobMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("parquet") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is parquet or json, not " + format);
        }
        JobOptions o = new JobOptions();
        o.format = format;
        o.out = out;
        o.inputs = inputs;
        o.partitionBytes = partitionMb << 20;
        o.types = types == null ? null : types.stream().mapToInt(Integer::intValue).toArray();
        SparkConf conf = new SparkConf().setAppName("ts4kit");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        JobConf.apply(conf);
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            JobSummary s = Ts4kitJob.run(spark, o);
            System.out.println("tables:  " + out + "/{packages,resources,conflicts,duplicates,strings,errors} (" + format + ")");
            System.out.println("summary: " + out + "/summary.json");
            System.out.println("report:  " + out + "/report.html");
            System.out.println(s.toJson());
            return 0;
        } finally {
            spark.stop();
        }
    }
}
