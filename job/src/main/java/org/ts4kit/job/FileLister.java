package org.ts4kit.job;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.ts4kit.io.FileKind;
import org.ts4kit.io.NotRegularFileException;
import org.ts4kit.scan.FolderWalker;
import org.ts4kit.scan.InputKind;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.Problem;

/**
 * Lists the inputs on any Hadoop file system (local, HDFS, S3A when its jars are present): folders
 * recursively, globs, single files. What is a package, a zip or an ignored (counted) file is core's
 * {@link InputKind} rule, and local folders are walked by core's {@link FolderWalker}, as the CLI's
 * {@code conflicts} walks them: FIFOs, devices, broken links and link loops in a folder are never
 * opened and count as ignored. With one INPUT, names are relative to it (to a glob's fixed parent
 * for a glob); with several, they are full paths; a name that would come twice gets {@code #2}
 * (core's {@link InputWalker#uniqueNames}).
 *
 * <p>What cannot be listed or read is listed anyway, as a file with a {@link InputFile#problem}: a
 * folder that cannot be listed (the rest is still listed), an INPUT that is a FIFO or a device. The
 * reader turns it into one broken package row with that reason, so it is in the tables and the
 * accounting, as an unreadable zip is.
 */
public final class FileLister {
    /** What the listing found. */
    public static final class ListedFiles {
        public final List<InputFile> files = new ArrayList<>();
        public long ignored;
        /**
         * The ignored files themselves (scripts, {@code .rar}, readmes, {@code .DS_Store}), never read: the
         * doctor looks at where they are and what they are called. All are kept, as names, sizes and times
         * (about 200 bytes each): a Mods folder holds a few per mod, and its packages are listed in full anyway.
         */
        public final List<InputFile> others = new ArrayList<>();
        /** Entries of a local folder that are no regular file or folder (a FIFO, a broken link): counted in {@link #ignored}. */
        public final List<String> notFollowed = new ArrayList<>();
        public final List<String> missing = new ArrayList<>();
    }

    private FileLister() {
    }

    public static ListedFiles list(List<String> inputs, Configuration conf) throws IOException {
        return list(inputs, conf, java.nio.file.Files::newDirectoryStream);
    }

    /** As {@link #list(List, Configuration)}, listing local folders with {@code folders} (tests refuse some). */
    static ListedFiles list(List<String> inputs, Configuration conf, FolderWalker.Folders folders) throws IOException {
        ListedFiles out = new ListedFiles();
        boolean relative = inputs.size() == 1;
        for (String input : inputs) {
            Path pattern = new Path(input);
            FileSystem fs = pattern.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(pattern);
            if (matches == null || matches.length == 0) {
                out.missing.add(input);
                continue;
            }
            Path base = baseOf(fs, pattern, matches);
            for (FileStatus m : matches) {
                if (isLocal(m.getPath().toString())) {
                    listLocal(out, m, base, relative, folders);
                } else if (m.isDirectory()) {
                    walkRemote(out, fs, m.getPath(), base, relative);
                } else {
                    add(out, m, base, relative, true);
                }
            }
        }
        uniqueNames(out.files);
        uniqueNames(out.others);
        return out;
    }

    private static void uniqueNames(List<InputFile> files) {
        files.sort(Comparator.comparing((InputFile f) -> f.name).thenComparing(f -> f.path));
        List<String> unique = InputWalker.uniqueNames(files.stream().map(f -> f.name).collect(Collectors.toList()));
        for (int i = 0; i < unique.size(); i++) {
            files.get(i).name = unique.get(i); // an INPUT given twice, or inside another: each copy its own name
        }
    }

    /**
     * A local match: what it is comes from its attributes, before anything opens it. A folder is
     * walked with java.nio (Hadoop's local file system loads permissions for every file it lists by
     * running a process per file: 20 s for 2,000 files here).
     */
    private static void listLocal(ListedFiles out, FileStatus match, Path base, boolean relative, FolderWalker.Folders folders) {
        java.nio.file.Path path = java.nio.file.Path.of(match.getPath().toUri());
        FileKind kind;
        try {
            kind = FileKind.of(path);
        } catch (NoSuchFileException e) {
            return; // gone since the glob matched it
        } catch (IOException e) {
            unreadable(out, match.getPath(), base, relative, Problem.of(path.toString(), e).reason());
            return;
        }
        if (kind == FileKind.FOLDER) {
            walkLocal(out, path, base, relative, folders);
        } else if (kind == FileKind.REGULAR) {
            add(out, match.getPath(), match.getLen(), match.getModificationTime(), base, relative, true);
        } else {
            unreadable(out, match.getPath(), base, relative, NotRegularFileException.reason(kind));
        }
    }

