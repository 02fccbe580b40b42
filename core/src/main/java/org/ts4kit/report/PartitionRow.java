package org.ts4kit.report;

/** One Spark partition of the job: files and bytes it read and how long it took, for the throughput chart. */
public record PartitionRow(int partition, long files, long bytes, double seconds) {
}
