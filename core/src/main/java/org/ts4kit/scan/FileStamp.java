package org.ts4kit.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What says a file on disk is still the one read before: its path, size, modification time (to the
 * nanosecond the file system keeps) and file key (device and inode on Linux, so a file replaced by another
 * of the same size and time still differs). A package inside a zip carries its archive's stamp: the member
 * cannot change unless the archive does. Rescans re-read exactly the packages whose stamp changed; like
 * PlumbBuddy's and git's, this trusts the file system's times (a tool that rewrites a file and then sets
 * its old time back defeats it). Immutable.
 */
public final class FileStamp {
    /** No stamp: an input that is not a local file (a buffer, a remote file); never equal to another. */
    public static final FileStamp NONE = new FileStamp("", -1, 0, "");

    private final String path;
    private final long size;
    private final long modifiedNanos;
    private final String fileKey;

    public FileStamp(String path, long size, long modifiedNanos, String fileKey) {
        this.path = Objects.requireNonNull(path, "path");
        this.size = size;
        this.modifiedNanos = modifiedNanos;
        this.fileKey = Objects.requireNonNull(fileKey, "fileKey");
    }

    /** The stamp of {@code file} from attributes already read (a folder walk has them). */
    public static FileStamp of(Path file, BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        long nanos = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return new FileStamp(file.toAbsolutePath().normalize().toString(), attributes.size(), nanos,
                key == null ? "" : key.toString());
    }

    /** The stamp of {@code file} now (links followed); {@link #NONE} when it cannot be read. */
    public static FileStamp of(Path file) {
        try {
            return of(file, Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException | SecurityException e) {
            return NONE;
        }
    }

    public String path() {
        return path;
    }

    public long size() {
        return size;
    }

    public long modifiedNanos() {
        return modifiedNanos;
    }

    public String fileKey() {
        return fileKey;
    }

    /** Whether this stamp is a real one that a later look at the same file can be compared with. */
    public boolean isKnown() {
        return this != NONE && size >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileStamp s && isKnown() && s.isKnown() && size == s.size && modifiedNanos == s.modifiedNanos
                && path.equals(s.path) && fileKey.equals(s.fileKey);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Long.hashCode(size ^ modifiedNanos);
    }

    @Override
    public String toString() {
        return path + " (" + size + " bytes, modified " + modifiedNanos + " ns, " + fileKey + ")";
    }
}
