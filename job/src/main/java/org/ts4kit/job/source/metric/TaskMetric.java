package org.ts4kit.job.source.metric;

import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/** One task's value of one of the source's metrics. */
public final class TaskMetric implements CustomTaskMetric {
    private final String name;
    private final long value;

    public TaskMetric(String name, long value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long value() {
        return value;
    }
}
