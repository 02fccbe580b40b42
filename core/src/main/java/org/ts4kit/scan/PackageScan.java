package org.ts4kit.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceReader;
import org.ts4kit.hash.Sha256;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.StringTable;

/**
 * Everything a collection scan needs from one package, computed in one pass: its columnar
 * index, the SHA-256 of every live entry's decompressed bytes, optionally the file's own hash and
 * its string-table text, and the problems found. A package is broken when its header or index
 * cannot be read or any live entry cannot be decoded to its declared size.
 *
 * <p>This is the per-file unit that local scans and the Spark job share; it never throws for bad
 * input.
 */
public final class PackageScan {
    /** What to compute beyond keys and resource hashes. */
    public static final class Options {
        public static final Options KEYS = new Options(false, false);
        public static final Options ALL = new Options(true, true);
        final boolean fileHash;
        final boolean strings;

        public Options(boolean fileHash, boolean strings) {
            this.fileHash = fileHash;
            this.strings = strings;
        }
    }

    private final PackageInput input;
    private final long length;
    private final DbpfIndex index;
    private final byte[] hashes;
    private final boolean[] decoded;
    private final byte[] fileHash;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private final StringRows strings;

    private PackageScan(PackageInput input, long length, DbpfIndex index, byte[] hashes, boolean[] decoded, byte[] fileHash,
                        List<Problem> problems, List<Problem> warnings, StringRows strings) {
        this.input = input;
        this.length = length;
        this.index = index;
        this.hashes = hashes;
        this.decoded = decoded;
        this.fileHash = fileHash;
        this.problems = problems;
        this.warnings = warnings;
        this.strings = strings;
    }

    public static PackageScan scan(PackageInput input, ResourceBuffer buffer) {
        return scan(input, buffer, Options.KEYS);
    }

    /** Opens, reads and hashes {@code input}. {@code buffer} is reused scratch for decompression. */
    public static PackageScan scan(PackageInput input, ResourceBuffer buffer, Options options) {
        return scan(open(input), buffer, options);
    }

    /** A package opened (header and index parsed) but not yet read: the pipeline's first stage. */
    public static final class Opened {
        final PackageInput input;
        final DbpfPackage pkg;
        final Exception failure;

        private Opened(PackageInput input, DbpfPackage pkg, Exception failure) {
            this.input = input;
            this.pkg = pkg;
            this.failure = failure;
        }
    }

    /** Opens {@code input}: I/O and index parsing only. Never throws for bad input. */
    public static Opened open(PackageInput input) {
        try {
            return new Opened(input, input.open(), null);
        } catch (IOException | RuntimeException e) {
            // a RuntimeException here is a reader bug; the input still gets a precise line, not a lost run
            return new Opened(input, null, e);
        }
    }

    /** Decodes and hashes every live entry of an opened package, then closes it. */
    public static PackageScan scan(Opened opened, ResourceBuffer buffer, Options options) {
        PackageInput input = opened.input;
        if (opened.pkg == null) {
            return new PackageScan(input, -1, null, new byte[0], new boolean[0], null,
                    List.of(Problem.of(input.location(), opened.failure)), List.of(), new StringRows());
        }
        try (DbpfPackage pkg = opened.pkg) {
            DbpfIndex idx = pkg.index();
            int n = idx.size();
            byte[] hashes = new byte[n * 32];
            boolean[] decoded = new boolean[n];
            List<Problem> problems = new ArrayList<>(0);
            List<Problem> warnings = new ArrayList<>(0);
            StringRows strings = new StringRows();
            ResourceReader reader = pkg.reader(buffer);
            for (int i = 0; i < n; i++) {
                if (idx.isDeleted(i)) {
                    continue;
                }
                ByteBuffer bytes;
                try {
                    bytes = reader.read(i);
                    Sha256.digestInto(bytes, hashes, i * 32);
                    decoded[i] = true;
                } catch (DbpfFormatException e) {
                    problems.add(Problem.of(input.location(), e));
                    continue;
                }
                if (options.strings && idx.type(i) == StringTable.TYPE) {
                    try {
                        strings.add(i, StringTable.decode(input.location(), bytes));
                    } catch (DbpfFormatException e) {
                        // the container is fine; only the table's content is not what STBL v5 says
                        warnings.add(Problem.of(input.location(), e));
                    }
                }
            }
            byte[] fileHash = options.fileHash ? Sha256.digest(pkg.source()) : null;
            return new PackageScan(input, pkg.length(), idx, hashes, decoded, fileHash, List.copyOf(problems),
                    List.copyOf(warnings), strings);
        } catch (RuntimeException e) {
            return new PackageScan(input, -1, null, new byte[0], new boolean[0], null, List.of(Problem.of(input.location(), e)),
                    List.of(), new StringRows());
        }
    }

    public PackageInput input() {
        return input;
    }

    public boolean isBroken() {
        return !problems.isEmpty();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Problems inside resources that do not make the package broken (a string table that does not decode). */
    public List<Problem> warnings() {
        return warnings;
    }

    /** The package's size in bytes, or -1 when it could not be opened. */
    public long length() {
        return length;
    }

    /** The index, or null when the header or index could not be read. */
    public DbpfIndex index() {
        return index;
    }

    public int entryCount() {
        return index == null ? 0 : index.size();
    }

    public int liveCount() {
        return index == null ? 0 : index.liveCount();
    }

    /** Whether entry {@code i} was decoded (so {@link #hashes()} holds its SHA-256 at {@code i * 32}). */
    public boolean decoded(int i) {
        return decoded[i];
    }

    /** SHA-256 of each decoded entry's decompressed bytes, 32 bytes per entry position. */
    public byte[] hashes() {
        return hashes;
    }

    /** SHA-256 of the whole file, when asked for and the file opened; else null. */
    public byte[] fileHash() {
        return fileHash;
    }

    /** String-table text (when asked for), one row per string. */
    public StringRows strings() {
        return strings;
    }

    /** Strings of the package's string tables, as parallel columns. */
    public static final class StringRows {
        private final List<Integer> entries = new ArrayList<>(0);
        private final List<StringTable> tables = new ArrayList<>(0);

        void add(int entry, StringTable table) {
            entries.add(entry);
            tables.add(table);
        }

        public int tableCount() {
            return tables.size();
        }

        /** The index position of table {@code t}. */
        public int entry(int t) {
            return entries.get(t);
        }

        public StringTable table(int t) {
            return tables.get(t);
        }

        public List<StringTable> tables() {
            return Collections.unmodifiableList(tables);
        }
    }
}
