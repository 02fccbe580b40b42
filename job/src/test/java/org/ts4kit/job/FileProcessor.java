package org.ts4kit.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.io.Sha256;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.memory.Arena;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.NameMap;
import org.ts4kit.resource.PackageNames;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.StringTable;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;

/**
 * The rows the job's tables should hold for one listed file, computed straight with core's
 * {@code PackageScanner} and plain objects: the independent oracle the {@code dbpf} source is checked
 * against (it was the job's per-file function before the source). The job's one function per file: turns what core reads of a listed file (a package, or the
 * packages inside a zip) into table rows. Never throws for bad input: a broken package becomes a
 * {@code broken} package row plus error rows. No Spark in here, so it is tested without a session.
 */
public final class FileProcessor {
    /** Everything the tables need, in one walk: hashes, the file hash, string tables. */
    public static final ScanOptions TABLES = ScanOptions.ALL;

    private final PackageScanner scanner;

    /** A processor that walks each package with {@code what} (usually {@link #TABLES}, maybe narrowed to some types). */
    public FileProcessor(ScanOptions what) {
        this.scanner = new PackageScanner(what, ReadOptions.defaults());
    }

    /** Opens a listed file's bytes: mapped when local, read into memory (or a temp file) otherwise. */
    public interface FileAccess {
        /**
         * The file's bytes; bytes read into memory go in {@code scratch}, which is reset once the
         * file is done (so the source must not be used after {@link FileProcessor#process} returns).
         */
        ByteSource open(InputFile file, Arena scratch) throws IOException;
    }

    /**
     * Rows for one listed file. {@code buffer} takes decompressed resources and {@code scratch}
     * the file's bytes when they are not mapped; both are the task's, reused file after file, and
     * the arena is reset before this returns.
     */
    public FileResult process(InputFile file, FileAccess access, ResourceBuffer buffer, Arena scratch) {
        try {
            return rows(file, access, buffer, scratch);
        } finally {
            scratch.reset();
        }
    }

    private FileResult rows(InputFile file, FileAccess access, ResourceBuffer buffer, Arena scratch) {
        FileResult out = new FileResult(file.name, file.size);
        Timestamp modified = file.modified > 0 ? new Timestamp(file.modified) : null;
        RowSink sink = new RowSink(out, modified);
        if (!file.zip) {
            out.expectedPackages = 1;
            PackageInput in = new PackageInput(file.name, file.name, file.size,
                    options -> DbpfPackage.open(access.open(file, scratch), options));
            scanner.scan(in, buffer, sink);
            return out;
        }
        ZipArchive archive;
        try {
            archive = ZipArchive.open(access.open(file, scratch), scanner.readOptions().maxResourceBytes());
        } catch (IOException | RuntimeException e) {
            out.expectedPackages = 1; // an unreadable archive is one broken row under its own name
            Problem p = Problem.of(file.name, e);
            out.packages.add(new PackageRow(file.name, file.size, modified, 0, 0, true, null, p.toString(), null));
            out.errors.add(ErrorRow.of(p));
            return out;
        }
        try (archive) {
            List<PackageInput> members = InputWalker.archiveMembers(archive, file.name, file.name);
            out.expectedPackages = members.size();
            for (PackageInput member : members) {
                scanner.scan(member, buffer, sink);
            }
        }
        return out;
    }

    /**
     * Turns one walk of a package into rows: a resource row per index entry as the walk passes it
     * (with its tuning name or image size, read from the bytes in hand), string rows per decoded
     * string table, then, once the package is done, names from its name maps for the rows that have
     * none, and the package row with its error rows. One walk: nothing reads the index or the file again.
     */
    private static final class RowSink implements ScanSink {
        private final FileResult out;
        private final Timestamp modified;
        /** This package's first resource row, and the name maps its walk has decoded so far (reset per package). */
        private int firstRow;
        private final List<NameMap> nameMaps = new ArrayList<>();

        RowSink(FileResult out, Timestamp modified) {
            this.out = out;
            this.modified = modified;
        }

        @Override
        public void onResource(ScannedPackage pkg, int i, ByteBuffer bytes) {
            DbpfIndex idx = pkg.index();
            int type = idx.type(i);
            ResourceDetails details = bytes == null ? ResourceDetails.NONE
                    : ResourceDetails.of(type, idx.instance(i), bytes, PackageNames.NONE);
            if (bytes != null && type == NameMap.TYPE) {
                nameMap(pkg, i, bytes);
            }
            out.resources.add(new ResourceRow(pkg.name(), ResourceKey.hex8(type), ResourceTypes.name(type),
                    ResourceKey.hex8(idx.group(i)), ResourceKey.hex16(idx.instance(i)), idx.offset(i), idx.fileSize(i),
                    idx.memSize(i), Compression.name(idx.compression(i)), pkg.hashHex(i), details.hasName() ? details.name() : null,
                    details.hasSize() ? details.width() : null, details.hasSize() ? details.height() : null));
        }

        private void nameMap(ScannedPackage pkg, int i, ByteBuffer bytes) {
            try {
                nameMaps.add(NameMap.decode(pkg.name() + " " + pkg.index().key(i), bytes));
            } catch (DbpfFormatException e) {
                // a map that does not decode names nothing (the container is fine, so it is no error row)
            }
        }

        /** Rows without a tuning name get the first name a map of their package gives their instance. */
        private void nameFromMaps(ScannedPackage pkg) {
            if (nameMaps.isEmpty()) {
                return;
            }
            PackageNames names = PackageNames.of(nameMaps.toArray(new NameMap[0]));
            for (int r = firstRow; r < out.resources.size(); r++) {
                ResourceRow row = out.resources.get(r);
                if (row.name == null && !row.isDeleted()) {
                    row.name = names.nameOf(Long.parseUnsignedLong(row.instance, 16));
                }
            }
        }

        @Override
        public void onStringTable(ScannedPackage pkg, int entry, StringTable table) {
            String instance = ResourceKey.hex16(pkg.index().instance(entry));
            for (int k = 0; k < table.count(); k++) {
                out.strings.add(new StringRow(pkg.name(), instance, ResourceKey.hex8(table.keyHash(k)), table.text(k)));
            }
        }

        @Override
        public void onPackage(ScannedPackage pkg) {
            nameFromMaps(pkg);
            nameMaps.clear();
            firstRow = out.resources.size();
            List<Problem> problems = pkg.problems();
            byte[] fileHash = pkg.fileHash();
            long bytes = pkg.length() >= 0 ? pkg.length() : pkg.input().size();
            out.packages.add(new PackageRow(pkg.name(), bytes, modified, pkg.entryCount(), pkg.liveCount(), pkg.isBroken(),
                    fileHash == null ? null : Sha256.hex(fileHash), problems.isEmpty() ? null : problems.get(0).toString(),
                    pkg.version()));
            problems.forEach(p -> out.errors.add(ErrorRow.of(p)));
            pkg.warnings().forEach(p -> out.errors.add(ErrorRow.of(p)));
        }
    }
}
