package org.ts4kit.job;

import org.apache.spark.SparkConf;

/** Settings the job needs whoever launches it; values already set (spark-submit, spark-defaults.conf) win. */
public final class JobConf {
    private JobConf() {
    }

    public static SparkConf apply(SparkConf conf) {
        conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.setIfMissing("spark.kryo.registrator", JobKryoRegistrator.class.getName());
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
        return conf;
    }
}
