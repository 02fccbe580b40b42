package org.ts4kit.report;

/**
 * Percentiles of one timed operation, in milliseconds; {@code what} names it as the page shows it ("open a package",
 * "read a resource", "read a package": the CLI times each resource, the job each package's whole read).
 */
public record Latency(String what, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
}
