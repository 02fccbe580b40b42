package org.ts4kit.doctor;

import java.util.Comparator;
import java.util.List;
import org.ts4kit.triage.Severity;

/**
 * One problem of a Mods folder: how much it matters, which check found it, the file it is about (and
 * every file it concerns: the copies of a duplicate, the versions of a mod), in plain words what is
 * wrong and what to do about it. One finding per problem, not one per file.
 */
public record Finding(Severity severity, Check check, String path, List<String> paths, String reason, String fix) {

    /** Highest severity first, then by check, then by file. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::check).thenComparing(Finding::path);

    public Finding {
        paths = List.copyOf(paths);
        if (paths.isEmpty() || !paths.contains(path)) {
            throw new IllegalArgumentException("a finding's path must be one of its paths");
        }
    }

    /** A finding about one file. */
    static Finding of(Severity severity, Check check, String path, String reason, String fix) {
        return new Finding(severity, check, path, List.of(path), reason, fix);
    }
}
