package org.ts4kit.doctor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ts4kit.scan.Problem;
import org.ts4kit.triage.PackagePair;

/**
 * Examines a Mods folder from what is known of its files: where they are, how they read, which pairs of
 * packages share keys. Pure: no file is opened here, so the CLI ({@link ModsFolder} walks and reads) and
 * the Spark job (from its tables) get the same findings from the same facts.
 *
 * <pre>{@code
 * ModsFolder mods = ModsFolder.examine(List.of(Path.of("Mods")), threads);
 * for (Finding f : mods.findings()) System.out.println(f.severity().label() + " " + f.check().label() + " " + f.path());
 * }</pre>
 */
public final class Doctor {
    private Doctor() {
    }

    /**
     * The findings, ordered by {@link Finding#ORDER}.
     *
     * @param files      every file of the Mods folders, read or not
     * @param pairs      the package pairs that share keys ({@code PackagePairs})
     * @param unreadable what could not be looked at (a folder that cannot be listed, a FIFO)
     */
    public static List<Finding> examine(List<ModsFile> files, List<PackagePair> pairs, List<Problem> unreadable) {
        List<Finding> out = new ArrayList<>();
        PlacementChecks.tooDeep(files, out);
        PlacementChecks.archives(files, out);
        PlacementChecks.junk(files, out);
        ContentChecks.packages(files, out);
        int before = out.size();
        ContentChecks.duplicates(files, out);
        Map<String, String> copies = new HashMap<>(); // each copy to the one kept: which files are one file
        for (Finding f : out.subList(before, out.size())) {
            f.paths().forEach(p -> copies.put(p, f.path()));
        }
        ContentChecks.unreadable(unreadable, out);
        Map<String, ModsFile> byPath = new HashMap<>();
        for (ModsFile f : files) {
            byPath.put(f.path(), f);
        }
        PairChecks.check(pairs, byPath, copies, out);
        out.sort(Finding.ORDER);
        return out;
    }
}
