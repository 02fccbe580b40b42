package org.ts4kit.report;

import java.util.Objects;

/** A package's size on disk and how many resources it holds, for the largest-packages table. */
public record PackageSizeRow(String path, long bytes, long resources) {
    public PackageSizeRow {
        Objects.requireNonNull(path, "path");
    }
}
