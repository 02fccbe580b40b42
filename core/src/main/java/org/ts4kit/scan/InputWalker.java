package org.ts4kit.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.io.ByteSource;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.FileKind;
import org.ts4kit.io.NotRegularFileException;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;

/**
 * Finds packages under input paths: folders recursively (in sorted order, so runs are
 * reproducible), single files, and {@code .zip} mod archives, whose {@code .package} entries are
 * read in place when stored and inflated when deflated. What counts as a package, an archive or
 * an ignored file is {@link InputKind}'s rule, shared with the Spark job's listing; folders are
 * walked by {@link FolderWalker}, as the job walks local ones.
 *
 * <p>Names: with one root, a package is named by its path relative to the root folder (with
 * {@code /} between folders, whatever the platform), or by its file name when the root is the file
 * itself. With several roots, each name starts with its root as given ({@code Mods/a.package},
 * {@code Old/a.package}), so the same relative path under two roots is two names. A member of a
 * zip is {@code archive-name!/inner/path}. Any name still given twice (a root given twice, a zip
 * holding two members of one name) gets {@code #2}, {@code #3}... in listing order.
 *
 * <p>Only regular files are ever opened. A root that is a FIFO, a device or a socket is a problem
 * ({@code not a regular file (a FIFO)}); such entries inside folders are counted as ignored.
 */
public final class InputWalker {
    /** Between an archive's path and a member's name: {@code mods.zip!/inner/x.package}. */
    public static final String MEMBER_SEPARATOR = "!/";

    private InputWalker() {
    }

    public static Listing list(List<Path> roots) {
        return list(roots, ReadOptions.defaults());
    }

    /** As {@link #list(List)}; zip archives are read under {@code options} (their size cap). */
    public static Listing list(List<Path> roots, ReadOptions options) {
        return list(roots, options, Files::newDirectoryStream);
    }

    /**
     * As {@link #list(List, ReadOptions)}, listing folders with {@code folders}: how tests (and the
     * job's, which must agree) make a folder refuse to be listed.
     */
    public static Listing list(List<Path> roots, ReadOptions options, FolderWalker.Folders folders) {
        Listing listing = new Listing();
        boolean several = roots.size() > 1;
        for (Path root : roots) {
            String given = root.toString();
            FileKind kind;
            try {
                kind = FileKind.of(root); // before anything is opened: a FIFO would block the open
            } catch (NoSuchFileException e) {
                listing.problems.add(new Problem(given, 0, "cannot read: no such file or folder"));
                continue;
            } catch (IOException e) {
                listing.problems.add(Problem.of(given, e));
                continue;
            }
            if (kind == FileKind.FOLDER) {
                walkFolder(root, several ? prefix(given) : "", listing, options, folders);
            } else if (kind == FileKind.REGULAR) {
                String name = several ? given : root.getFileName().toString();
                if (InputKind.ofNamed(root.getFileName().toString()) == InputKind.ZIP) {
                    addArchive(root, name, FileStamp.of(root), listing, options);
                } else {
                    FileStamp stamp = FileStamp.of(root);
                    addFile(root, name, stamp.isKnown() ? stamp.size() : 0, stamp, listing);
                }
            } else {
                listing.problems.add(new Problem(given, 0, NotRegularFileException.reason(kind)));
            }
        }
        // a root given twice, or inside another root, lists files twice: conflicts compare names, so they must differ
        List<String> unique = uniqueNames(listing.packages.stream().map(PackageInput::name).collect(Collectors.toList()));
        for (int i = 0; i < unique.size(); i++) {
            listing.packages.set(i, listing.packages.get(i).named(unique.get(i)));
        }
        return listing;
    }

    /** Whether a file (or zip member) name ends in {@code .package}, in any letter case. */
    public static boolean isPackage(String fileName) {
        return InputKind.of(fileName) == InputKind.PACKAGE;
    }

    /**
     * {@code names} made unique in order: the first of equal names keeps it, each later one gets
     * {@code #N}, the smallest N from 2 that no other name has ({@code x.package}, {@code x.package#2}).
     * The job names its files by the same rule.
     */
    public static List<String> uniqueNames(List<String> names) {
        return UniqueNames.of(names);
    }

    /** What names under a root given with others start with: the root as given, then {@code /}. */
    private static String prefix(String given) {
        return given.endsWith("/") ? given : given + "/";
    }

