package org.ts4kit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.OddFolder;

/** The one rule for what an input file is, and the walker applying it to an odd mods folder. */
class InputKindTest {
    @Test
    void extensionsInAnyCaseAndNothingElse() {
        assertEquals(InputKind.PACKAGE, InputKind.of("a.PaCkAgE"));
        assertEquals(InputKind.PACKAGE, InputKind.of("._a.package"));
        assertEquals(InputKind.ZIP, InputKind.of("Pack.ZIP"));
        for (String other : new String[] {"package", "a.package.bak", "script.ts4script", ".DS_Store", "a.zip.part", "zip", ""}) {
            assertEquals(InputKind.OTHER, InputKind.of(other), other);
        }
        assertEquals(InputKind.PACKAGE, InputKind.ofNamed("mod.bak"), "a file named as an input is read as a package");
        assertEquals(InputKind.ZIP, InputKind.ofNamed("mods.Zip"));
    }

    @Test
    void walkerCountsTheOddFolderByTheRule(@TempDir Path dir) throws Exception {
        OddFolder.Expected expected = OddFolder.write(dir);
        Listing listing = InputWalker.list(List.of(dir));
        assertEquals(List.of(), listing.problems());
        assertEquals(expected.ignored, listing.ignored(), "readmes, scripts, .DS_Store; not the files inside the zip");
        assertEquals(expected.archives, listing.archives());
        List<String> names = listing.packages().stream().map(PackageInput::name).collect(Collectors.toList());
        assertEquals(expected.packages + expected.archivedPackages, names.size(), names.toString());
        assertTrue(names.contains("Archives/Pack.ZIP!/Mods/zipped.package"), names.toString());
        assertTrue(names.contains("Mods/folder.package/inner.package"), names.toString());
    }
}
