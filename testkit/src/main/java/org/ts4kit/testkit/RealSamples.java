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
 * Tuning XML from real packages, for checks against real data. The packages are other people's
 * and are not in the repository: they are read from {@code -Dts4kit.realSamples=DIR}, else from
 * {@code /work/shared/real-sample} or {@code ../../shared/real-sample}; tests skip when none exists.
 */
public final class RealSamples {
    private RealSamples() {
    }

    /** The sample folder, or {@code null} when there is none. */
    public static Path folder() {
        String configured = System.getProperty("ts4kit.realSamples");
        List<Path> candidates = configured != null ? List.of(Paths.get(configured))
                : List.of(Paths.get("/work/shared/real-sample"), Paths.get("../../shared/real-sample"), Paths.get("../shared/real-sample"));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(null);
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
