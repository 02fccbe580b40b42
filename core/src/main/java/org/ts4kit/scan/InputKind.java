package org.ts4kit.scan;

import java.util.Locale;

/**
 * What an input file is, decided by its name: the one rule behind the CLI's {@code conflicts}
 * ({@link InputWalker}) and the Spark job's listing, so that both count "other files ignored"
 * the same way on the same folder.
 *
 * <ul>
 *   <li>Inside an input folder (walked recursively by {@link FolderWalker}, symbolic links to
 *       folders not followed), regular files (and links to them) are classified by name. Every
 *       other entry that is not a folder (a FIFO, a socket, a device, a link to a folder, a broken
 *       link, a link loop) is never opened and counted as ignored. Hidden files count like any
 *       other ({@code .DS_Store} is an ignored file, {@code ._x.package} a package).
 *   <li>{@code .package} and {@code .zip} match in any letter case; everything else
 *       ({@code .ts4script}, readmes, images) is {@link #OTHER} and counted as ignored.
 *   <li>A file named as an input itself is read as a package whatever its extension, unless
 *       its name says zip ({@link #ofNamed}).
 *   <li>Files inside a zip are not counted as ignored: the job lists its inputs without opening
 *       archives (they may be on S3), so only files on the file system count.
 * </ul>
 */
public enum InputKind {
    PACKAGE, ZIP, OTHER;

    /** The kind of a file found inside an input folder, from its file name (no folders). */
    public static InputKind of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".package")) {
            return PACKAGE;
        }
        return lower.endsWith(".zip") ? ZIP : OTHER;
    }

    /** The kind of a file named as an input itself: a zip when its name says so, else a package. */
    public static InputKind ofNamed(String fileName) {
        return of(fileName) == ZIP ? ZIP : PACKAGE;
    }
}
