package org.ts4kit.report;

import java.util.Objects;

/** A file that could not be read: where it is, the byte offset the reader stopped at, and why. */
public record BrokenRow(String path, long offset, String reason) {
    public BrokenRow {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
