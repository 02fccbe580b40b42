package org.ts4kit.report;

import java.util.Objects;

/** One compression method ({@code zlib}, {@code refpack}, {@code none}, {@code deleted}...): resources, bytes on disk, bytes in memory. */
public record CompressionRow(String method, long resources, long storedBytes, long memoryBytes) {
    public CompressionRow {
        Objects.requireNonNull(method, "method");
    }
}