    private static void walkFolder(Path root, String prefix, Listing listing, ReadOptions options, FolderWalker.Folders folders) {
        List<Found> found = new ArrayList<>();
        FolderWalker.walk(root, new FolderWalker.Visitor() {
            @Override
            public void file(Path file, BasicFileAttributes attributes) {
                found.add(new Found(prefix + relative(root, file), file, FileStamp.of(file, attributes)));
            }

            @Override
            public void other(Path entry) {
                listing.ignored++; // a FIFO, a socket, a link to a folder, a broken link: passed over, but counted
            }

            @Override
            public void failed(Path entry, IOException error) {
                listing.problems.add(Problem.of(entry.toString(), error)); // the rest of the folder is still scanned
            }
        }, folders);
        found.sort(Comparator.comparing(f -> f.name));
        for (Found f : found) {
            switch (InputKind.of(f.file.getFileName().toString())) {
                case PACKAGE:
                    addFile(f.file, f.name, f.stamp.size(), f.stamp, listing);
                    break;
                case ZIP:
                    addArchive(f.file, f.name, f.stamp, listing, options);
                    break;
                default:
                    listing.ignored++;
            }
        }
    }

    /**
     * {@code file}'s path under {@code root}, its names joined by {@code /}: a name element is never
     * split, so a backslash in a Linux file name stays a character of that name.
     */
    static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path element : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(element);
        }
        return sb.toString();
    }

    /** A regular file met in a folder: its name in the listing, where it is, its size and times. */
    private static final class Found {
        final String name;
        final Path file;
        final FileStamp stamp;

        Found(String name, Path file, FileStamp stamp) {
            this.name = name;
            this.file = file;
            this.stamp = stamp;
        }
    }

    /** {@code size} is for planning only: 0 when it cannot be read (opening it will say why). */
    private static void addFile(Path file, String name, long size, FileStamp stamp, Listing listing) {
        listing.packages.add(new PackageInput(name, file.toString(), size, options -> DbpfPackage.open(file, options), stamp));
    }

    private static void addArchive(Path zip, String name, FileStamp stamp, Listing listing, ReadOptions options) {
        listing.archives++;
        ZipArchive archive;
        try {
            ByteSource mapped = ByteSources.map(zip);
            archive = ZipArchive.open(mapped, options.maxResourceBytes(), options.decodeBudget(mapped.length()));
        } catch (IOException e) {
            listing.problems.add(Problem.of(zip.toString(), e));
            return;
        }
        for (PackageInput member : archiveMembers(archive, name, zip.toString())) {
            listing.packages.add(member.stamped(stamp));
        }
    }

    /**
     * The {@code .package} entries of an open archive as inputs named {@code name!/inner/path}
     * (errors use {@code location!/inner/path}); stored entries are read in place, deflated ones
     * inflated when opened. Two entries of one name (a zip may hold them) get distinct names, the
     * later one {@code name!/inner/path#2}, as {@link #uniqueNames} says.
     */
    public static List<PackageInput> archiveMembers(ZipArchive archive, String name, String location) {
        List<ZipEntryInfo> packages = new ArrayList<>();
        for (ZipEntryInfo entry : archive.entries()) {
            String inner = entry.name();
            if (!entry.isDirectory() && isPackage(inner.substring(inner.lastIndexOf('/') + 1))) {
                packages.add(entry);
            }
        }
        List<String> inner = uniqueNames(packages.stream().map(ZipEntryInfo::name).collect(Collectors.toList()));
        List<PackageInput> out = new ArrayList<>(packages.size());
        for (int i = 0; i < packages.size(); i++) {
            out.add(member(archive, packages.get(i), name + MEMBER_SEPARATOR + inner.get(i), location + MEMBER_SEPARATOR + inner.get(i)));
        }
        return out;
    }

    /**
     * One entry of an open archive as an input, named {@code name!/inner/path} whatever its
     * extension (the CLI opens the member a user names). Opening inflates a deflated entry into an
     * array of the read options' pool, given back when the package is closed; the archive stays open.
     */
    public static PackageInput archiveMember(ZipArchive archive, ZipEntryInfo entry, String name, String location) {
        return member(archive, entry, name + MEMBER_SEPARATOR + entry.name(), location + MEMBER_SEPARATOR + entry.name());
    }

    private static PackageInput member(ZipArchive archive, ZipEntryInfo entry, String name, String where) {
        return new PackageInput(name, where, entry.compressedSize(),
                options -> DbpfPackage.open(archive.open(entry, where, options.pool()), options));
    }
}
