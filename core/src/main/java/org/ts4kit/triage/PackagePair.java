package org.ts4kit.triage;

import java.util.Comparator;

/**
 * Two packages that hold some of the same keys: how many, how many of those differ and how much the
 * differences matter, and what the names say (two versions of one mod, one creator's). {@code packageA}
 * sorts before {@code packageB}. This is what a curator acts on: "A and B differ on 37 tuning resources".
 */
public record PackagePair(String packageA, String packageB, long sharedKeys, long differingKeys, Severity severity,
        long highKeys, long mediumKeys, long lowKeys, boolean versionsOfOneMod, boolean sameCreator) {

    /** Highest severity first, then the most differing keys, then the most shared, then by names. */
    public static final Comparator<PackagePair> RANK = Comparator.comparing(PackagePair::severity).reversed()
            .thenComparing(Comparator.comparingLong(PackagePair::differingKeys).reversed())
            .thenComparing(Comparator.comparingLong(PackagePair::sharedKeys).reversed())
            .thenComparing(PackagePair::packageA).thenComparing(PackagePair::packageB);

    /**
     * Two versions of one mod: names alike ({@link ModNames#alike}) and at least half of the smaller
     * package's keys held by both. The job applies this same rule.
     */
    public static boolean looksLikeVersions(String a, String b, long sharedKeys, long keysOfA, long keysOfB) {
        long smaller = Math.min(keysOfA, keysOfB);
        return smaller > 0 && sharedKeys * 2 >= smaller && ModNames.alike(a, b);
    }

    /** Every shared key byte-identical in both. */
    public boolean identical() {
        return differingKeys == 0;
    }

    /** One line for people: {@code A and B: 37 of 40 shared keys differ (37 high)} or {@code ... are identical}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(sharedKeys).append(sharedKeys == 1 ? " shared key" : " shared keys");
        if (differingKeys == 0) {
            s.append(sharedKeys == 1 ? ", identical" : ", all identical");
        } else {
            s.append(", ").append(differingKeys).append(" differ (");
            String sep = "";
            if (highKeys > 0) {
                s.append(highKeys).append(" high");
                sep = ", ";
            }
            if (mediumKeys > 0) {
                s.append(sep).append(mediumKeys).append(" medium");
                sep = ", ";
            }
            if (lowKeys > 0) {
                s.append(sep).append(lowKeys).append(" low");
            }
            s.append(')');
        }
        if (versionsOfOneMod) {
            s.append("; two versions of one mod");
        } else if (sameCreator) {
            s.append("; same creator");
        }
        return s.toString();
    }
}
