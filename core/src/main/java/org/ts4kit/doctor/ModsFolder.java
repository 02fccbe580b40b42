package org.ts4kit.doctor;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.io.FileKind;
import org.ts4kit.io.NotRegularFileException;
import org.ts4kit.scan.CollectionScan;
import org.ts4kit.scan.Conflict;
import org.ts4kit.scan.FileStamp;
import org.ts4kit.scan.FolderWalker;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Listing;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;
import org.ts4kit.telemetry.ProgressListener;
import org.ts4kit.triage.PackagePairs;

/**
 * A Mods folder looked at as the game would: every file walked (archives are files here, not opened:
 * the game does not open them), each {@code .package} read once with its keys decoded and hashed, files
 * of equal size hashed whole, the package pairs found, then the {@link Doctor}'s checks run.
 */
public final class ModsFolder {
    /** Why a folder entry is not looked at: the job says the same of the entries its listing does not follow. */
    public static final String NOT_FOLLOWED = "not followed: not a regular file or folder "
            + "(a FIFO, a socket, a link to a folder or a broken link)";

    private final List<ModsFile> files;
    private final List<Problem> unreadable;
    private final PackagePairs pairs;
    private final List<Finding> findings;

    private ModsFolder(List<ModsFile> files, List<Problem> unreadable, PackagePairs pairs, List<Finding> findings) {
        this.files = files;
        this.unreadable = unreadable;
        this.pairs = pairs;
        this.findings = findings;
    }

    /**
     * Examines {@code roots} (Mods folders, or single files) with {@code threads} readers; {@code sink}
     * sees every package as it is read (the CLI's collection figures), on the reading threads.
     */
    public static ModsFolder examine(List<Path> roots, int threads, ScanSink sink, ProgressListener progress)
            throws InterruptedException {
        return examine(roots, threads, sink, packages -> progress);
    }

    /**
     * As above, the progress listener made once the walk knows how many packages there are to read
     * ({@code progressFor.apply(count)}): a progress bar needs its total.
     */
    public static ModsFolder examine(List<Path> roots, int threads, ScanSink sink, IntFunction<ProgressListener> progressFor)
            throws InterruptedException {
        List<ModsFile> files = new ArrayList<>();
        List<Path> where = new ArrayList<>();
        List<Problem> unreadable = new ArrayList<>();
        walk(roots, files, where, unreadable);
        // a root given twice, or inside another, walks files twice: names must stay one per file, as InputWalker's do
        List<String> unique = InputWalker.uniqueNames(files.stream().map(ModsFile::path).collect(Collectors.toList()));
        for (int i = 0; i < files.size(); i++) {
            ModsFile f = files.get(i);
            files.set(i, ModsFile.unread(unique.get(i), f.relative(), f.size(), f.modified()));
        }

        List<PackageInput> inputs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).kind() == ModsFile.Kind.PACKAGE) {
                Path file = where.get(i);
                ModsFile f = files.get(i);
                inputs.add(new PackageInput(f.path(), file.toString(), f.size(), o -> DbpfPackage.open(file, o)));
            }
        }
        Map<String, ScannedPackage> read = new ConcurrentHashMap<>();
        ScanSink both = new ScanSink() {
            @Override
            public void onResource(ScannedPackage pkg, int entry, java.nio.ByteBuffer bytes) {
                sink.onResource(pkg, entry, bytes);
            }

            @Override
            public void onPackage(ScannedPackage pkg) {
                read.put(pkg.name(), pkg);
                sink.onPackage(pkg);
            }
        };
        CollectionScan scan = CollectionScan.run(Listing.of(inputs), threads,
                new PackageScanner(ScanOptions.KEYS, ReadOptions.defaults()), both, progressFor.apply(inputs.size()));
        for (int i = 0; i < files.size(); i++) {
            ScannedPackage p = read.get(files.get(i).path());
            if (p != null) {
                Problem first = p.isBroken() ? p.problems().get(0) : null;
                files.set(i, files.get(i).read(p.version(), p.isBroken(), first == null ? 0 : first.offset(),
                        first == null ? null : first.reason(), p.liveCount()));
            }
        }
        FileHashes.fill(files, where, unreadable);

        List<Conflict> sims4 = new ArrayList<>(); // another game's packages share keys by chance, not as mods do
        Map<String, ModsFile> byPath = new HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        for (Conflict c : scan.conflicts()) {
            if (c.packages().stream().allMatch(p -> ContentChecks.isSims4Package(byPath.get(p)))) {
                sims4.add(c);
            }
        }
        PackagePairs pairs = PackagePairs.of(sims4, scan.keyCounts());
        List<Finding> findings = Doctor.examine(files, pairs.ranked(), unreadable);
        return new ModsFolder(Collections.unmodifiableList(files), Collections.unmodifiableList(unreadable), pairs, findings);
    }

    /** Every file under the roots, named as the CLI names inputs: relative to one root, else with their root. */
    private static void walk(List<Path> roots, List<ModsFile> files, List<Path> where, List<Problem> unreadable) {
        boolean several = roots.size() > 1;
        for (Path root : roots) {
            String given = root.toString();
            FileKind kind;
            try {
                kind = FileKind.of(root);
            } catch (NoSuchFileException e) {
                unreadable.add(new Problem(given, 0, "cannot read: no such file or folder"));
                continue;
            } catch (IOException e) {
                unreadable.add(Problem.of(given, e));
                continue;
            }
            if (kind == FileKind.REGULAR) {
                FileStamp stamp = FileStamp.of(root);
                String name = root.getFileName() == null ? given : root.getFileName().toString();
                add(files, where, several ? given : name, name, root, stamp.size(), stamp.modifiedNanos() / 1_000_000);
            } else if (kind != FileKind.FOLDER) {
                unreadable.add(new Problem(given, 0, NotRegularFileException.reason(kind)));
            } else {
                String prefix = several ? (given.endsWith("/") ? given : given + "/") : "";
                FolderWalker.walk(root, new FolderWalker.Visitor() {
                    @Override
                    public void file(Path file, BasicFileAttributes attributes) {
                        String relative = relative(root, file);
                        add(files, where, prefix + relative, relative, file, attributes.size(), attributes.lastModifiedTime().toMillis());
                    }

                    @Override
                    public void other(Path entry) {
                        unreadable.add(new Problem(entry.toString(), 0, NOT_FOLLOWED));
                    }

                    @Override
                    public void failed(Path entry, IOException error) {
                        unreadable.add(Problem.of(entry.toString(), error));
                    }
                });
            }
        }
    }

    private static void add(List<ModsFile> files, List<Path> where, String path, String relative, Path file, long size, long modified) {
        files.add(ModsFile.unread(path, relative, size, modified));
        where.add(file);
    }

    /** {@code file} below {@code root}, names joined by {@code /} (a backslash in a name stays a character). */
    private static String relative(Path root, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path element : root.relativize(file)) {
            sb.append(sb.length() == 0 ? "" : "/").append(element);
        }
        return sb.toString();
    }

    /** Every file walked, in walk order (folders in name order), with what reading told. */
    public List<ModsFile> files() {
        return files;
    }

    /** What could not be looked at: missing roots, folders that cannot be listed, FIFOs, files that vanished. */
    public List<Problem> unreadable() {
        return unreadable;
    }

    public PackagePairs pairs() {
        return pairs;
    }

    /** Ordered by {@link Finding#ORDER}: highest severity first. */
    public List<Finding> findings() {
        return findings;
    }
}
