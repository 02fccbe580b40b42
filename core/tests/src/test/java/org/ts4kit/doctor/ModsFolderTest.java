package org.ts4kit.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.telemetry.ProgressListener;
import org.ts4kit.testkit.ProblemModsFolder;
import org.ts4kit.triage.Severity;

/** The doctor on a Mods folder with planted problems: each found once, with its check and file; nothing else high. */
class ModsFolderTest {
    @TempDir
    Path dir;

    private static String describe(Finding f) {
        return f.severity().label() + " " + f.check().label() + " " + f.paths() + ": " + f.reason() + " -> " + f.fix();
    }

    @Test
    void findsEveryPlantedProblemOnceAndNothingElseAtHighSeverity() throws Exception {
        Path mods = dir.resolve("Mods");
        List<ProblemModsFolder.Planted> planted = ProblemModsFolder.write(mods);
        ModsFolder examined = ModsFolder.examine(List.of(mods), 2, pkg -> { }, ProgressListener.NONE);
        List<Finding> findings = examined.findings();
        String all = findings.stream().map(ModsFolderTest::describe).collect(Collectors.joining("\n"));

        List<Finding> unexplained = new ArrayList<>(findings);
        for (ProblemModsFolder.Planted p : planted) {
            List<Finding> matching = findings.stream()
                    .filter(f -> f.check().label().equals(p.check()) && f.paths().contains(p.path()))
                    .collect(Collectors.toList());
            assertEquals(1, matching.size(), "planted " + p + " must be found exactly once in:\n" + all);
            assertEquals(p.severity(), matching.get(0).severity().label(), "severity of " + p + " in:\n" + all);
            unexplained.removeAll(matching);
        }
        assertEquals(List.of(), unexplained.stream().filter(f -> f.severity() == Severity.HIGH).map(ModsFolderTest::describe)
                .collect(Collectors.toList()), "nothing else at high severity");
        assertEquals(List.of(), unexplained.stream().map(ModsFolderTest::describe).collect(Collectors.toList()),
                "nothing unplanted at all in this folder");
        assertTrue(findings.stream().allMatch(f -> !f.fix().isBlank() && !f.reason().isBlank()));
    }

    @Test
    void findingsComeHighestSeverityFirst() throws Exception {
        Path mods = dir.resolve("Mods");
        ProblemModsFolder.write(mods);
        List<Finding> findings = ModsFolder.examine(List.of(mods), 1, pkg -> { }, ProgressListener.NONE).findings();
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        assertEquals(sorted, findings);
        assertEquals(Severity.HIGH, findings.get(0).severity());
    }

    @Test
    void aMissingRootIsOneUnreadableFinding() throws Exception {
        List<Finding> findings = ModsFolder.examine(List.of(dir.resolve("nope")), 1, ScanSink.NONE, ProgressListener.NONE).findings();
        assertEquals(1, findings.size());
        assertEquals(Check.UNREADABLE, findings.get(0).check());
    }
}
