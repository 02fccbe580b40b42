package org.ts4kit.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ts4kit.dbpf.DbpfFormatException;
import org.ts4kit.dbpf.DbpfPackage;

/**
 * The real packages, for checks against real data. They are other people's and are not in the
 * repository: they are read from {@code -Dts4kit.realSamples=DIR}, else from the first
 * {@code shared/real-sample} folder found walking up from the working directory (a worktree
 * sits next to {@code shared}, and Surefire runs in a module folder inside it); tests skip when
 * there is none. No machine's absolute path is written here.
 */
public final class RealSamples {
    private RealSamples() {
    }

    /** The system property naming the sample folder; when set, nothing else is searched. */
    public static final String PROPERTY = "ts4kit.realSamples";

    /** The sample folder, or {@code null} when there is none. */
    public static Path folder() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path dir = Paths.get(configured);
            return Files.isDirectory(dir) ? dir : null;
        }
        return above(Paths.get("").toAbsolutePath());
    }

    /** The first {@code shared/real-sample} in {@code start} or a folder above it. */
    static Path above(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("real-sample");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Why a test skips: where it looked. */
    public static String absent() {
        return System.getProperty(PROPERTY) != null ? "-D" + PROPERTY + "=" + System.getProperty(PROPERTY) + " is not a folder"
                : "no shared/real-sample above " + Paths.get("").toAbsolutePath() + " (set -D" + PROPERTY + "=DIR)";
    }

    /** A resource's name and decompressed bytes. */
    public record Resource(String name, byte[] bytes) {
    }

    /** Every resource in the folder's packages that is XML (broken packages and entries are passed over). */
    public static List<Resource> tuningXml(Path folder) throws IOException {
        List<Resource> found = new ArrayList<>();
        List<Path> packages;
        try (Stream<Path> files = Files.list(folder)) {
            packages = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".package")).sorted().toList();
        }
        for (Path file : packages) {
            try (DbpfPackage pkg = DbpfPackage.open(file)) {
                for (int i = 0; i < pkg.entryCount(); i++) {
                    if (pkg.index().isDeleted(i)) {
                        continue;
                    }
                    try {
                        byte[] bytes = pkg.read(i);
                        if (looksLikeXml(bytes)) {
                            found.add(new Resource(file.getFileName() + "#" + i + " " + pkg.index().key(i), bytes));
                        }
                    } catch (DbpfFormatException e) {
                        // a broken entry: not a sample
                    }
                }
            } catch (DbpfFormatException e) {
                // a broken package (one sample is broken on purpose)
            }
        }
        return found;
    }

    private static boolean looksLikeXml(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<?xml") || start.startsWith("<I ");
    }
}
