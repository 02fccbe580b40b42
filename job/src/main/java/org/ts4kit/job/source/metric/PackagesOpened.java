package org.ts4kit.job.source.metric;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Spark SQL metric of the dbpf source, summed over tasks: packages opened. */
public final class PackagesOpened extends CustomSumMetric {
    public static final String NAME = "packagesOpened";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "packages opened";
    }
}
