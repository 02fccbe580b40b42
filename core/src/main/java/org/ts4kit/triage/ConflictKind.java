package org.ts4kit.triage;

import java.util.Locale;

/** What a key held by two or more packages means: harmless copies, or one mod replacing another's resource. */
public enum ConflictKind {
    /** Every copy has the same decompressed bytes: a duplicate, harmless. */
    IDENTICAL,
    /** The copies differ: the game uses one, so one mod replaces the other's resource. */
    OVERRIDE;

    public static ConflictKind of(boolean identical) {
        return identical ? IDENTICAL : OVERRIDE;
    }

    /** {@code identical} or {@code override}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
