package org.ts4kit.report;

/** The collection at a glance: files seen, packages that read cleanly, broken files, resources and bytes on disk. */
public record CollectionTotals(long files, long packagesOk, long broken, long resources, long bytes) {
}
