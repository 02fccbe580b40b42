package org.ts4kit.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of core, checked on its sources: layers point one way (a package imports only packages
 * of lower layers), core imports nothing but the JDK and its three libraries (each in its own packages), and files stay small. A newcomer reads the
 * layer table below as the map of the library.
 */
class LayeringTest {
    /** Bottom to top. A package may import its own layer's package only if it is itself. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            // leaves: no ts4kit imports at all
            Map.entry("memory", 0), Map.entry("simd", 0), Map.entry("telemetry", 0), Map.entry("pipeline", 0),
            Map.entry("codec", 1),      // decoders and encoders over ByteBuffers and arrays (pools from memory); LZ4, Brotli
            Map.entry("io", 2),         // byte sources: mapped files, buffers; corrupt-input errors; SHA-256
            Map.entry("cache", 2),      // Bloom filters, the resource cache (values stored through codec's adaptive compression)
            Map.entry("io.zip", 3),     // mod archives over a byte source (inflate from codec)
            Map.entry("dbpf", 4),       // the package container: header, columnar index, reads, writer
            Map.entry("resource", 5),   // what is inside resources: string tables, name maps, tuning, images
            Map.entry("scan", 6),       // one pass per package into a sink; collections; conflicts
            Map.entry("search", 7),     // inverted index over resources, fed by scans; the query language
            Map.entry("catalog", 8),    // the saved index of a collection: incremental rescans, per-package Bloom filters
            Map.entry("triage", 9),     // what conflicts mean: kind and severity per key, package pairs
            Map.entry("doctor", 10),    // a Mods folder's problems, one finding each, with the fix
            Map.entry("report", 11));   // report.html: findings, pairs, collection and run, self-contained

    /**
     * The only libraries core uses, and where: bitmap postings in the search index (and the saved index that
     * stores them), LZ4 and Brotli in codec. Anything else is the JDK's.
     */
    private static final Map<String, List<String>> LIBRARIES = Map.of(
            "org.roaringbitmap.", List.of("search", "catalog"),
            "net.jpountz.", List.of("codec"),
            "com.aayushatharva.brotli4j.", List.of("codec"));

    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+);", Pattern.MULTILINE);
    private static Path root;

    @BeforeAll
    static void findSources() {
        // Surefire runs in core/tests; the library's sources are one level up
        root = Path.of("..", "src", "main", "java", "org", "ts4kit").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(root), "core sources not found at " + root);
    }

    @Test
    void everyPackageOfCoreHasALayer() throws IOException {
        List<String> packages;
        try (Stream<Path> dirs = Files.walk(root)) {
            packages = dirs.filter(d -> hasJava(d)).map(LayeringTest::packageOf).sorted().collect(Collectors.toList());
        }
        List<String> unplaced = packages.stream().filter(p -> !LAYER.containsKey(p)).collect(Collectors.toList());
        assertEquals(List.of(), unplaced, "packages without a layer: add them to LAYER");
    }

    @Test
    void importsPointDownOnly() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            String from = packageOf(file.getParent());
            Matcher m = IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                String imported = m.group(2);
                if (imported.startsWith("org.ts4kit.")) {
                    String to = packageOf(imported.substring("org.ts4kit.".length()));
                    if (!to.equals(from) && LAYER.getOrDefault(to, 99) >= LAYER.getOrDefault(from, -1)) {
                        wrong.add(root.relativize(file) + " imports " + imported + " (" + from + " is layer "
                                + LAYER.get(from) + ", " + to + " is layer " + LAYER.get(to) + ")");
                    }
                } else if (!imported.startsWith("java.") && !imported.startsWith("jdk.") && !allowed(imported, from)) {
                    wrong.add(root.relativize(file) + " imports " + imported
                            + ": core depends on the JDK and, in their packages, on " + LIBRARIES);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void sourceFilesStaySmall() throws IOException {
        List<String> big = new ArrayList<>();
        for (Path file : sources()) {
            long lines = Files.readAllLines(file).size();
            if (lines > 320) {
                big.add(root.relativize(file) + ": " + lines + " lines");
            }
        }
        assertEquals(List.of(), big, "split these by concern (STYLE.md: classes under ~300 lines)");
    }

    private static boolean allowed(String imported, String from) {
        return LIBRARIES.entrySet().stream().anyMatch(e -> imported.startsWith(e.getKey()) && e.getValue().contains(from));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code io.zip} for a directory under the root or for {@code io.zip.ZipArchive}. */
    private static String packageOf(Path dir) {
        return root.relativize(dir).toString().replace(java.io.File.separatorChar, '.');
    }

    private static String packageOf(String qualified) {
        StringBuilder pkg = new StringBuilder();
        for (String part : qualified.split("\\.")) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                break;
            }
            pkg.append(pkg.length() == 0 ? "" : ".").append(part);
        }
        return pkg.toString();
    }
}
