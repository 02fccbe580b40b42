package org.ts4kit.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's public API is what the README's "Public API" table lists, no more and no less: a type made
 * public without a line in the table (or a line left behind after it went away) fails here.
 */
class PublicApiTest {
    private static final Path ROOT = Path.of("..", "src", "main", "java", "org", "ts4kit").toAbsolutePath().normalize();
    private static final Path README = Path.of("..", "..", "README.md").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("`(\\w+)`");
    private static final Pattern PUBLIC_TOP = Pattern.compile("^public (final |abstract |sealed |non-sealed )?(class|interface|enum|record) (\\w+)",
            Pattern.MULTILINE);

    @Test
    void everyPublicTypeOfCoreIsInTheReadmeTableAndNothingElse() throws IOException {
        assertEquals(documented(), publicTypes(), "README.md \"Public API\" table vs public top-level types in core");
    }

    private static Map<String, TreeSet<String>> documented() throws IOException {
        assertTrue(Files.isRegularFile(README), "no README at " + README);
        String text = Files.readString(README);
        int start = text.indexOf("#### Public API");
        assertTrue(start >= 0, "README has no \"#### Public API\" section");
        Map<String, TreeSet<String>> out = new TreeMap<>();
        Matcher row = ROW.matcher(text.substring(start, text.indexOf("\n\n", text.indexOf("| package |", start))));
        while (row.find()) {
            TreeSet<String> types = new TreeSet<>();
            Matcher t = TYPE.matcher(row.group(2));
            while (t.find()) {
                types.add(t.group(1));
            }
            out.put(row.group(1), types);
        }
        return out;
    }

    private static Map<String, TreeSet<String>> publicTypes() throws IOException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = PUBLIC_TOP.matcher(Files.readString(f));
                if (m.find()) {
                    String pkg = ROOT.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.');
                    out.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(3));
                }
            }
        }
        return out;
    }
}
