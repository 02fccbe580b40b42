package org.ts4kit.doctor;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What The Sims 4 does with the files of its Mods folder: the facts the checks rest on. */
public final class GameRules {
    /** A {@code .package} loads when at most this many folders lie between Mods and it. */
    public static final int PACKAGE_DEPTH = 5;
    /** A {@code .ts4script} loads only at the top of Mods or one folder down. */
    public static final int SCRIPT_DEPTH = 1;

    /** The reader's words for a header of another DBPF version (offset 4): {@code unsupported version 2.0}. */
    private static final Pattern OTHER_VERSION = Pattern.compile("^unsupported version (\\d+)\\.(\\d+)");

    private GameRules() {
    }

    /** The kind of a file from its path below the Mods folder. */
    public static ModsFile.Kind kindOf(String relative) {
        if (isJunk(relative)) {
            return ModsFile.Kind.JUNK;
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".package")) {
            return ModsFile.Kind.PACKAGE;
        }
        if (name.endsWith(".ts4script")) {
            return ModsFile.Kind.SCRIPT;
        }
        if (name.endsWith(".zip") || name.endsWith(".rar") || name.endsWith(".7z")) {
            return ModsFile.Kind.ARCHIVE;
        }
        return ModsFile.Kind.OTHER;
    }

    /**
     * Files another system left: anything in a {@code __MACOSX} folder (macOS's zip tool stores resource
     * forks there), {@code ._name} resource forks elsewhere, and the folder caches of macOS and Windows.
     */
    public static boolean isJunk(String relative) {
        if (relative.startsWith("__MACOSX/") || relative.contains("/__MACOSX/")) {
            return true;
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith("._") || lower.equals(".ds_store") || lower.equals("thumbs.db") || lower.equals("desktop.ini")
                || isUnfinishedDownload(relative);
    }

    /** What a browser leaves while it downloads ({@code Mod.package.part}, {@code .crdownload}): the mod is not there yet. */
    static boolean isUnfinishedDownload(String relative) {
        String lower = relative.substring(relative.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return lower.endsWith(".part") || lower.endsWith(".crdownload") || lower.endsWith(".partial") || lower.endsWith(".download");
    }

    /** macOS resource forks: the ones the game may try to load ({@code ._x.package}) or a {@code __MACOSX} folder. */
    static boolean isMacFork(String relative) {
        return relative.startsWith("__MACOSX/") || relative.contains("/__MACOSX/")
                || relative.substring(relative.lastIndexOf('/') + 1).startsWith("._");
    }

    /**
     * The game a package of another DBPF version belongs to, null for a Sims 4 one: from the header
     * version of a package that read ({@code 2.0} is The Sims 3's, which the reader accepts: its index is
     * laid out as ours), or from the reader's problem at offset 4 for versions it refuses.
     */
    public static String otherGame(ModsFile f) {
        if (f.version() != null) {
            int dot = f.version().indexOf('.');
            try {
                return otherGame(Integer.parseInt(f.version().substring(0, dot)), Integer.parseInt(f.version().substring(dot + 1)));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                return null;
            }
        }
        if (f.problemOffset() != 4 || f.problem() == null) {
            return null;
        }
        Matcher m = OTHER_VERSION.matcher(f.problem());
        if (!m.find()) {
            return null;
        }
        try {
            return otherGame(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            return null; // digits past int: no game's version
        }
    }

    /**
     * The game of a DBPF header version; null for 2.1 (The Sims 4's) and for versions no game wrote, which are
     * damage, not another game: DBPF 1.x (The Sims 2, SimCity 4), 2.0 (The Sims 3, Spore), 3.0 (SimCity, 2013).
     */
    public static String otherGame(int major, int minor) {
        String version = "DBPF " + major + "." + minor;
        if (major == 1) {
            return "The Sims 2 or SimCity 4 (" + version + ")";
        }
        if (major == 2 && minor == 0) {
            return "The Sims 3 (" + version + ")";
        }
        return major == 3 && minor == 0 ? "SimCity (" + version + ")" : null;
    }
}
