package org.ts4kit.telemetry;

/**
 * Told as long work advances (a collection scan, once per package scanned), so a caller can show
 * progress. Calls come from one thread at a time, in order; a listener must be quick, since it
 * runs on the thread doing the work. Core never prints: what to show is the caller's business.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = (items, bytes) -> { };

    /** {@code items} more units done (packages, resources) and {@code bytes} more read or written. */
    void advanced(int items, long bytes);
}
