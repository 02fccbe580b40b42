package org.ts4kit.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;
import org.ts4kit.dbpf.ReadOptions;

/**
 * Finds packages under input paths: folders recursively (in sorted order, so runs are
 * reproducible), single files, and {@code .zip} mod archives, whose {@code .package} entries are
 * read in place when stored and inflated when deflated. What counts as a package, an archive or
 * an ignored file is {@link InputKind}'s rule, shared with the Spark job's listing.
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
        Listing listing = new Listing();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walkFolder(root, listing, options);
            } else if (Files.isRegularFile(root)) {
                String name = root.getFileName().toString();
                if (InputKind.ofNamed(name) == InputKind.ZIP) {
                    addArchive(root, name, listing, options);
                } else {
                    addFile(root, name, listing);
                }
            } else {
                listing.problems.add(new Problem(root.toString(), 0, "cannot read: no such file or folder"));
            }
        }
        return listing;
    }

    /** Whether a file (or zip member) name ends in {@code .package}, in any letter case. */
    public static boolean isPackage(String fileName) {
        return InputKind.of(fileName) == InputKind.PACKAGE;
    }

    private static void walkFolder(Path root, Listing listing, ReadOptions options) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(InputKind::isFile).collect(Collectors.toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            listing.problems.add(Problem.of(root.toString(), e instanceof IOException ? (IOException) e
                    : ((java.io.UncheckedIOException) e).getCause()));
            return;
        }
        List<String> names = files.stream().map(f -> root.relativize(f).toString().replace('\\', '/')).sorted()
                .collect(Collectors.toList());
        for (String rel : names) {
            Path file = root.resolve(rel);
            switch (InputKind.of(file.getFileName().toString())) {
                case PACKAGE:
                    addFile(file, rel, listing);
                    break;
                case ZIP:
                    addArchive(file, rel, listing, options);
                    break;
                default:
                    listing.ignored++;
            }
        }
    }

    private static void addFile(Path file, String name, Listing listing) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        listing.packages.add(new PackageInput(name, file.toString(), size, options -> DbpfPackage.open(file, options)));
    }

    private static void addArchive(Path zip, String name, Listing listing, ReadOptions options) {
        listing.archives++;
        ZipArchive archive;
        try {
            ByteSource mapped = ByteSources.map(zip);
            archive = ZipArchive.open(mapped, options.maxResourceBytes(), options.decodeBudget(mapped.length()));
        } catch (IOException e) {
            listing.problems.add(Problem.of(zip.toString(), e));
            return;
        }
        listing.packages.addAll(archiveMembers(archive, name, zip.toString()));
    }

    /**
     * The {@code .package} entries of an open archive as inputs named {@code name!/inner/path}
     * (errors use {@code location!/inner/path}); stored entries are read in place, deflated ones
     * inflated when opened.
     */
    public static List<PackageInput> archiveMembers(ZipArchive archive, String name, String location) {
        List<PackageInput> out = new ArrayList<>();
        for (ZipEntryInfo entry : archive.entries()) {
            String inner = entry.name();
            if (!entry.isDirectory() && isPackage(inner.substring(inner.lastIndexOf('/') + 1))) {
                out.add(archiveMember(archive, entry, name, location));
            }
        }
        return out;
    }

    /**
     * One entry of an open archive as an input, named as {@link #archiveMembers} names it, whatever
     * its extension (the CLI opens the member a user names). Opening inflates a deflated entry into
     * an array of the read options' pool, given back when the package is closed; the archive stays open.
     */
    public static PackageInput archiveMember(ZipArchive archive, ZipEntryInfo entry, String name, String location) {
        String where = location + MEMBER_SEPARATOR + entry.name();
        return new PackageInput(name + MEMBER_SEPARATOR + entry.name(), where, entry.compressedSize(),
                options -> DbpfPackage.open(archive.open(entry, where, options.pool()), options));
    }
}
