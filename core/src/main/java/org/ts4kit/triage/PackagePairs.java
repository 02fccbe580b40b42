package org.ts4kit.triage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ts4kit.scan.Conflict;

/**
 * Every pair of packages that share keys, from the conflicts of a collection, ranked ({@link PackagePair#RANK}).
 *
 * <p>A key held by {@code k} packages makes {@code k(k-1)/2} pairs; a key that a hostile or odd
 * collection puts in thousands of packages would make millions. A key held by more than
 * {@link #MAX_HOLDERS} packages is therefore not spread into pairs: it is counted in
 * {@link #widelySharedKeys()} (and still listed as a conflict), so the work is at most
 * {@code MAX_HOLDERS - 1} pair updates per conflicting entry: linear in the collection.
 *
 * <pre>{@code
 * PackagePairs pairs = PackagePairs.of(scan.conflicts(), scan.keyCounts());
 * for (PackagePair p : pairs.ranked()) System.out.println(p.packageA() + " / " + p.packageB() + ": " + p.describe());
 * }</pre>
 */
public final class PackagePairs {
    /** Holders above which a key is not spread into pairs (at most 4,950 pairs from one key). */
    public static final int MAX_HOLDERS = 100;

    private final List<PackagePair> ranked;
    private final int widelySharedKeys;

    private PackagePairs(List<PackagePair> ranked, int widelySharedKeys) {
        this.ranked = ranked;
        this.widelySharedKeys = widelySharedKeys;
    }

    /** Counts per pair: shared, differing, and differing by severity (index = {@link Severity#ordinal()}). */
    private static final class Tally {
        long shared;
        final long[] differing = new long[Severity.values().length];
    }

    /**
     * The pairs of {@code conflicts}; {@code keyCounts} (keys each package holds, by name) decides which
     * look like two versions of one mod. A package missing from it counts as holding no keys.
     */
    public static PackagePairs of(List<Conflict> conflicts, Map<String, Integer> keyCounts) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        Map<Long, Tally> tallies = new HashMap<>();
        int wide = 0;
        int[] holders = new int[0];
        for (Conflict c : conflicts) {
            List<String> packages = c.packages();
            if (packages.size() > MAX_HOLDERS) {
                wide++;
                continue;
            }
            if (holders.length < packages.size()) {
                holders = new int[packages.size()];
            }
            for (int i = 0; i < packages.size(); i++) {
                holders[i] = ids.computeIfAbsent(packages.get(i), name -> {
                    names.add(name);
                    return names.size() - 1;
                });
            }
            Severity override = Severity.of(c.type());
            for (int i = 0; i < packages.size(); i++) {
                for (int j = i + 1; j < packages.size(); j++) {
                    // packages() is sorted, so i < j is a < b by name whatever the ids
                    Tally t = tallies.computeIfAbsent((long) holders[i] << 32 | holders[j], k -> new Tally());
                    t.shared++;
                    // what these two hold, whatever a third package holds under the key
                    t.differing[(c.content(i) == c.content(j) ? Severity.NONE : override).ordinal()]++;
                }
            }
        }
        List<PackagePair> pairs = new ArrayList<>(tallies.size());
        for (Map.Entry<Long, Tally> e : tallies.entrySet()) {
            String a = names.get((int) (e.getKey() >>> 32));
            String b = names.get((int) (long) e.getKey());
            pairs.add(pair(a, b, e.getValue(), keyCounts));
        }
        pairs.sort(PackagePair.RANK);
        return new PackagePairs(Collections.unmodifiableList(pairs), wide);
    }

    private static PackagePair pair(String a, String b, Tally t, Map<String, Integer> keyCounts) {
        long high = t.differing[Severity.HIGH.ordinal()];
        long medium = t.differing[Severity.MEDIUM.ordinal()];
        long low = t.differing[Severity.LOW.ordinal()];
        long differing = high + medium + low;
        Severity severity = high > 0 ? Severity.HIGH : medium > 0 ? Severity.MEDIUM : low > 0 ? Severity.LOW : Severity.NONE;
        boolean versions = PackagePair.looksLikeVersions(a, b, t.shared, keyCounts.getOrDefault(a, 0), keyCounts.getOrDefault(b, 0));
        return new PackagePair(a, b, t.shared, differing, severity, high, medium, low, versions, ModNames.sameCreator(a, b));
    }

    /** Highest severity first, then the most differing keys ({@link PackagePair#RANK}). */
    public List<PackagePair> ranked() {
        return ranked;
    }

    /** Conflicting keys held by more than {@link #MAX_HOLDERS} packages, not spread into pairs. */
    public int widelySharedKeys() {
        return widelySharedKeys;
    }
}
