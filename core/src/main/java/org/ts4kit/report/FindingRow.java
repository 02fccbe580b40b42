package org.ts4kit.report;

import java.util.List;
import java.util.Objects;

/**
 * One problem to fix: how bad it is ({@code high}, {@code medium} or {@code low}), which check found it
 * (e.g. {@code too-deep}), the files it concerns, why it matters and what to do, in plain words.
 */
public record FindingRow(String severity, String check, List<String> files, String reason, String fix) {
    public FindingRow {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        files = List.copyOf(files);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
    }
}
