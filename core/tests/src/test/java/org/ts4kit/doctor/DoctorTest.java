package org.ts4kit.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ts4kit.scan.Problem;
import org.ts4kit.triage.PackagePair;
import org.ts4kit.triage.Severity;

/** The doctor's rules on hand-made facts: one finding per problem, grouped as a curator would count them. */
class DoctorTest {
    private static ModsFile ok(String relative, int resources) {
        return ModsFile.unread(relative, relative, 1000, -1).read("2.1", false, 0, null, resources);
    }

    private static ModsFile file(String relative) {
        return ModsFile.unread(relative, relative, 10, -1);
    }

    private static List<String> checks(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().label() + " " + f.check().label() + " " + f.paths()).collect(Collectors.toList());
    }

    @Test
    void aModUnpackedTooDeepIsOneFindingThatSaysHowFarToMoveIt() {
        List<Finding> findings = Doctor.examine(List.of(
                ok("a/b/c/d/e/f/Mod/x.package", 1), ok("a/b/c/d/e/f/y.package", 1), ok("a/b/c/d/e/z.package", 1),
                file("S/T/script.ts4script"), file("S/fine.ts4script")), List.of(), List.of());
        assertEquals(List.of("medium too-deep [S/T/script.ts4script]",
                "medium too-deep [a/b/c/d/e/f/Mod/x.package, a/b/c/d/e/f/y.package]"), checks(findings));
        assertEquals("move the folder a/b/c/d/e/f up two folders (or its files nearer the top of Mods)", findings.get(1).fix());
    }

    @Test
    void junkIsGroupedByMacFolderByForkFolderAndCachesAsOne() {
        List<Finding> findings = Doctor.examine(List.of(file("__MACOSX/._a.package"), file("__MACOSX/x/._b.package"),
                file("x/__MACOSX/._c"), file("y/._d.package"), file("y/._e.package"), file("z/._f.package"),
                file(".DS_Store"), file("y/Thumbs.db"), file("y/readme.txt")), List.of(), List.of());
        assertEquals(List.of("medium junk [__MACOSX/._a.package, __MACOSX/x/._b.package]", "medium junk [x/__MACOSX/._c]",
                "medium junk [y/._d.package, y/._e.package]", "medium junk [z/._f.package]", "low junk [.DS_Store, y/Thumbs.db]"),
                checks(findings));
    }

    @Test
    void identicalScriptsMatterMoreThanIdenticalPackagesAndTheShallowestCopyIsKept() {
        List<Finding> findings = Doctor.examine(List.of(
                file("deep/s.ts4script").hashed("AA"), file("s.ts4script").hashed("aa"),
                ok("p/x.package", 2).hashed("bb"), ok("q/x.package", 2).hashed("bb"), ok("r/other.package", 2).hashed("cc")),
                List.of(), List.of());
        assertEquals(List.of("medium duplicate-files [deep/s.ts4script, s.ts4script]", "low duplicate-files [p/x.package, q/x.package]"),
                checks(findings));
        assertEquals("s.ts4script", findings.get(0).path());
        assertEquals("keep s.ts4script and delete the other copy", findings.get(0).fix());
    }

    @Test
    void versionsOfOneModAreOneFindingAndNotAlsoConflicts() {
        ModsFile v1 = ModsFile.unread("Mod_v1.package", "Mod_v1.package", 1, 100).read("2.1", false, 0, null, 4);
        ModsFile v2 = ModsFile.unread("Mod_v2.package", "Mod_v2.package", 1, 300).read("2.1", false, 0, null, 4);
        ModsFile v3 = ModsFile.unread("Old/Mod_v3.package", "Old/Mod_v3.package", 1, 200).read("2.1", false, 0, null, 4);
        List<PackagePair> pairs = List.of(
                new PackagePair("Mod_v1.package", "Mod_v2.package", 4, 2, Severity.HIGH, 2, 0, 0, true, false),
                new PackagePair("Mod_v2.package", "Old/Mod_v3.package", 4, 1, Severity.HIGH, 1, 0, 0, true, false),
                new PackagePair("Mod_v1.package", "Old/Mod_v3.package", 1, 1, Severity.HIGH, 1, 0, 0, false, false));
        List<Finding> findings = Doctor.examine(List.of(v1, v2, v3), pairs, List.of());
        assertEquals(List.of("high several-versions [Mod_v1.package, Mod_v2.package, Old/Mod_v3.package]"), checks(findings));
        assertTrue(findings.get(0).fix().startsWith("keep the newest, Mod_v2.package"), findings.get(0).fix());
    }

    @Test
    void scriptsWithAlikeNamesAreVersionsUnlessTheyAreCopies() {
        List<Finding> findings = Doctor.examine(List.of(
                file("mc_cmd_center_2024_1.ts4script").hashed("01"), file("MCCC/mc_cmd_center_2024_2.ts4script").hashed("02"),
                file("mc_woohoo.ts4script").hashed("03"), file("lib.ts4script").hashed("04"), file("Old/lib.ts4script").hashed("04")),
                List.of(), List.of());
        assertEquals(List.of("high several-versions [MCCC/mc_cmd_center_2024_2.ts4script, mc_cmd_center_2024_1.ts4script]",
                "medium duplicate-files [Old/lib.ts4script, lib.ts4script]"), checks(findings));
    }

    @Test
    void aZeroByteFileIsEmptyNotBrokenAndAnUnfinishedDownloadIsJunk() {
        ModsFile zero = ModsFile.unread("zero.package", "zero.package", 0, -1).read(null, true, 0, "truncated header", 0);
        List<Finding> findings = Doctor.examine(List.of(zero, file("Downloads/Hair.package.crdownload")), List.of(), List.of());
        assertEquals(List.of("medium junk [Downloads/Hair.package.crdownload]", "low empty-package [zero.package]"), checks(findings));
    }

    @Test
    void oneCreatorsOverridesAreMediumOtherCreatorsHighAndLowerSeveritiesAreNoFinding() {
        List<ModsFile> files = List.of(ok("Zed_Base.package", 5), ok("Zed_Patch.package", 5), ok("Amy_Tweak.package", 5),
                ok("Bo_Hair.package", 5), ok("Cy_Hair.package", 5));
        List<PackagePair> pairs = List.of(
                new PackagePair("Zed_Base.package", "Zed_Patch.package", 3, 3, Severity.HIGH, 3, 0, 0, false, true),
                new PackagePair("Amy_Tweak.package", "Zed_Base.package", 2, 2, Severity.HIGH, 2, 0, 0, false, false),
                new PackagePair("Bo_Hair.package", "Cy_Hair.package", 2, 2, Severity.MEDIUM, 0, 2, 0, false, false));
        assertEquals(List.of("high conflict [Amy_Tweak.package, Zed_Base.package]", "medium conflict [Zed_Base.package, Zed_Patch.package]"),
                checks(Doctor.examine(files, pairs, List.of())));
    }

    @Test
    void otherGamesBrokenEmptyAndUnreadableAreOneFindingEach() {
        ModsFile sims3 = ModsFile.unread("s3.package", "s3.package", 1, -1).read("2.0", false, 0, null, 3);
        ModsFile sims2 = ModsFile.unread("s2.package", "s2.package", 1, -1)
                .read(null, true, 4, "unsupported version 1.1, only DBPF 2.x (The Sims 4) is read", 0);
        ModsFile broken = ModsFile.unread("b.package", "b.package", 1, -1).read(null, true, 0, "bad magic", 0);
        ModsFile noGame = ModsFile.unread("v.package", "v.package", 1, -1)
                .read(null, true, 4, "unsupported version 3.7, only DBPF 2.x (The Sims 4) is read", 0);
        List<Finding> findings = Doctor.examine(List.of(sims3, sims2, broken, noGame, ok("e.package", 0)),
                List.of(), List.of(new Problem("Locked", 0, "cannot read: AccessDeniedException")));
        assertEquals(List.of("high other-game [s2.package]", "high other-game [s3.package]", "high broken-package [b.package]",
                "high broken-package [v.package]", "medium unreadable [Locked]", "low empty-package [e.package]"), checks(findings));
        assertTrue(findings.get(1).reason().contains("The Sims 3 (DBPF 2.0)"), findings.get(1).reason());
    }
}
