package org.ts4kit.doctor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ts4kit.triage.ModNames;
import org.ts4kit.triage.PackagePair;
import org.ts4kit.triage.Severity;

/**
 * What the package pairs say: versions of one mod side by side (one finding per mod, however many
 * versions), and different mods overriding each other's tuning (one finding per pair). A pair that is
 * already explained, as copies of one file or as versions, is not reported again as a conflict.
 */
final class PairChecks {
    private PairChecks() {
    }

    static void check(List<PackagePair> pairs, Map<String, ModsFile> files, Map<String, String> copies, List<Finding> out) {
        Map<String, String> parent = new HashMap<>(); // union-find over the versions pairs: one mod per set
        List<PackagePair> conflicts = new ArrayList<>();
        for (PackagePair p : pairs) {
            ModsFile a = files.get(p.packageA());
            ModsFile b = files.get(p.packageB());
            if (!loadedTogether(a) || !loadedTogether(b)) {
                continue; // an archive's member, another game's package, a broken one: said otherwise, if at all
            }
            String copyOf = copies.get(p.packageA());
            if (copyOf != null && copyOf.equals(copies.get(p.packageB()))) {
                continue; // identical files: the duplicate-files finding says it
            }
            if (p.versionsOfOneMod()) {
                union(parent, p.packageA(), p.packageB());
            } else if (p.severity() == Severity.HIGH && isKept(p.packageA(), copies) && isKept(p.packageB(), copies)) {
                // a spare copy of a file conflicts as its kept copy does: one problem, said once (delete the copy)
                conflicts.add(p);
            }
        }
        Map<String, List<ModsFile>> mods = new TreeMap<>();
        for (String name : parent.keySet()) {
            mods.computeIfAbsent(find(parent, name), k -> new ArrayList<>()).add(files.get(name));
        }
        for (List<ModsFile> versions : mods.values()) {
            out.add(versions(versions));
        }
        scriptVersions(files, copies, out);
        for (PackagePair p : conflicts) {
            boolean oneMod = parent.containsKey(p.packageA()) && parent.containsKey(p.packageB())
                    && find(parent, p.packageA()).equals(find(parent, p.packageB()));
            if (!oneMod) {
                out.add(conflict(p));
            }
        }
    }

    /**
     * Scripts hold no keys to compare, and two versions of one script both run: scripts whose names are
     * alike ({@link ModNames#stem}) are versions of one mod, unless they are copies of one file (said as such).
     */
    private static void scriptVersions(Map<String, ModsFile> files, Map<String, String> copies, List<Finding> out) {
        Map<String, List<ModsFile>> byStem = new TreeMap<>();
        for (ModsFile f : files.values()) {
            String stem = ModNames.stem(f.path());
            if (f.kind() == ModsFile.Kind.SCRIPT && !stem.isEmpty() && isKept(f.path(), copies)) {
                byStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(f);
            }
        }
        for (List<ModsFile> versions : byStem.values()) {
            if (versions.size() > 1) {
                out.add(versions(versions));
            }
        }
    }

    /** Not a spare copy: no copy of it at all, or the copy the duplicate-files finding keeps. */
    private static boolean isKept(String path, Map<String, String> copies) {
        String kept = copies.get(path);
        return kept == null || kept.equals(path);
    }

    /** A Sims 4 package that read: what a pair finding can be about. */
    private static boolean loadedTogether(ModsFile f) {
        return f != null && f.state() == ModsFile.State.OK && ContentChecks.isSims4Package(f);
    }

    private static Finding versions(List<ModsFile> versions) {
        versions.sort((x, y) -> x.path().compareTo(y.path()));
        ModsFile newest = null;
        for (ModsFile f : versions) {
            if (f.modified() >= 0 && (newest == null || f.modified() > newest.modified())) {
                newest = f;
            }
        }
        List<String> paths = PlacementChecks.paths(versions);
        String mod = ModNames.stem(versions.get(0).path());
        String fix = newest == null ? "keep the newest version and delete the others"
                : "keep the newest, " + newest.path() + " (modified last), and delete the "
                        + (versions.size() == 2 ? "other" : "other " + (versions.size() - 1));
        return new Finding(Severity.HIGH, Check.SEVERAL_VERSIONS, paths.get(0), paths,
                versions.size() + " versions of one mod (" + mod + ") are installed side by side: the game loads all of them, "
                        + "and what the older one holds may win over the newer",
                fix);
    }

    private static Finding conflict(PackagePair p) {
        boolean creator = ModNames.sameCreator(ModNames.fileName(p.packageA()), ModNames.fileName(p.packageB()));
        String reason = p.packageA() + " and " + p.packageB() + " both replace " + count(p.highKeys(), "tuning or SimData resource")
                + ", each with different content; " + p.describe() + ". The game uses one of each, so one mod undoes part of the other"
                + (creator ? "; their names say one creator, who may have meant one to patch the other" : "");
        String fix = creator ? "check the creator's notes: keep both only if one is a patch for the other"
                : "keep the one you want, or look for a compatibility patch from their creators";
        // one creator's packages overriding each other are usually on purpose (an add-on patching its base mod)
        return new Finding(creator ? Severity.MEDIUM : Severity.HIGH, Check.CONFLICT, p.packageA(),
                List.of(p.packageA(), p.packageB()), reason, fix);
    }

    private static String count(long n, String noun) {
        return PlacementChecks.count(n, noun);
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        while (!parent.get(x).equals(root)) { // path compression
            String next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }
}