    private static void walkLocal(ListedFiles out, java.nio.file.Path root, Path base, boolean relative, FolderWalker.Folders folders) {
        FolderWalker.walk(root, new FolderWalker.Visitor() {
            @Override
            public void file(java.nio.file.Path file, BasicFileAttributes a) {
                add(out, new Path(file.toUri()), a.size(), a.lastModifiedTime().toMillis(), base, relative, false);
            }

            @Override
            public void other(java.nio.file.Path entry) {
                out.ignored++; // a FIFO, a link to a folder, a broken link: never opened, counted as the CLI counts it
                Path p = new Path(entry.toUri());
                out.notFollowed.add(relative ? relativize(base, p) : p.toString());
            }

            @Override
            public void failed(java.nio.file.Path entry, IOException error) {
                unreadable(out, new Path(entry.toUri()), base, relative, Problem.of(entry.toString(), error).reason());
            }
        }, folders);
    }

    /**
     * A remote folder in one recursive listing (one request per thousand files on S3). If it fails
     * part way, the folder is listed again folder by folder, so that only the folder that fails is
     * lost (and reported), not the others.
     */
    private static void walkRemote(ListedFiles out, FileSystem fs, Path dir, Path base, boolean relative) {
        int files = out.files.size();
        int others = out.others.size();
        long ignored = out.ignored;
        try {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                add(out, it.next(), base, relative, false);
            }
        } catch (IOException e) {
            out.files.subList(files, out.files.size()).clear();
            out.others.subList(others, out.others.size()).clear();
            out.ignored = ignored;
            walkRemoteByFolder(out, fs, dir, base, relative);
        }
    }

    private static void walkRemoteByFolder(ListedFiles out, FileSystem fs, Path dir, Path base, boolean relative) {
        Deque<Path> pending = new ArrayDeque<>();
        pending.push(dir);
        while (!pending.isEmpty()) {
            Path folder = pending.pop();
            FileStatus[] entries;
            try {
                entries = fs.listStatus(folder);
            } catch (IOException e) {
                unreadable(out, folder, base, relative, Problem.of(folder.toString(), e).reason());
                continue;
            }
            for (FileStatus st : entries) {
                if (st.isDirectory()) {
                    pending.push(st.getPath());
                } else {
                    add(out, st, base, relative, false);
                }
            }
        }
    }

    private static void add(ListedFiles out, FileStatus st, Path base, boolean relative, boolean named) {
        if (st.isFile()) {
            add(out, st.getPath(), st.getLen(), st.getModificationTime(), base, relative, named);
        } else if (named) {
            unreadable(out, st.getPath(), base, relative, "not a regular file");
        } else {
            out.ignored++; // a link on HDFS: neither a folder nor a file, as for a local folder
        }
    }

    private static void add(ListedFiles out, Path file, long size, long modified, Path base, boolean relative, boolean named) {
        InputKind kind = named ? InputKind.ofNamed(file.getName()) : InputKind.of(file.getName());
        String full = file.toString();
        String below = relativize(base, file);
        InputFile f = new InputFile(full, relative ? below : full, size, modified, kind == InputKind.ZIP);
        f.relative = below;
        if (kind == InputKind.OTHER) {
            out.ignored++;
            out.others.add(f);
        } else {
            out.files.add(f);
        }
    }

    /** Something listed that cannot be read: one broken row under its name, saying why. */
    private static void unreadable(ListedFiles out, Path where, Path base, boolean relative, String reason) {
        String full = withoutSlash(where.toString()); // a local folder's URI ends in '/'
        String name = relative ? relativize(base, where) : full;
        InputFile f = InputFile.unreadable(full, withoutSlash(name), reason);
        f.relative = withoutSlash(relativize(base, where));
        out.files.add(f);
    }

    private static String withoutSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The folder names are relative to: the INPUT folder itself, a file's parent, or a glob's fixed prefix. */
    private static Path baseOf(FileSystem fs, Path pattern, FileStatus[] matches) throws IOException {
        Path qualified = fs.makeQualified(pattern);
        if (!hasGlob(qualified.toUri().getPath())) {
            return matches[0].isDirectory() ? matches[0].getPath() : matches[0].getPath().getParent();
        }
        Path p = qualified;
        while (p != null && hasGlob(p.toUri().getPath())) {
            p = p.getParent();
        }
        return p;
    }

    private static boolean hasGlob(String s) {
        for (char c : new char[] {'*', '?', '[', '{'}) {
            if (s.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    static String relativize(Path base, Path file) {
        String b = base.toUri().getPath();
        String f = file.toUri().getPath();
        if (!b.endsWith("/")) {
            b = b + "/";
        }
        return f.startsWith(b) ? f.substring(b.length()) : f;
    }

    static boolean isLocal(String path) {
        return path.toLowerCase(Locale.ROOT).startsWith("file:");
    }
}
