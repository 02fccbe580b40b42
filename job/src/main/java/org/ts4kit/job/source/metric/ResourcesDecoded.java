package org.ts4kit.job.source.metric;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Spark SQL metric of the dbpf source, summed over tasks: resources decoded. */
public final class ResourcesDecoded extends CustomSumMetric {
    public static final String NAME = "resourcesDecoded";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "resources decoded";
    }
}
