package org.ts4kit.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a package's path says about the mod it belongs to: the name with its version taken out
 * ({@link #stem}), whether two names are one mod's ({@link #alike}), and whether two packages look like
 * one creator's ({@link #sameCreator}). Creators name files {@code Creator_Mod_v1.2.package},
 * {@code Creator-Mod (1).package}, {@code creator_mod_2024_9_1.package}; downloads add {@code (1)},
 * {@code copy}, {@code old}. Names only hint: a pair is called "versions of one mod" only when the
 * packages also share most of their keys ({@link PackagePair#looksLikeVersions}).
 */
public final class ModNames {
    /** Words that mark a copy or a release, not a different mod. */
    private static final Set<String> RELEASE_WORDS = Set.of("v", "ver", "version", "old", "new", "copy", "updated",
            "update", "final", "latest", "patch", "patched", "fixed", "fix", "hotfix", "beta", "alpha", "release");

    private ModNames() {
    }

    /** The file name of a path: after the last {@code /}, {@code \} or an archive's {@code !/}. */
    public static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** The folder of a path (empty for a file at the top of its root). */
    public static String folder(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The name's words, lower case, without its extension: letter and digit runs, letters split from digits. */
    static List<String> words(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        int kind = 0; // 1 letter run, 2 digit run
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : ' ';
            int k = Character.isLetter(c) ? 1 : Character.isDigit(c) ? 2 : 0;
            if (k != kind) {
                if (kind != 0) {
                    words.add(name.substring(start, i));
                }
                start = i;
                kind = k;
            }
        }
        return words;
    }

    /**
     * The name without what changes from one release to the next: numbers, {@code v}, {@code copy},
     * {@code old} and the like. {@code Creator_Mod_v1.2.package} and {@code creator-mod (3).package}
     * both give {@code creator mod}.
     */
    public static String stem(String path) {
        StringBuilder stem = new StringBuilder();
        for (String w : words(path)) {
            if (Character.isDigit(w.charAt(0)) || RELEASE_WORDS.contains(w)) {
                continue;
            }
            stem.append(stem.length() == 0 ? "" : " ").append(w);
        }
        return stem.toString();
    }

    /** Names of one mod: the same {@link #stem}, not empty (a name of numbers alone says nothing). */
    public static boolean alike(String pathA, String pathB) {
        String a = stem(pathA);
        return !a.isEmpty() && a.equals(stem(pathB));
    }

    /**
     * One creator's: in the same folder below the root (a creator's download unpacked as is), or names
     * that start with the same word of two or more letters followed by a separator ({@code Creator_…},
     * {@code Creator-…}). Packages loose at the top of the Mods folder share no folder.
     */
    public static boolean sameCreator(String pathA, String pathB) {
        String folder = folder(pathA);
        if (!folder.isEmpty() && folder.equals(folder(pathB))) {
            return true;
        }
        String a = prefix(fileName(pathA));
        return a != null && a.equalsIgnoreCase(prefix(fileName(pathB)));
    }

    /** The first word when a separator ends it: {@code Creator} of {@code Creator_Mod.package}; else null. */
    private static String prefix(String name) {
        int end = 0;
        while (end < name.length() && Character.isLetterOrDigit(name.charAt(end))) {
            end++;
        }
        if (end < 2 || end >= name.length()) {
            return null;
        }
        char sep = name.charAt(end);
        return sep == '_' || sep == '-' || sep == ' ' ? name.substring(0, end) : null;
    }
}
