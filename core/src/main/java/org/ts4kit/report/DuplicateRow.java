package org.ts4kit.report;

import java.util.Objects;

/**
 * Something stored more than once (a set of keys, or the files holding the same bytes): the size of one
 * copy and how many copies there are. All but one copy are wasted: {@link #wastedBytes()}.
 */
public record DuplicateRow(String what, long bytes, long occurrences) {
    public DuplicateRow {
        Objects.requireNonNull(what, "what");
    }

    /** {@code bytes × (occurrences − 1)}, never negative. */
    public long wastedBytes() {
        return occurrences > 1 ? bytes * (occurrences - 1) : 0;
    }
}
