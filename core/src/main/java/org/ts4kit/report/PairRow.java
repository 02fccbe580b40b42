package org.ts4kit.report;

import java.util.Objects;

/**
 * Two packages that hold the same resource keys: how many they share, how many of those differ, the
 * pair's severity ({@code none}, {@code low}, {@code medium} or {@code high}) and the differing keys
 * counted by severity; the badges say when the two look like versions of one mod or share a creator.
 */
public record PairRow(String packageA, String packageB, long sharedKeys, long differingKeys, String severity,
        long highKeys, long mediumKeys, long lowKeys, boolean versionsOfOneMod, boolean sameCreator) {
    public PairRow {
        Objects.requireNonNull(packageA, "packageA");
        Objects.requireNonNull(packageB, "packageB");
        Objects.requireNonNull(severity, "severity");
    }
}
