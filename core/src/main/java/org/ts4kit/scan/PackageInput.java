package org.ts4kit.scan;

import java.io.IOException;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ReadOptions;

/**
 * One package found by an {@link InputWalker}: a loose file or an entry of a {@code .zip}. It
 * opens only when asked, so a listing of 50,000 inputs holds names, not bytes.
 */
public final class PackageInput {
    /** Opens the package under the given options; for a zip entry this may inflate it (into the options' pool). */
    @FunctionalInterface
    public interface Opener {
        DbpfPackage open(ReadOptions options) throws IOException;
    }

    private final String name;
    private final String location;
    private final long size;
    private final Opener opener;
    private final FileStamp stamp;

    public PackageInput(String name, String location, long size, Opener opener) {
        this(name, location, size, opener, FileStamp.NONE);
    }

    /** With the stamp of the file on disk that holds it (the package, or its zip archive). */
    public PackageInput(String name, String location, long size, Opener opener, FileStamp stamp) {
        this.name = name;
        this.location = location;
        this.size = size;
        this.opener = opener;
        this.stamp = stamp;
    }

    /**
     * Unique within its listing: the path relative to the input root it was found under (prefixed
     * with the root as given when there are several); {@code archive.zip!/inner/x.package} inside a
     * zip; {@code #2} added to a name given twice ({@link InputWalker} says how).
     */
    public String name() {
        return name;
    }

    /** Where it is from here (the root joined with the name); errors use this. */
    public String location() {
        return location;
    }

    /** Bytes on disk (stored size inside a zip), for planning. */
    public long size() {
        return size;
    }

    /** The same input under another name: how a listing makes its names unique. */
    PackageInput named(String other) {
        return other.equals(name) ? this : new PackageInput(other, location, size, opener, stamp);
    }

    PackageInput stamped(FileStamp other) {
        return new PackageInput(name, location, size, opener, other);
    }

    /**
     * The file on disk that holds it, as it was when listed: the package file, or the zip archive for a
     * member; {@link FileStamp#NONE} for inputs that are not local files. A saved index compares it.
     */
    public FileStamp stamp() {
        return stamp;
    }

    public DbpfPackage open() throws IOException {
        return open(ReadOptions.defaults());
    }

    public DbpfPackage open(ReadOptions options) throws IOException {
        return opener.open(options);
    }

    @Override
    public String toString() {
        return name;
    }
}
