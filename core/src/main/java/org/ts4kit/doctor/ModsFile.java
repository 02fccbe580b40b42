package org.ts4kit.doctor;

/**
 * What the doctor knows of one file of a Mods folder: where it is, what kind of file it is and, for
 * a package, how it read. Built by {@link ModsFolder} from a walk and a scan, or by the Spark job
 * from its tables: the checks see only this, so both report the same findings.
 *
 * @param path      the file as reports name it (relative to the one root given, else with its root)
 * @param relative  the path below its Mods folder, {@code /}-separated: what nesting depth is counted on
 * @param size      bytes
 * @param modified  last modified, milliseconds since the epoch; -1 when unknown
 * @param kind      by name ({@link #kindOf})
 * @param state     how the package read ({@link State#UNREAD} for files that are not packages)
 * @param version   the DBPF header version of a package that opened ({@code 2.1} for The Sims 4), else null
 * @param problemOffset where a broken package's first problem is
 * @param problem   a broken package's first problem, as the reader says it; null when not broken
 * @param resources a read package's live resources (entries not deleted)
 * @param fileHash  SHA-256 of the whole file in hex, or null when not computed (the doctor hashes only
 *                  files whose size another file has)
 */
public record ModsFile(String path, String relative, long size, long modified, Kind kind, State state, String version,
        long problemOffset, String problem, int resources, String fileHash) {

    /** What a file is to the game, by its name. */
    public enum Kind {
        /** {@code .package}: loaded when at most {@link GameRules#PACKAGE_DEPTH} folders deep. */
        PACKAGE,
        /** {@code .ts4script}: loaded when at most {@link GameRules#SCRIPT_DEPTH} folder deep. */
        SCRIPT,
        /** {@code .zip}, {@code .rar}, {@code .7z}: never opened by the game. */
        ARCHIVE,
        /**
         * Left by another system: {@code __MACOSX/…}, {@code ._x} resource forks, {@code .DS_Store}, {@code Thumbs.db},
         * unfinished downloads ({@code .part}, {@code .crdownload}).
         */
        JUNK,
        /** Anything else (readmes, images, {@code Resource.cfg}): the game passes over it. */
        OTHER
    }

    /** How reading a package went. */
    public enum State {
        UNREAD, OK, BROKEN
    }

    /** A file that is not read as a package (a script, an archive, junk, anything else). */
    public static ModsFile unread(String path, String relative, long size, long modified) {
        return new ModsFile(path, relative, size, modified, kindOf(relative), State.UNREAD, null, 0, null, 0, null);
    }

    /**
     * The same file once read: ok with its header version and live resource count, or broken with its
     * first problem (and the version when the header was read).
     */
    public ModsFile read(String headerVersion, boolean broken, long offset, String reason, int liveResources) {
        return new ModsFile(path, relative, size, modified, kind, broken ? State.BROKEN : State.OK, headerVersion,
                broken ? offset : 0, broken ? reason : null, liveResources, fileHash);
    }

    public ModsFile hashed(String sha256) {
        return new ModsFile(path, relative, size, modified, kind, state, version, problemOffset, problem, resources, sha256);
    }

    /** Folders between the Mods folder and the file: 0 for a file at its top. */
    public int depth() {
        int n = 0;
        for (int i = 0; i < relative.length(); i++) {
            n += relative.charAt(i) == '/' ? 1 : 0;
        }
        return n;
    }

    /** The kind of a file from its path below the Mods folder ({@link GameRules#kindOf}). */
    public static Kind kindOf(String relative) {
        return GameRules.kindOf(relative);
    }
}
