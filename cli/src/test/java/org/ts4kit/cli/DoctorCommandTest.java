package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.doctor.Finding;
import org.ts4kit.doctor.ModsFolder;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.telemetry.ProgressListener;
import org.ts4kit.testkit.ProblemModsFolder;

/** {@code doctor} and {@code conflicts --by-pair} on a Mods folder with planted problems. */
class DoctorCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsEachPlantedProblemOnceWithItsFixAndExitsOne() throws Exception {
        Path mods = dir.resolve("Mods");
        List<ProblemModsFolder.Planted> planted = ProblemModsFolder.write(mods);
        Cli json = Cli.run("doctor", mods.toString(), "--json");
        assertEquals(1, json.exit, json.err);
        List<Finding> core = ModsFolder.examine(List.of(mods), 1, ScanSink.NONE, ProgressListener.NONE).findings();
        String[] lines = json.lines();
        assertEquals(core.size(), lines.length, json.out);
        for (int i = 0; i < lines.length; i++) {
            Finding f = core.get(i);
            assertEquals(new Json().field("severity", f.severity().label()).field("check", f.check().label()).field("path", f.path())
                    .field("paths", f.paths()).field("reason", f.reason()).field("fix", f.fix()).toString(), lines[i]);
        }
        for (ProblemModsFolder.Planted p : planted) {
            long found = core.stream().filter(f -> f.check().label().equals(p.check()) && f.paths().contains(p.path())).count();
            assertEquals(1, found, p.toString());
        }
        assertTrue(json.err.contains("22 files examined (13 packages read, 2 broken): 13 findings (5 high, 5 medium, 3 low)"), json.err);

        Cli text = Cli.run("doctor", mods.toString(), "--min-severity", "high");
        assertTrue(text.out.startsWith("high    other-game  Sims2_Sofa.package\n        a package of The Sims 2"), text.out);
        assertTrue(text.out.contains("        fix: keep the newest, BetterBuild_v1.3.package (modified last), and delete the other\n"
                + "        also: BetterBuild_v1.3.package\n"), text.out);
        assertTrue(!text.out.contains("medium") && !text.out.contains("\nlow"), text.out);
    }

    @Test
    void aCleanFolderHasNothingToFixAndExitsZero() throws Exception {
        Path mods = dir.resolve("Clean");
        Files.createDirectories(mods.resolve("Scripts"));
        Files.writeString(mods.resolve("Scripts/a.ts4script"), "PK");
        Files.writeString(mods.resolve("Resource.cfg"), "Priority 500");
        Cli run = Cli.run("doctor", mods.toString());
        assertEquals(0, run.exit, run.err);
        assertEquals("", run.out);
        assertTrue(run.err.contains("2 files examined (0 packages read, 0 broken): nothing to fix"), run.err);
    }

    @Test
    void aBadSeverityIsAUsageError() {
        Cli run = Cli.run("doctor", dir.toString(), "--min-severity", "urgent");
        assertEquals(2, run.exit);
        assertTrue(run.err.contains("no severity 'urgent': use none, low, medium or high"), run.err);
    }

    /**
     * Pairs, recounted from the per-key lines with kind and severity: in this folder every conflicting key is in
     * exactly two packages, so a key's kind is its pair's and the two outputs must agree (with three holders a pair
     * of identical copies does not differ though the key is an override: PackagePairsTest covers that).
     */
    @Test
    void pairsAgreeWithTheTriagedKeyLines() throws Exception {
        Path mods = dir.resolve("Mods");
        ProblemModsFolder.write(mods);
        Cli keys = Cli.run("conflicts", mods.toString(), "--json", "--min-severity", "none", "--no-index");
        Map<String, long[]> expected = new TreeMap<>(); // "a  b" -> shared, high, medium, low
        for (String line : keys.lines()) {
            List<String> packages = strings(line, "packages");
            String severity = line.replaceAll(".*\"severity\":\"(\\w+)\".*", "$1");
            for (int i = 0; i < packages.size(); i++) {
                for (int j = i + 1; j < packages.size(); j++) {
                    long[] t = expected.computeIfAbsent(packages.get(i) + "  " + packages.get(j), k -> new long[4]);
                    t[0]++;
                    t[1] += severity.equals("high") ? 1 : 0;
                    t[2] += severity.equals("medium") ? 1 : 0;
                    t[3] += severity.equals("low") ? 1 : 0;
                }
            }
        }
        Cli pairs = Cli.run("conflicts", mods.toString(), "--by-pair", "--json", "--no-index");
        Map<String, long[]> actual = new HashMap<>();
        for (String line : pairs.lines()) {
            String a = line.replaceAll(".*\"package_a\":\"([^\"]+)\".*", "$1");
            String b = line.replaceAll(".*\"package_b\":\"([^\"]+)\".*", "$1");
            actual.put(a + "  " + b, new long[] {number(line, "shared_keys"), number(line, "high_keys"), number(line, "medium_keys"),
                number(line, "low_keys")});
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((pair, t) -> assertEquals(List.of(t[0], t[1], t[2], t[3]),
                List.of(actual.get(pair)[0], actual.get(pair)[1], actual.get(pair)[2], actual.get(pair)[3]), pair));
        assertTrue(pairs.lines()[0].contains("\"severity\":\"high\""), pairs.out);
        assertTrue(pairs.err.contains("9 conflicts in 3 package pairs"), pairs.err);

        Cli high = Cli.run("conflicts", mods.toString(), "--by-pair", "--min-severity", "high", "--no-index");
        assertEquals(2, high.lines().length, high.out);
        assertTrue(high.lines()[0].startsWith("high    Gameplay/ModA_Careers.package  Overhauls/Zed_CareerOverhaul.package  "
                + "3 shared keys, 3 differ (2 high, 1 low)"), high.out);
    }

    private static long number(String json, String field) {
        return Long.parseLong(json.replaceAll(".*\"" + field + "\":(\\d+).*", "$1"));
    }

    private static List<String> strings(String json, String field) {
        String inside = json.replaceAll(".*\"" + field + "\":\\[([^\\]]*)\\].*", "$1");
        List<String> out = new ArrayList<>();
        for (String s : inside.split(",")) {
            out.add(s.substring(1, s.length() - 1));
        }
        return out;
    }
}
