package org.ts4kit.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ts4kit.scan.Problem;
import org.ts4kit.triage.Severity;

/** What is in the files: another game's packages, packages that do not read or hold nothing, copies. */
final class ContentChecks {
    private ContentChecks() {
    }

    /** A package the game reads as its own: not junk, not another game's. */
    static boolean isSims4Package(ModsFile f) {
        return f.kind() == ModsFile.Kind.PACKAGE && f.state() != ModsFile.State.UNREAD && GameRules.otherGame(f) == null;
    }

    /** Another game's packages (said as such, not as broken), broken packages, empty packages: one finding each. */
    static void packages(List<ModsFile> files, List<Finding> out) {
        for (ModsFile f : files) {
            if (f.kind() != ModsFile.Kind.PACKAGE || f.state() == ModsFile.State.UNREAD) {
                continue;
            }
            String game = GameRules.otherGame(f);
            if (f.size() == 0) {
                // a zero-byte file does not read, but what is wrong is that it holds nothing, not that it is damaged
                out.add(Finding.of(Severity.LOW, Check.EMPTY_PACKAGE, f.path(), "the file is empty (0 bytes): it does nothing",
                        "delete it (download the mod again if you meant to install it)"));
            } else if (game != null) {
                out.add(Finding.of(Severity.HIGH, Check.OTHER_GAME, f.path(),
                        "a package of " + game + ", not of The Sims 4 (DBPF 2.1): the game cannot use it and may report errors",
                        "delete it, or move it to the Mods folder of the game it is for"));
            } else if (f.state() == ModsFile.State.BROKEN) {
                out.add(Finding.of(Severity.HIGH, Check.BROKEN_PACKAGE, f.path(),
                        "the package does not read: " + f.problem() + " (at byte " + f.problemOffset() + ")",
                        "download it again from its creator, or delete it"));
            } else if (f.resources() == 0) {
                out.add(Finding.of(Severity.LOW, Check.EMPTY_PACKAGE, f.path(),
                        "the package holds no resources: it does nothing", "delete it"));
            }
        }
    }

    /**
     * Byte-identical files (same SHA-256; only files whose size another file has are hashed): one finding
     * per set of copies, keeping the one nearest the top of Mods. Identical scripts run twice, so they
     * matter more than identical packages, which only load twice.
     */
    static void duplicates(List<ModsFile> files, List<Finding> out) {
        Map<String, List<ModsFile>> byHash = new TreeMap<>();
        for (ModsFile f : files) {
            boolean counted = f.kind() == ModsFile.Kind.SCRIPT || isSims4Package(f) && f.state() == ModsFile.State.OK;
            if (counted && f.fileHash() != null && f.size() > 0) {
                byHash.computeIfAbsent(f.kind() + " " + f.fileHash().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            }
        }
        for (List<ModsFile> copies : byHash.values()) {
            if (copies.size() < 2) {
                continue;
            }
            copies.sort((a, b) -> a.depth() != b.depth() ? Integer.compare(a.depth(), b.depth()) : a.path().compareTo(b.path()));
            ModsFile keep = copies.get(0);
            boolean script = keep.kind() == ModsFile.Kind.SCRIPT;
            List<String> paths = PlacementChecks.paths(copies);
            int extra = copies.size() - 1;
            out.add(new Finding(script ? Severity.MEDIUM : Severity.LOW, Check.DUPLICATE_FILES, keep.path(), paths,
                    copies.size() + " identical copies of one " + (script ? "script: the game runs each, twice over"
                            : "package: harmless, but each loads and " + bytes(extra * keep.size()) + " are wasted"),
                    "keep " + keep.path() + " and delete the other " + (extra == 1 ? "copy" : extra + " copies")));
        }
    }

    /** What could not be looked at: a folder without permission, a FIFO. */
    static void unreadable(List<Problem> problems, List<Finding> out) {
        for (Problem p : problems) {
            out.add(Finding.of(Severity.MEDIUM, Check.UNREADABLE, p.location(),
                    "ts4kit could not look at it: " + p.reason(),
                    "check that it is a file or folder you can read (permissions, a broken link)"));
        }
    }

    private static String bytes(long n) {
        if (n < 10_000) {
            return n + " bytes";
        }
        return n < 10_000_000 ? String.format(Locale.ROOT, "%.0f KB", n / 1e3) : String.format(Locale.ROOT, "%.1f MB", n / 1e6);
    }
}
