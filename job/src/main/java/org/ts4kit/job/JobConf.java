package org.ts4kit.job;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/** Settings the job needs whoever launches it; values already set (spark-submit, spark-defaults.conf) win. */
public final class JobConf {
    /** {@code hdfs:}, {@code s3a:}, ...: a URI scheme (RFC 3986); a plain path has none. */
    private static final Pattern HAS_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    private JobConf() {
    }

    public static SparkConf apply(SparkConf conf) {
        conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.setIfMissing("spark.kryo.registrator", JobKryoRegistrator.class.getName());
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
        // the job caches its one read of the inputs; Spark's compression of cached columns (dictionary and
        // run-length statistics gathered over every string) cost more than a quarter of the read on the
        // benchmark corpus (JFR), and the cache lives one run: plain columns, faster to build and to scan
        conf.setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
        // Spark's default, INT96, is a legacy type Parquet keeps no min/max statistics for; as INT64
        // micros the packages' `modified` column gets them (readers can skip row groups by date)
        conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        return conf;
    }

    /**
     * Turns on Spark's event log into {@code dir} (any Hadoop file system; what the history server
     * reads). Spark refuses to start when the folder is missing, so a local one is created here.
     */
    public static SparkConf enableEventLog(SparkConf conf, String dir) throws IOException {
        if (dir.startsWith("file:")) {
            Files.createDirectories(Path.of(URI.create(dir)));
        } else if (!HAS_SCHEME.matcher(dir).lookingAt()) {
            Files.createDirectories(Path.of(dir));
        }
        conf.set("spark.eventLog.enabled", "true");
        conf.set("spark.eventLog.dir", dir);
        return conf;
    }
}
