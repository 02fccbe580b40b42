package org.ts4kit.scan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Walks a local folder tree and tells a {@link Visitor} what every entry is: the walk behind the
 * CLI's {@link InputWalker} and the Spark job's local listing, so both see the same files. Unlike
 * {@link Files#walk}, one folder that cannot be listed (no permission) is reported and the walk goes
 * on with the others, instead of the whole tree failing. Nothing is opened but folders.
 *
 * <ul>
 *   <li>Folders are walked; symbolic links to folders are not followed (a link loop cannot trap
 *       the walk, and a folder linked twice is not listed twice).
 *   <li>Regular files, and links to regular files, are {@link Visitor#file files}.
 *   <li>Everything else is {@link Visitor#other other}: FIFOs, sockets, devices, links to folders,
 *       broken links, link loops. Each is one entry, never opened.
 * </ul>
 *
 * Within a folder, entries come in file-name order, so a walk is reproducible.
 */
public final class FolderWalker {
    /** What the walk reports, entry by entry, on the calling thread. */
    public interface Visitor {
        /** A regular file, or a link to one; {@code attributes} are the file's (the link's target's). */
        void file(Path file, BasicFileAttributes attributes);

        /** An entry that is neither a folder nor a regular file (a FIFO, a link to a folder, a broken link). */
        void other(Path entry);

        /** A folder that could not be listed, or an entry that could not be looked at; the walk goes on. */
        void failed(Path entry, IOException error);
    }

    /**
     * How a folder's entries are listed: {@link Files#newDirectoryStream}, or a test's that refuses
     * some folders as a folder without read permission does (permissions do not bind root, whom
     * tests may run as).
     */
    @FunctionalInterface
    public interface Folders {
        DirectoryStream<Path> open(Path folder) throws IOException;
    }

    private FolderWalker() {
    }

    /** Walks the folder {@code root} (which may itself be a link to a folder). */
    public static void walk(Path root, Visitor visitor) {
        walk(root, visitor, Files::newDirectoryStream);
    }

    /** As {@link #walk(Path, Visitor)}, listing each folder with {@code folders}. */
    public static void walk(Path root, Visitor visitor, Folders folders) {
        Deque<Path> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Path folder = pending.pop();
            List<Path> subfolders = new ArrayList<>();
            for (Path entry : entries(folder, visitor, folders)) {
                if (visit(entry, visitor)) {
                    subfolders.add(entry);
                }
            }
            for (int i = subfolders.size() - 1; i >= 0; i--) {
                pending.push(subfolders.get(i)); // popped in name order
            }
        }
    }

    /** The folder's entries sorted by name; none (and a report) when it cannot be listed. */
    private static List<Path> entries(Path folder, Visitor visitor, Folders folders) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = folders.open(folder)) {
            for (Path entry : stream) {
                entries.add(entry);
            }
        } catch (IOException e) {
            visitor.failed(folder, e); // what was listed before the failure is still walked
        } catch (DirectoryIteratorException e) {
            visitor.failed(folder, e.getCause());
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return entries;
    }

    /** Reports one entry; true when it is a folder to walk. */
    private static boolean visit(Path entry, Visitor visitor) {
        BasicFileAttributes self;
        try {
            self = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            visitor.failed(entry, e); // gone since the folder was listed, or not searchable
            return false;
        }
        if (self.isDirectory()) {
            return true;
        }
        if (self.isRegularFile()) {
            visitor.file(entry, self);
        } else if (self.isSymbolicLink()) {
            visitLink(entry, visitor);
        } else {
            visitor.other(entry);
        }
        return false;
    }

    private static void visitLink(Path link, Visitor visitor) {
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(link, BasicFileAttributes.class);
        } catch (AccessDeniedException e) {
            visitor.failed(link, e); // there may be a package behind it: say so rather than pass over it
            return;
        } catch (FileSystemException e) {
            visitor.other(link); // broken, or a loop
            return;
        } catch (IOException e) {
            visitor.failed(link, e);
            return;
        }
        if (target.isRegularFile()) {
            visitor.file(link, target);
        } else {
            visitor.other(link); // a folder (not followed) or a FIFO, a device
        }
    }
}
