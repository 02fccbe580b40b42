package org.ts4kit.cli;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.io.ErrorLine;
import org.ts4kit.io.FileKind;
import org.ts4kit.io.NotRegularFileException;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.io.zip.ZipEntryInfo;
import org.ts4kit.scan.InputKind;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.PackageInput;
import picocli.CommandLine;

/**
 * The FILE of {@code inspect}, {@code ls}, {@code cat} and {@code extract}: a package file, or a
 * package inside a zip named the way {@code conflicts} prints it, {@code ARCHIVE.zip!/inner/x.package}.
 * Members are found and opened by core's {@link InputWalker}, as {@code conflicts} opens them.
 * A plain {@code .zip} is a usage error (exit 2) that lists the packages one could name instead;
 * a missing member is a missing input (exit 1), like a missing file. Closing closes the package,
 * then the archive it came from.
 */
final class PackageArgument implements Closeable {
    /** The FILE parameter's help text. */
    static final String DESCRIPTION = "The .package file, or a package inside a zip: 'ARCHIVE.zip!/inner/x.package'.";

    /** How many member names an error lists before "and N more". */
    static final int MEMBERS_SHOWN = 8;

    private final DbpfPackage pkg;
    private final ZipArchive archive;

    private PackageArgument(DbpfPackage pkg, ZipArchive archive) {
        this.pkg = pkg;
        this.archive = archive;
    }

    /**
     * Opens {@code file}. A name that exists is a file (read as a package whatever its extension,
     * unless it is a zip); otherwise {@code ZIP!/inner} names a member when ZIP is a file. What the
     * path is, is read from its attributes before anything is opened: opening a FIFO would block.
     *
     * @throws CommandLine.ParameterException when {@code file} is a zip archive itself, or is no
     *         regular file (a FIFO, a device, a socket, a folder)
     * @throws IOException when the file, archive or member cannot be read, or is not a package
     *         (a broken link is a missing file: {@link NotRegularFileException})
     */
    static PackageArgument open(Path file, CommandLine commandLine) throws IOException {
        FileKind kind = kindOf(file);
        if (kind == null) {
            String text = file.toString();
            for (int at = separator(text, 0); at >= 0; at = separator(text, at + 1)) {
                Path zip = Paths.get(text.substring(0, at));
                if (Files.isRegularFile(zip)) { // attributes only: a FIFO named like a zip is never opened
                    return openMember(zip, text.substring(at + 2).replace(File.separatorChar, '/'), text);
                }
            }
        } else if (kind == FileKind.REGULAR && InputKind.ofNamed(file.getFileName().toString()) == InputKind.ZIP) {
            throw new CommandLine.ParameterException(commandLine, zipNamedMessage(file));
        } else if (kind != FileKind.REGULAR && kind != FileKind.BROKEN_LINK && kind != FileKind.LINK_LOOP) {
            throw new CommandLine.ParameterException(commandLine,
                    ErrorLine.escape(file.toString()) + ": " + NotRegularFileException.reason(kind));
        }
        // a missing file or a link that leads nowhere: the open says so, as a missing input (exit 1)
        return new PackageArgument(DbpfPackage.open(file), null);
    }

    /** What {@code path} is (links followed), or null when nothing is there. */
    private static FileKind kindOf(Path path) throws IOException {
        try {
            return FileKind.of(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    DbpfPackage pkg() {
        return pkg;
    }

    /** Where {@code ZIP!/inner} splits: {@code !/} (or {@code !\} where that is the separator). */
    private static int separator(String text, int from) {
        for (int at = text.indexOf('!', from); at >= 0 && at + 1 < text.length(); at = text.indexOf('!', at + 1)) {
            char next = text.charAt(at + 1);
            if (next == '/' || next == File.separatorChar) {
                return at;
            }
        }
        return -1;
    }

    private static PackageArgument openMember(Path zip, String inner, String name) throws IOException {
        ZipArchive archive = ZipArchive.open(zip);
        boolean ok = false;
        try {
            PackageInput member = member(archive, zip, inner);
            if (member == null) { // a folder entry ends in '/', which a Path never does: not found either
                throw new CorruptInputException(name, 0, "no member " + quote(inner) + " in " + zip + "; " + members(archive, zip));
            }
            PackageArgument opened = new PackageArgument(member.open(), archive);
            ok = true;
            return opened;
        } finally {
            if (!ok) {
                archive.close();
            }
        }
    }

    /**
     * The member {@code conflicts} names {@code ZIP!/inner} (so {@code x.package#2} is the second
     * member called {@code x.package}), else the first entry of exactly that name whatever its
     * extension; null when there is none.
     */
    private static PackageInput member(ZipArchive archive, Path zip, String inner) {
        String zipName = zip.toString();
        String listed = zipName + InputWalker.MEMBER_SEPARATOR + inner;
        for (PackageInput p : InputWalker.archiveMembers(archive, zipName, zipName)) {
            if (p.name().equals(listed)) {
                return p;
            }
        }
        Optional<ZipEntryInfo> entry = archive.find(inner);
        return entry.map(e -> InputWalker.archiveMember(archive, e, zipName, zipName)).orElse(null);
    }

    /** The usage error for a zip named as FILE, with the names that would work. */
    private static String zipNamedMessage(Path zip) throws IOException {
        String example = zip + InputWalker.MEMBER_SEPARATOR + "inner/x.package";
        try (ZipArchive archive = ZipArchive.open(zip)) {
            return ErrorLine.escape(zip + ": this is a zip archive; name a package inside it, e.g. " + example + " ("
                    + members(archive, zip) + ")");
        }
    }

    /** "members: a.package, b/c.package and 3 more", or that there are none. */
    static String members(ZipArchive archive, Path zip) {
        List<String> names = InputWalker.archiveMembers(archive, zip.toString(), zip.toString()).stream()
                .map(p -> p.name().substring(zip.toString().length() + InputWalker.MEMBER_SEPARATOR.length()))
                .collect(Collectors.toList());
        if (names.isEmpty()) {
            return "it holds no .package members";
        }
        String shown = names.stream().limit(MEMBERS_SHOWN).map(PackageArgument::quote).collect(Collectors.joining(", "));
        return "members: " + shown + (names.size() > MEMBERS_SHOWN ? " and " + (names.size() - MEMBERS_SHOWN) + " more" : "");
    }

    /** Member names as typed on a command line: spaces are common in mod names (control characters are escaped where printed). */
    private static String quote(String name) {
        return name.matches("[A-Za-z0-9._/+@,-]+") ? name : "'" + name + "'";
    }

    @Override
    public void close() {
        try {
            pkg.close();
        } finally {
            if (archive != null) {
                archive.close();
            }
        }
    }
}
