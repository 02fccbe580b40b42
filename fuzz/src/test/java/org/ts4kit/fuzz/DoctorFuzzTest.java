package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ts4kit.doctor.Check;
import org.ts4kit.doctor.Doctor;
import org.ts4kit.doctor.Finding;
import org.ts4kit.doctor.GameRules;
import org.ts4kit.doctor.ModsFile;
import org.ts4kit.scan.Problem;
import org.ts4kit.triage.ModNames;
import org.ts4kit.triage.PackagePair;
import org.ts4kit.triage.Severity;

/**
 * The doctor on any facts: file names from the fuzzer (odd separators, {@code __MACOSX}, {@code ._}, no extension,
 * deep paths), any header version and reader problem, any pairs. It must not throw; each finding names only files
 * it was given; no file is in two findings of one check, and no pair in two conflict findings (one finding per
 * problem); a spare copy of a file is never in a conflict finding (its kept copy is); findings come in
 * {@link Finding#ORDER}. Name rules hold for any name: a stem is its own stem.
 */
class DoctorFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void examine(FuzzedDataProvider data) {
        int n = data.consumeInt(0, 40);
        List<ModsFile> files = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String relative = data.consumeString(60);
            if (relative.isEmpty() || !known.add(relative)) {
                continue;
            }
            checkName(relative);
            ModsFile f = ModsFile.unread(relative, relative, data.consumeLong(0, 1L << 40), data.consumeLong(-1, 1L << 42));
            if (data.consumeBoolean()) {
                String version = data.consumeBoolean() ? data.consumeString(6) : null;
                f = f.read(version, data.consumeBoolean(), data.consumeLong(0, 1 << 20), data.consumeString(50), data.consumeInt(0, 5));
            }
            if (data.consumeBoolean()) {
                f = f.hashed(data.consumeBoolean() ? "AA" : "bb");
            }
            files.add(f);
        }
        List<PackagePair> pairs = new ArrayList<>();
        Set<String> paired = new HashSet<>(); // PackagePairs makes one pair per two packages
        List<String> names = new ArrayList<>(known);
        names.sort(null);
        for (int i = data.consumeInt(0, 20); i > 0 && names.size() > 1; i--) {
            int a = data.consumeInt(0, names.size() - 2);
            int b = data.consumeInt(a + 1, names.size() - 1);
            long high = data.consumeLong(0, 5);
            if (!paired.add(names.get(a) + "\u0000" + names.get(b))) {
                continue;
            }
            pairs.add(new PackagePair(names.get(a), names.get(b), high + 1, high, high > 0 ? Severity.HIGH : Severity.NONE,
                    high, 0, 0, data.consumeBoolean(), data.consumeBoolean()));
        }
        List<Problem> unreadable = new ArrayList<>();
        if (data.consumeBoolean()) {
            unreadable.add(new Problem("locked", 0, "cannot read: AccessDeniedException"));
            known.add("locked");
        }
        List<Finding> findings = Doctor.examine(files, pairs, unreadable);
        Map<String, Set<String>> seen = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (i > 0 && Finding.ORDER.compare(findings.get(i - 1), f) > 0) {
                throw new AssertionError("out of order: " + findings.get(i - 1) + " before " + f);
            }
            for (String p : f.paths()) {
                if (!known.contains(p)) {
                    throw new AssertionError("a finding names a file it was not given: " + p + " in " + f);
                }
                // a package may conflict with several others, each pair a problem of its own (checked below); any other check names a file once
                if (f.check() != Check.CONFLICT && !seen.computeIfAbsent(f.check().label(), k -> new HashSet<>()).add(p)) {
                    throw new AssertionError(p + " is in two " + f.check().label() + " findings: " + findings);
                }
            }
            if (f.check() == Check.CONFLICT) {
                Set<String> spares = spareCopies(findings);
                for (String q : f.paths()) {
                    if (spares.contains(q)) {
                        throw new AssertionError("a spare copy in a conflict finding: " + f);
                    }
                }
            }
            if (f.check() == Check.CONFLICT && !seen.computeIfAbsent("conflict pairs", k -> new HashSet<>()).add(String.join("\u0000", f.paths()))) {
                throw new AssertionError("one pair in two conflict findings: " + f);
            }
            if (f.reason().isBlank() || f.fix().isBlank()) {
                throw new AssertionError("a finding without words: " + f);
            }
        }
    }

    private static Set<String> spareCopies(List<Finding> findings) {
        Set<String> spares = new HashSet<>();
        for (Finding f : findings) {
            if (f.check() == Check.DUPLICATE_FILES) {
                f.paths().stream().filter(p -> !p.equals(f.path())).forEach(spares::add);
            }
        }
        return spares;
    }

    private static void checkName(String name) {
        String stem = ModNames.stem(name);
        if (!stem.isEmpty() && !ModNames.stem(stem + ".package").equals(stem)) {
            throw new AssertionError("the stem of '" + name + "' is '" + stem + "', whose stem is '" + ModNames.stem(stem + ".package") + "'");
        }
        ModNames.sameCreator(name, name + "x");
        GameRules.kindOf(name);
        GameRules.otherGame(ModsFile.unread(name, name, 0, -1).read(null, true, 4, name, 0));
    }
}
