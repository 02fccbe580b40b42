package org.ts4kit.job.source.metric;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * What one reader counts, reported to Spark's SQL tab and event log: packages opened and broken,
 * bytes of files read, bytes decompressed and resources decoded (0 for an index-only query).
 */
public final class SourceMetrics {
    public long packagesOpened;
    public long packagesBroken;
    public long bytesRead;
    public long bytesDecompressed;
    public long resourcesDecoded;

    /** The metrics the scan declares ({@code Scan.supportedCustomMetrics}). */
    public static CustomMetric[] supported() {
        return new CustomMetric[] {new PackagesOpened(), new PackagesBroken(), new BytesRead(), new BytesDecompressed(),
            new ResourcesDecoded()};
    }

    /** This task's values so far ({@code PartitionReader.currentMetricsValues}). */
    public CustomTaskMetric[] values() {
        return new CustomTaskMetric[] {new TaskMetric(PackagesOpened.NAME, packagesOpened),
            new TaskMetric(PackagesBroken.NAME, packagesBroken), new TaskMetric(BytesRead.NAME, bytesRead),
            new TaskMetric(BytesDecompressed.NAME, bytesDecompressed), new TaskMetric(ResourcesDecoded.NAME, resourcesDecoded)};
    }
}
