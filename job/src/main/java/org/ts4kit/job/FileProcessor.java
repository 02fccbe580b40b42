package org.ts4kit.job;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import org.ts4kit.dbpf.Compression;
import org.ts4kit.dbpf.DbpfIndex;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ResourceKey;
import org.ts4kit.hash.Sha256;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.memory.Arena;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.ResourceTypes;
import org.ts4kit.resource.StringTable;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.PackageScan;
import org.ts4kit.scan.Problem;

/**
 * The job's one function per file: turns what core reads of a listed file (a package, or the
 * packages inside a zip) into table rows. Never throws for bad input: a broken package becomes a
 * {@code broken} package row plus error rows. No Spark in here, so it is tested without a session.
 */
public final class FileProcessor {
    private FileProcessor() {
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
    public static FileResult process(InputFile file, FileAccess access, ResourceBuffer buffer, Arena scratch) {
        try {
            return rows(file, access, buffer, scratch);
        } finally {
            scratch.reset();
        }
    }

    private static FileResult rows(InputFile file, FileAccess access, ResourceBuffer buffer, Arena scratch) {
        FileResult out = new FileResult(file.name, file.size);
        Timestamp modified = file.modified > 0 ? new Timestamp(file.modified) : null;
        if (!file.zip) {
            out.expectedPackages = 1;
            PackageInput in = new PackageInput(file.name, file.name, file.size, () -> DbpfPackage.open(access.open(file, scratch)));
            addPackage(out, PackageScan.scan(in, buffer, PackageScan.Options.ALL), file.size, modified);
            return out;
        }
        ZipArchive archive;
        try {
            archive = ZipArchive.open(access.open(file, scratch));
        } catch (IOException | RuntimeException e) {
            out.expectedPackages = 1; // an unreadable archive is one broken row under its own name
            Problem p = Problem.of(file.name, e);
            out.packages.add(new Object[] {file.name, file.size, modified, 0, 0, "broken", null, p.toString()});
            out.errors.add(errorRow(p));
            return out;
        }
        try (archive) {
            List<PackageInput> members = InputWalker.archiveMembers(archive, file.name, file.name);
            out.expectedPackages = members.size();
            for (PackageInput member : members) {
                addPackage(out, PackageScan.scan(member, buffer, PackageScan.Options.ALL), member.size(), modified);
            }
        }
        return out;
    }

    private static void addPackage(FileResult out, PackageScan s, long storedSize, Timestamp modified) {
        String path = s.input().name();
        List<Problem> problems = s.problems();
        byte[] fileHash = s.fileHash();
        out.packages.add(new Object[] {path, s.length() >= 0 ? s.length() : storedSize, modified, s.entryCount(), s.liveCount(),
            s.isBroken() ? "broken" : "ok", fileHash == null ? null : Sha256.hex(fileHash),
            problems.isEmpty() ? null : problems.get(0).toString()});
        for (Problem p : problems) {
            out.errors.add(errorRow(p));
        }
        for (Problem p : s.warnings()) {
            out.errors.add(errorRow(p));
        }
        DbpfIndex idx = s.index();
        for (int i = 0; i < s.entryCount(); i++) {
            int type = idx.type(i);
            String hash = s.decoded(i) ? hex(s.hashes(), i * 32) : null;
            out.resources.add(new Object[] {path, ResourceKey.hex8(type), ResourceTypes.name(type), ResourceKey.hex8(idx.group(i)),
                ResourceKey.hex16(idx.instance(i)), idx.offset(i), idx.fileSize(i), idx.memSize(i),
                Compression.name(idx.compression(i)), hash});
        }
        PackageScan.StringRows strings = s.strings();
        for (int t = 0; t < strings.tableCount(); t++) {
            String instance = ResourceKey.hex16(idx.instance(strings.entry(t)));
            StringTable table = strings.table(t);
            for (int k = 0; k < table.count(); k++) {
                out.strings.add(new Object[] {path, instance, ResourceKey.hex8(table.keyHash(k)), table.text(k)});
            }
        }
    }

    private static Object[] errorRow(Problem p) {
        return new Object[] {p.location(), p.offset(), p.reason()};
    }

    private static String hex(byte[] bytes, int off) {
        return java.util.HexFormat.of().formatHex(bytes, off, off + 32);
    }
}
