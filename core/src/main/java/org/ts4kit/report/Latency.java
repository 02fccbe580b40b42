package org.ts4kit.report;

/** Percentiles of one timed operation (opening a package, reading a resource), in milliseconds. */
public record Latency(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
}
