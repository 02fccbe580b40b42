package org.ts4kit.doctor;

import java.util.Locale;

/** The doctor's checks, in the order a report lists findings of one severity. */
public enum Check {
    /** A package of The Sims 2 or 3 (another DBPF version): not for this game. */
    OTHER_GAME,
    /** A package that does not read: truncated, corrupt, not a package at all. */
    BROKEN_PACKAGE,
    /** Two or more versions of one mod side by side. */
    SEVERAL_VERSIONS,
    /** Two different mods that replace the same high-severity resources with different content. */
    CONFLICT,
    /** A package more than five folders deep, or a script more than one: the game does not load it. */
    TOO_DEEP,
    /** A {@code .zip}, {@code .rar} or {@code .7z} in the Mods folder: the game does not open archives. */
    UNEXTRACTED_ARCHIVE,
    /** {@code __MACOSX} folders, {@code ._} resource forks, folder caches. */
    JUNK,
    /** Byte-identical copies of one file. */
    DUPLICATE_FILES,
    /** A package that holds no resources. */
    EMPTY_PACKAGE,
    /** A folder or file ts4kit could not look at (permissions, a FIFO): nothing is known of it. */
    UNREADABLE;

    /** {@code too-deep}, {@code unextracted-archive}, …: as the CLI and the job's tables write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
