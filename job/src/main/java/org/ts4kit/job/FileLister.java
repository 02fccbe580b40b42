package org.ts4kit.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.ts4kit.scan.InputKind;

/**
 * Lists the inputs on any Hadoop file system (local, HDFS, S3A when its jars are present): folders
 * recursively, globs, single files. What is a package, a zip or an ignored (counted) file is core's
 * {@link InputKind} rule, the one the CLI's {@code conflicts} uses. With one INPUT, names are
 * relative to it (to a glob's fixed parent for a glob).
 */
public final class FileLister {
    /** What the listing found. */
    public static final class ListedFiles {
        public final List<InputFile> files = new ArrayList<>();
        public long ignored;
        public final List<String> missing = new ArrayList<>();
    }

    private FileLister() {
    }

    public static ListedFiles list(List<String> inputs, Configuration conf) throws IOException {
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
                if (m.isDirectory() && isLocal(m.getPath().toString())) {
                    walkLocal(out, m.getPath(), base, relative);
                } else if (m.isDirectory()) {
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                    while (it.hasNext()) {
                        add(out, it.next(), base, relative, false);
                    }
                } else {
                    add(out, m, base, relative, true);
                }
            }
        }
        out.files.sort(Comparator.comparing((InputFile f) -> f.name).thenComparing(f -> f.path));
        return out;
    }

    /**
     * Local folders are walked with java.nio: Hadoop's local file system loads permissions for
     * every file it lists by running a process per file (20 s for 2,000 files here).
     */
    private static void walkLocal(ListedFiles out, Path dir, Path base, boolean relative) throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of(dir.toUri());
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                if (!InputKind.isFile(f)) {
                    continue; // a folder, a broken link: not a file, not counted (readAttributes would throw)
                }
                java.nio.file.attribute.BasicFileAttributes a =
                        java.nio.file.Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
                add(out, new Path(f.toUri()), a.size(), a.lastModifiedTime().toMillis(), base, relative, false);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void add(ListedFiles out, FileStatus st, Path base, boolean relative, boolean named) {
        if (st.isFile()) {
            add(out, st.getPath(), st.getLen(), st.getModificationTime(), base, relative, named);
        }
    }

    private static void add(ListedFiles out, Path file, long size, long modified, Path base, boolean relative, boolean named) {
        InputKind kind = named ? InputKind.ofNamed(file.getName()) : InputKind.of(file.getName());
        if (kind == InputKind.OTHER) {
            out.ignored++;
            return;
        }
        boolean zip = kind == InputKind.ZIP;
        String full = file.toString();
        String name = relative ? relativize(base, file) : full;
        out.files.add(new InputFile(full, name, size, modified, zip));
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
