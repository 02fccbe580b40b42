package org.ts4kit.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a local path is, symbolic links followed, found out from its attributes without opening it:
 * opening a FIFO blocks until something writes to it, and a device may never end. Only a
 * {@link #REGULAR} file is ever opened; everything else is reported as what it is.
 *
 * <pre>{@code
 * FileKind kind = FileKind.of(Path.of("x.package"));   // FIFO
 * kind.description();                                    // "a FIFO"
 * }</pre>
 */
public enum FileKind {
    REGULAR("a regular file"),
    FOLDER("a folder"),
    FIFO("a FIFO"),
    SOCKET("a socket"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    /** Not a regular file, folder or link, and the file system does not say what (no {@code unix:mode}). */
    SPECIAL("a special file"),
    /** A symbolic link whose target does not exist. */
    BROKEN_LINK("a broken symbolic link"),
    /** A symbolic link that cannot be followed to an end: a loop, or a chain longer than the system allows. */
    LINK_LOOP("a symbolic link loop");

    /** The file-type bits of {@code st_mode} and the types among them that are neither files nor folders. */
    private static final int TYPE_BITS = 0170000;
    private static final int FIFO_BITS = 0010000;
    private static final int CHARACTER_BITS = 0020000;
    private static final int BLOCK_BITS = 0060000;
    private static final int SOCKET_BITS = 0140000;

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** For messages: {@code "a FIFO"}, {@code "a folder"}, {@code "a broken symbolic link"}. */
    public String description() {
        return description;
    }

    /**
     * What {@code path} is, links followed; a link that leads nowhere is {@link #BROKEN_LINK} or
     * {@link #LINK_LOOP}.
     *
     * @throws NoSuchFileException when nothing at all is at {@code path}
     * @throws IOException when its attributes cannot be read (a folder on the way is not searchable)
     */
    public static FileKind of(Path path) throws IOException {
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (AccessDeniedException e) {
            throw e;
        } catch (FileSystemException e) {
            return unfollowable(path, e);
        }
        if (target.isRegularFile()) {
            return REGULAR;
        }
        return target.isDirectory() ? FOLDER : special(path);
    }

    /**
     * Throws unless {@code path} is a regular file (links followed): what every open of a local file
     * checks first. {@code name} is what the error calls the file.
     *
     * @throws NotRegularFileException naming what the path is instead
     * @throws NoSuchFileException when nothing is there
     */
    public static void requireRegular(Path path, String name) throws IOException {
        FileKind kind = of(path);
        if (kind != REGULAR) {
            throw new NotRegularFileException(name, kind);
        }
    }

    /** Following {@code path} failed: a link that leads nowhere, or (not a link) the failure itself. */
    private static FileKind unfollowable(Path path, FileSystemException failure) throws FileSystemException {
        BasicFileAttributes self;
        try {
            self = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw failure; // nothing there at all: the first error says so
        }
        if (!self.isSymbolicLink()) {
            throw failure;
        }
        return failure instanceof NoSuchFileException ? BROKEN_LINK : LINK_LOOP;
    }

    /** FIFO, socket or device, told apart by the file-type bits where the file system gives them. */
    private static FileKind special(Path path) {
        Object mode;
        try {
            mode = Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return SPECIAL; // no "unix" view (Windows): say only what is certain
        }
        switch ((Integer) mode & TYPE_BITS) {
            case FIFO_BITS:
                return FIFO;
            case SOCKET_BITS:
                return SOCKET;
            case CHARACTER_BITS:
                return CHARACTER_DEVICE;
            case BLOCK_BITS:
                return BLOCK_DEVICE;
            default:
                return SPECIAL;
        }
    }
}
