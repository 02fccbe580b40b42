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

    public PackageInput(String name, String location, long size, Opener opener) {
        this.name = name;
        this.location = location;
        this.size = size;
        this.opener = opener;
    }

    /** The path relative to the input root it was found under; {@code archive.zip!/inner/x.package} inside a zip. */
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
