package org.ts4kit.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.io.Sha256;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.StringTable;

/**
 * One pass over one package: opens it, walks its index once, decodes each live entry once (when
 * {@link ScanOptions#decode()}), hashes it, and hands everything to a {@link ScanSink}. Never
 * throws for bad input: a package that does not open, or an entry that does not decode, becomes a
 * {@link Problem}. This is the per-file unit that the CLI's collection scans and the Spark job share.
 *
 * <pre>{@code
 * PackageScanner scanner = new PackageScanner(ScanOptions.KEYS, ReadOptions.defaults());
 * ScannedPackage result = scanner.scan(input, new ResourceBuffer(), ScanSink.NONE);
 * }</pre>
 *
 * Thread-safe: one scanner serves every thread, each with its own buffer.
 */
public final class PackageScanner {
    private final ScanOptions what;
    private final ReadOptions read;

    public PackageScanner(ScanOptions what, ReadOptions read) {
        this.what = what;
        this.read = read;
    }

    public ScanOptions options() {
        return what;
    }

    public ReadOptions readOptions() {
        return read;
    }

    /** Opens, walks and closes {@code input}. {@code buffer} is reused scratch for decompression. */
    public ScannedPackage scan(PackageInput input, ResourceBuffer buffer, ScanSink sink) {
        return scan(open(0, input), buffer, sink);
    }

    /** Opens {@code input}: I/O and index parsing only. Never throws for bad input. */
    OpenedPackage open(int position, PackageInput input) {
        try {
            return new OpenedPackage(position, input, input.open(read), null);
        } catch (IOException | RuntimeException e) {
            // a RuntimeException here is a reader bug; the input still gets a precise line, not a lost run
            return new OpenedPackage(position, input, null, e);
        } catch (InternalError e) {
            return new OpenedPackage(position, input, null, fileChanged(input, e));
        }
    }

    /** Walks an opened package into {@code sink}, then closes it. */
    ScannedPackage scan(OpenedPackage opened, ResourceBuffer buffer, ScanSink sink) {
        ScannedPackage out = new ScannedPackage(opened.position, opened.input);
        if (opened.pkg == null) {
            fail(out, Problem.of(opened.input.location(), opened.failure), sink);
        } else {
            try (DbpfPackage pkg = opened.pkg) {
                out.opened(pkg.length(), pkg.header(), pkg.index(), what.decode());
                walk(pkg, out, buffer, sink);
                if (what.fileHash()) {
                    out.fileHash(fileHash(pkg));
                }
            } catch (ReaderFailure e) {
                fail(out, Problem.of(opened.input.location(), e.cause), sink);
            } catch (InternalError e) {
                // in compiled code the JVM reports a vanished mapped page "recently", not at the read: it may
                // surface anywhere in the walk, so the whole package is what failed
                fail(out, Problem.of(opened.input.location(), fileChanged(opened.input, e)), sink);
            }
        }
        sink.onPackage(out);
        return out;
    }

    /**
     * Every index entry in order (or those of the filtered types): decoded and hashed when asked and
     * live, then handed to the sink.
     */
    private void walk(DbpfPackage pkg, ScannedPackage out, ResourceBuffer buffer, ScanSink sink) {
        DbpfIndex idx = pkg.index();
        ResourceReader reader = what.decode() ? pkg.reader(buffer) : null;
        String location = out.input().location();
        int[] only = what.entriesOf(idx);
        int n = only == null ? idx.size() : only.length;
        boolean changed = false; // the file shrank under its mapping: nothing more can be decoded
        int[] shared = reader == null ? null : SharedRanges.of(idx); // records repeating another's bytes
        for (int k = 0; k < n; k++) {
            int i = only == null ? k : only[k];
            ByteBuffer bytes = null;
            int same = shared == null ? -1 : shared[i];
            if (same >= 0 && out.decoded(same)) {
                // the same stored bytes as an earlier record: its hash, not a second decode (the sink saw them)
                System.arraycopy(out.hashes(), same * 32, out.hashes(), i * 32, 32);
                out.markDecoded(i);
            } else if (reader != null && !changed && !idx.isDeleted(i)) {
                try {
                    bytes = reader.read(i);
                    Sha256.digestInto(bytes, out.hashes(), i * 32);
                    out.markDecoded(i);
                } catch (DbpfFormatException e) {
                    fail(out, Problem.of(location, e), sink);
                    bytes = null;
                    changed = CorruptInputException.isMappedFault(e.getCause()); // one line, not one per entry left
                } catch (RuntimeException e) {
                    throw new ReaderFailure(e);
                }
            }
            sink.onResource(out, i, bytes);
            if (bytes != null && what.strings() && idx.type(i) == StringTable.TYPE) {
                stringTable(out, i, bytes, sink);
            }
        }
    }

    private static void stringTable(ScannedPackage out, int entry, ByteBuffer bytes, ScanSink sink) {
        StringTable table;
        try {
            table = StringTable.decode(out.input().location(), bytes);
        } catch (DbpfFormatException e) {
            // the container is fine; only the table's content is not what STBL v5 says. The table's
            // offset counts in its decoded bytes, not in the file: the problem points at the entry's
            // data in the file and says which entry and where inside it
            DbpfIndex idx = out.index();
            Problem p = new Problem(out.input().location(), idx.offset(entry), "entry " + entry + " (" + idx.key(entry)
                    + ") is not a valid string table: at byte " + e.offset() + " of its " + bytes.remaining()
                    + " decoded bytes: " + e.reason());
            out.warning(p);
            sink.onProblem(out, p, false);
            return;
        }
        sink.onStringTable(out, entry, table);
    }

    private static byte[] fileHash(DbpfPackage pkg) {
        try {
            return Sha256.digest(pkg.source());
        } catch (RuntimeException e) {
            throw new ReaderFailure(e);
        } catch (InternalError e) {
            if (!CorruptInputException.isMappedFault(e)) {
                throw e;
            }
            throw new ReaderFailure(new CorruptInputException(pkg.name(), 0, "file hash: " + CorruptInputException.FILE_CHANGED));
        }
    }

    /** {@code e} as bad input when it is a fault on a mapped file; any other {@code Error} passes on. */
    private static CorruptInputException fileChanged(PackageInput input, InternalError e) {
        if (!CorruptInputException.isMappedFault(e)) {
            throw e;
        }
        return new CorruptInputException(input.location(), 0, CorruptInputException.FILE_CHANGED, e);
    }

    private static void fail(ScannedPackage out, Problem p, ScanSink sink) {
        out.problem(p);
        sink.onProblem(out, p, true);
    }

    /**
     * A RuntimeException from the reader (a bug), or the file hash meeting a file that changed under its
     * mapping: the package gets a precise problem line and the run goes on. Exceptions from the sink are the caller's and pass.
     */
    private static final class ReaderFailure extends RuntimeException {
        final Exception cause;

        ReaderFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
