package org.ts4kit.job.source.metric;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Spark SQL metric of the dbpf source, summed over tasks: bytes read (files). */
public final class BytesRead extends CustomSumMetric {
    public static final String NAME = "bytesRead";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "bytes read (files)";
    }
}
