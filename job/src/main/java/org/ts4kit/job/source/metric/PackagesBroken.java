package org.ts4kit.job.source.metric;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Spark SQL metric of the dbpf source, summed over tasks: packages broken. */
public final class PackagesBroken extends CustomSumMetric {
    public static final String NAME = "packagesBroken";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "packages broken";
    }
}
