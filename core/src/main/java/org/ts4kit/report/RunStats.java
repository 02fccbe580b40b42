package org.ts4kit.report;

/**
 * How the run went: files and bytes read, wall time, threads, open and read latency (either may be
 * {@code null}: not measured) and garbage collection. Throughput is derived from these by the page.
 */
public record RunStats(long files, long bytesRead, double wallSeconds, int threads, Latency open, Latency read,
        long gcCount, double gcSeconds) {
}
