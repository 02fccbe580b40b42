package org.ts4kit.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ts4kit.triage.Severity;

/** Where files are: nested too deep, archives never extracted, files another system left behind. */
final class PlacementChecks {
    private PlacementChecks() {
    }

    /**
     * Packages more than {@link GameRules#PACKAGE_DEPTH} folders down, scripts more than
     * {@link GameRules#SCRIPT_DEPTH}: one finding per folder that is too deep (a mod unpacked one level
     * too low is one problem, whatever its file count), naming every file the game skips.
     */
    static void tooDeep(List<ModsFile> files, List<Finding> out) {
        Map<String, List<ModsFile>> packages = new TreeMap<>();
        Map<String, List<ModsFile>> scripts = new TreeMap<>();
        for (ModsFile f : files) {
            if (f.kind() == ModsFile.Kind.PACKAGE && f.depth() > GameRules.PACKAGE_DEPTH) {
                packages.computeIfAbsent(folderAt(f, GameRules.PACKAGE_DEPTH + 1), k -> new ArrayList<>()).add(f);
            } else if (f.kind() == ModsFile.Kind.SCRIPT && f.depth() > GameRules.SCRIPT_DEPTH) {
                scripts.computeIfAbsent(folderAt(f, GameRules.SCRIPT_DEPTH + 1), k -> new ArrayList<>()).add(f);
            }
        }
        packages.forEach((folder, group) -> out.add(tooDeep(folder, group, GameRules.PACKAGE_DEPTH, "package",
                "a package loads at most " + GameRules.PACKAGE_DEPTH + " folders below Mods")));
        scripts.forEach((folder, group) -> out.add(tooDeep(folder, group, GameRules.SCRIPT_DEPTH, "script",
                "a script loads only at the top of Mods or one folder down")));
    }

    private static Finding tooDeep(String folder, List<ModsFile> group, int limit, String what, String rule) {
        int deepest = group.stream().mapToInt(ModsFile::depth).max().orElse(limit + 1);
        int up = deepest - limit;
        String folders = up == 1 ? "one folder" : up == 2 ? "two folders" : up + " folders";
        List<String> paths = paths(group);
        String reason;
        String fix;
        if (group.size() == 1) {
            ModsFile f = group.get(0);
            reason = "this " + what + " is " + f.depth() + " folders below Mods and the game does not load it: " + rule;
            fix = "move it up " + folders;
        } else {
            reason = group.size() + " " + what + "s in " + folder + " are " + (limit + 1) + " or more folders below Mods "
                    + "and the game does not load them: " + rule;
            fix = "move the folder " + folder + " up " + folders + " (or its files nearer the top of Mods)";
        }
        return new Finding(Severity.MEDIUM, Check.TOO_DEEP, paths.get(0), paths, reason, fix);
    }

    /** The first {@code folders} folders of the file's path below Mods. */
    private static String folderAt(ModsFile f, int folders) {
        String r = f.relative();
        int end = -1;
        for (int i = 0; i < folders; i++) {
            end = r.indexOf('/', end + 1);
        }
        return r.substring(0, end);
    }

    /** Every archive is its own problem: its mods are not loaded until it is extracted. */
    static void archives(List<ModsFile> files, List<Finding> out) {
        for (ModsFile f : files) {
            if (f.kind() == ModsFile.Kind.ARCHIVE) {
                String type = f.relative().substring(f.relative().lastIndexOf('.') + 1);
                out.add(Finding.of(Severity.MEDIUM, Check.UNEXTRACTED_ARCHIVE, f.path(),
                        "a ." + type + " archive: the game does not open archives, so nothing in it is loaded",
                        "extract it into the Mods folder, then delete the archive"));
            }
        }
    }

    /**
     * Junk, grouped: each top {@code __MACOSX} folder is one finding, {@code ._} resource forks one per
     * folder, folder caches ({@code .DS_Store}, {@code Thumbs.db}) one in all. Resource forks are named like
     * the packages they came with, and the game tries to load them; caches are only clutter.
     */
    static void junk(List<ModsFile> files, List<Finding> out) {
        Map<String, List<ModsFile>> macFolders = new TreeMap<>();
        Map<String, List<ModsFile>> forks = new TreeMap<>();
        List<ModsFile> caches = new ArrayList<>();
        for (ModsFile f : files) {
            if (f.kind() != ModsFile.Kind.JUNK) {
                continue;
            }
            String r = f.relative();
            int mac = r.startsWith("__MACOSX/") ? 0 : r.indexOf("/__MACOSX/") + 1;
            if (r.startsWith("__MACOSX/") || mac > 0) {
                macFolders.computeIfAbsent(r.substring(0, mac + "__MACOSX".length()), k -> new ArrayList<>()).add(f);
            } else if (GameRules.isUnfinishedDownload(r)) {
                out.add(Finding.of(Severity.MEDIUM, Check.JUNK, f.path(),
                        "an unfinished download: the browser stopped before the file was whole, so the mod is not installed",
                        "delete it and download the mod again"));
            } else if (GameRules.isMacFork(r)) {
                int slash = r.lastIndexOf('/');
                forks.computeIfAbsent(slash < 0 ? "" : r.substring(0, slash), k -> new ArrayList<>()).add(f);
            } else {
                caches.add(f);
            }
        }
        macFolders.forEach((folder, group) -> {
            List<String> paths = paths(group);
            out.add(new Finding(Severity.MEDIUM, Check.JUNK, paths.get(0), paths,
                    "a __MACOSX folder (" + count(group.size(), "file") + "): macOS's zip tool leaves it, it holds no mods, "
                            + "and the game tries to load the ._ files in it as packages",
                    "delete the folder " + folder));
        });
        forks.forEach((folder, group) -> {
            List<String> paths = paths(group);
            out.add(new Finding(Severity.MEDIUM, Check.JUNK, paths.get(0), paths,
                    count(group.size(), "macOS resource fork") + " (._ files)" + (folder.isEmpty() ? "" : " in " + folder)
                            + ": left by macOS, not mods, and the game tries to load those named .package",
                    group.size() == 1 ? "delete it" : "delete the ._ files"));
        });
        if (!caches.isEmpty()) {
            List<String> paths = paths(caches);
            out.add(new Finding(Severity.LOW, Check.JUNK, paths.get(0), paths,
                    count(caches.size(), "folder cache file") + " (.DS_Store, Thumbs.db, desktop.ini): harmless clutter",
                    caches.size() == 1 ? "delete it" : "delete them"));
        }
    }

    static List<String> paths(List<ModsFile> group) {
        List<String> paths = new ArrayList<>(group.size());
        for (ModsFile f : group) {
            paths.add(f.path());
        }
        paths.sort(null);
        return paths;
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
