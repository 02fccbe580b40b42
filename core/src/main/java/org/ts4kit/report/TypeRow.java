package org.ts4kit.report;

import java.util.Objects;

/** One resource type (its name, or its id in hex) across the collection: how many resources, how many decompressed bytes. */
public record TypeRow(String type, long resources, long bytes) {
    public TypeRow {
        Objects.requireNonNull(type, "type");
    }
}
