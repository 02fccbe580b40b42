package org.ts4kit.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The folder a command writes its files into (DIR of {@code extract} and {@code gen}), and the one
 * way {@code extract} writes there: every file is created new, under a single file name directly in
 * the folder. Creating new ({@code CREATE_NEW}: the open fails on anything already at the name, a
 * dangling symlink included) is what keeps a symlink planted in DIR from being written through and
 * an existing file from being replaced by accident. With {@code force}, whatever is at the name is
 * deleted first (a link itself, never what it points to), then the file is created new; a folder
 * is never removed. DIR itself may be a link to a folder: the user named it.
 */
final class OutputFolder {
    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);

    private final Path root;
    private final boolean force;

    private OutputFolder(Path root, boolean force) {
        this.root = root;
        this.force = force;
    }

    /**
     * Refuses a DIR that exists and is no folder, without creating anything: a command checks this
     * before it opens its input, so a mistyped DIR is reported before any work.
     */
    static void check(Path dir) throws Unusable {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Unusable(dir, "exists and is not a folder (DIR is a folder, created when missing)");
        }
    }

    /** DIR, created with its parents when missing. */
    static Path createFolder(Path dir) throws Unusable {
        check(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) { // a parent is a file, no permission: DIR as given cannot work
            throw new Unusable(dir, "cannot create the folder: " + ErrorReport.describe(e)); // names the parent that failed
        }
    }

    /** {@link #createFolder} for {@link #write}. */
    static OutputFolder create(Path dir, boolean force) throws Unusable {
        return new OutputFolder(createFolder(dir.toAbsolutePath().normalize()), force);
    }

    Path root() {
        return root;
    }

    /**
     * Writes {@code bytes} to a new file {@code name} in this folder.
     *
     * @return the file written
     * @throws FileSystemException naming the file and the reason it was not written; nothing is left
     *         at the name by a write that failed half-way
     */
    Path write(String name, ByteBuffer bytes) throws FileSystemException {
        Path target = inside(name);
        try {
            try {
                createNew(target, bytes);
            } catch (FileAlreadyExistsException e) {
                replace(target, bytes);
            }
            return target;
        } catch (NotWritten e) {
            throw e;
        } catch (IOException e) {
            throw notWritten(target, "cannot write: " + reason(e));
        }
    }

    /** The file for {@code name}, which must be one plain name: nothing from a package reaches outside DIR. */
    private Path inside(String name) throws FileSystemException {
        Path p = root.getFileSystem().getPath(name);
        Path target = root.resolve(p).normalize();
        if (name.isEmpty() || p.isAbsolute() || p.getRoot() != null || p.getNameCount() != 1 || !root.equals(target.getParent())) {
            throw notWritten(root.resolve(name), "not a plain file name; refusing to write outside " + root);
        }
        return target;
    }

    /** Called when something is at the name already. */
    private void replace(Path target, ByteBuffer bytes) throws IOException {
        BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
            throw notWritten(target, "is a folder; not replaced, even with --force");
        }
        if (!force) {
            throw notWritten(target, a.isSymbolicLink() ? "is a symbolic link, not followed; --force to replace the link"
                    : "exists; --force to replace");
        }
        Files.deleteIfExists(target); // the link itself when it is one
        createNew(target, bytes); // fails again if something was planted in between: never a loop, never followed
    }

    private static void createNew(Path target, ByteBuffer bytes) throws IOException {
        boolean created = false;
        try (SeekableByteChannel ch = Files.newByteChannel(target, CREATE_NEW)) {
            created = true;
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
        } catch (IOException e) {
            if (created) { // a half-written file would pass for the resource
                try {
                    Files.deleteIfExists(target);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static FileSystemException notWritten(Path target, String reason) {
        return new NotWritten(target.toString(), reason);
    }

    /** What the system said, without the path: the error line names the file already. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            String type = e.getClass().getSimpleName();
            return f.getReason() == null ? type : type + ": " + f.getReason();
        }
        return ErrorReport.describe(e);
    }

    /** A file not written: {@link #getFile} names it, {@link #getReason} says why. */
    private static final class NotWritten extends FileSystemException {
        private static final long serialVersionUID = 1L;

        NotWritten(String file, String reason) {
            super(file, null, reason);
        }
    }

    /** DIR cannot be used as an output folder: a usage error, since the command line named it. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(Path dir, String reason) {
            super(dir + ": " + reason);
        }
    }
}
