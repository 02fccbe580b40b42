package org.ts4kit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.scan.Conflict;
import org.ts4kit.triage.ConflictKind;
import org.ts4kit.triage.PackagePair;
import org.ts4kit.triage.Severity;

/**
 * How {@code conflicts} prints: one line per key (as it always has), per key with its kind and severity,
 * or one per package pair. Names come from the file system: a newline in one must not forge a line, so
 * text output escapes them ({@link ErrorLine#escape}).
 */
final class ConflictLines {
    private ConflictLines() {
    }

    /** The default: {@code KEY  identical|differs    PACKAGE...}, or JSON {@code {"key","packages","identical"}}. */
    static void plain(PrintWriter out, List<Conflict> conflicts, boolean json) {
        for (Conflict c : conflicts) {
            if (json) {
                out.println(new Json().field("key", c.key()).field("packages", c.packages()).field("identical", c.identical()));
            } else {
                out.println(c.key() + "  " + (c.identical() ? "identical" : "differs  ") + "  " + names(c.packages()));
            }
        }
    }

    /** Keys of at least {@code min} severity, each with its kind and severity; returns how many were printed. */
    static int triaged(PrintWriter out, List<Conflict> conflicts, Severity min, boolean json) {
        int shown = 0;
        for (Conflict c : conflicts) {
            Severity severity = Severity.of(c.type(), c.identical());
            if (severity.compareTo(min) < 0) {
                continue;
            }
            shown++;
            String kind = ConflictKind.of(c.identical()).label();
            if (json) {
                out.println(new Json().field("key", c.key()).field("packages", c.packages()).field("identical", c.identical())
                        .field("kind", kind).field("severity", severity.label()));
            } else {
                out.println(String.format(Locale.ROOT, "%s  %-9s  %-6s  %s", c.key(), kind, severity.label(), names(c.packages())));
            }
        }
        return shown;
    }

    /** Pairs of at least {@code min} severity, ranked; returns how many were printed. */
    static int pairs(PrintWriter out, List<PackagePair> ranked, Severity min, boolean json) {
        int shown = 0;
        for (PackagePair p : ranked) {
            if (p.severity().compareTo(min) < 0) {
                continue;
            }
            shown++;
            if (json) {
                out.println(new Json().field("package_a", p.packageA()).field("package_b", p.packageB())
                        .field("shared_keys", p.sharedKeys()).field("differing_keys", p.differingKeys())
                        .field("severity", p.severity().label()).field("high_keys", p.highKeys())
                        .field("medium_keys", p.mediumKeys()).field("low_keys", p.lowKeys())
                        .field("versions_of_one_mod", p.versionsOfOneMod()).field("same_creator", p.sameCreator()));
            } else {
                out.println(String.format(Locale.ROOT, "%-6s  %s  %s  %s", p.severity().label(), ErrorLine.escape(p.packageA()),
                        ErrorLine.escape(p.packageB()), p.describe()));
            }
        }
        return shown;
    }

    private static String names(List<String> packages) {
        return packages.stream().map(ErrorLine::escape).collect(Collectors.joining("  "));
    }
}
