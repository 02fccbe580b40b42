package org.ts4kit.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.io.ByteSources;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;
import org.ts4kit.dbpf.ReadOptions;

/**
 * Finds packages under input paths: folders recursively (in sorted order, so runs are
 * reproducible), single files, and {@code .zip} mod archives, whose {@code .package} entries are
 * read in place when stored and inflated when deflated. Extensions match in any letter case. A
 * file given by name is read as a package whatever its extension, unless it is a {@code .zip}.
 */
public final class InputWalker {
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
                if (isZip(name)) {
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

    public static boolean isPackage(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".package");
    }

    public static boolean isZip(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static void walkFolder(Path root, Listing listing, ReadOptions options) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).collect(Collectors.toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            listing.problems.add(Problem.of(root.toString(), e instanceof IOException ? (IOException) e
                    : ((java.io.UncheckedIOException) e).getCause()));
            return;
        }
        List<String> names = files.stream().map(f -> root.relativize(f).toString().replace('\\', '/')).sorted()
                .collect(Collectors.toList());
        for (String rel : names) {
            Path file = root.resolve(rel);
            String fileName = file.getFileName().toString();
            if (isPackage(fileName)) {
                addFile(file, rel, listing);
            } else if (isZip(fileName)) {
                addArchive(file, rel, listing, options);
            } else {
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
            archive = ZipArchive.open(ByteSources.map(zip), options.maxResourceBytes());
        } catch (IOException e) {
            listing.problems.add(Problem.of(zip.toString(), e));
            return;
        }
        int before = listing.packages.size();
        listing.packages.addAll(archiveMembers(archive, name, zip.toString()));
        int members = listing.packages.size() - before;
        for (ZipEntryInfo entry : archive.entries()) {
            if (!entry.isDirectory()) {
                listing.ignored++;
            }
        }
        listing.ignored -= members;
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
            if (entry.isDirectory() || !isPackage(inner.substring(inner.lastIndexOf('/') + 1))) {
                continue;
            }
            String where = location + "!/" + inner;
            out.add(new PackageInput(name + "!/" + inner, where, entry.compressedSize(),
                    options -> DbpfPackage.open(archive.open(entry, where, options.pool()), options)));
        }
        return out;
    }
}
