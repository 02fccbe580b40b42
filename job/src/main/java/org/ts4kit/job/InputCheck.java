package org.ts4kit.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * Which INPUTs match nothing, checked on the driver before Spark starts: a typo then costs one
 * error line, not a SparkSession start and a stack trace. The same rule as {@link FileLister}'s
 * (a path or glob with no match is missing), without listing anything.
 */
final class InputCheck {
    private static final String HADOOP_PREFIX = "spark.hadoop.";

    private InputCheck() {
    }

    /** The inputs (paths or globs on any Hadoop file system) that match no file or folder, in order. */
    static List<String> missing(List<String> inputs, Configuration conf) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String input : inputs) {
            Path pattern = new Path(input);
            // a private instance, closed here: FileSystem.get would cache one made from this configuration,
            // before SparkContext has added its own settings, and Spark's reads would then share it
            try (FileSystem fs = FileSystem.newInstance(pattern.toUri(), conf)) {
                FileStatus[] matches = fs.globStatus(pattern);
                if (matches == null || matches.length == 0) {
                    missing.add(input);
                }
            }
        }
        return missing;
    }

    /** The Hadoop settings a SparkConf carries ({@code spark.hadoop.*}), as Spark hands them to Hadoop. */
    static Configuration hadoopConf(SparkConf spark) {
        Configuration conf = new Configuration();
        for (Tuple2<String, String> kv : spark.getAllWithPrefix(HADOOP_PREFIX)) {
            conf.set(kv._1(), kv._2());
        }
        return conf;
    }
}
