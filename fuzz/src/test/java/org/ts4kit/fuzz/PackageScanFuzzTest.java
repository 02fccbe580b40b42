package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.io.ByteSources;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.StringTable;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.Problem;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.scan.ScanSink;
import org.ts4kit.scan.ScannedPackage;

/**
 * Any bytes through {@link PackageScanner} with {@link ScanOptions#ALL}. The scanner never throws for
 * bad input, so here nothing may escape at all; and what it reports must match reading the package
 * directly ({@link PackageHarness}): a package that does not open is broken, every entry that reads
 * directly is decoded with the same SHA-256, a package whose every entry reads is not broken, and
 * no problem comes from anything but the library's corrupt-input exception (the scanner turns other
 * exceptions into "cannot read" problems, which would hide a reader bug).
 */
class PackageScanFuzzTest {
    private static final String NAME = "scan.package";
    private static final PackageScanner SCANNER = new PackageScanner(ScanOptions.ALL, Caps.READ);

    @FuzzTest(maxDuration = "2m")
    void scanEverything(byte[] data) {
        PackageInput input = new PackageInput(NAME, NAME, data.length,
                options -> DbpfPackage.open(ByteSources.wrap(NAME, ByteBuffer.wrap(data)), options));
        Recorder sink = new Recorder();
        ScannedPackage scanned = SCANNER.scan(input, new ResourceBuffer(), sink);
        PackageHarness.Outcome direct = PackageHarness.read(NAME, data, ByteSources.wrap(NAME, ByteBuffer.wrap(data)));

        check(sink.packages == 1 && sink.last == scanned, "onPackage once, with the result");
        check(sink.problems.equals(scanned.problems()) && sink.warnings.equals(scanned.warnings()), "the sink saw every problem");
        for (Problem p : concat(scanned.problems(), scanned.warnings())) {
            check(!p.reason().startsWith("cannot read: "), "a problem from a reader bug: " + p);
            check(p.location().startsWith(NAME) && p.offset() >= 0 && p.offset() <= data.length && !p.reason().isBlank(),
                    "a problem must name the file, an offset inside it and a reason: " + p);
        }
        if (direct.openError() != null) {
            check(scanned.index() == null && scanned.isBroken() && scanned.problems().size() == 1 && scanned.length() == -1,
                    "a package that does not open is broken once: " + direct.openError() + " / " + scanned.problems());
            check(sink.resources.isEmpty(), "entries of a package that did not open");
            return;
        }
        check(scanned.index() != null, "the scan did not open what opens directly: " + scanned.problems());
        int n = scanned.entryCount();
        check(n == direct.entries().size(), "entry count " + n + " vs " + direct.entries().size());
        check(sink.resources.equals(indices(n)), "every index entry reaches onResource once, in order: " + sink.resources);
        boolean allRead = true;
        for (int i = 0; i < n; i++) {
            if (direct.decoded(i)) {
                check(scanned.decoded(i) && direct.sha256(i).equals(scanned.hashHex(i)),
                        "entry " + i + " reads directly (" + direct.entries().get(i) + ") but the scan has " + scanned.hashHex(i)
                        + ", problems " + scanned.problems());
            } else if (!"deleted".equals(direct.entries().get(i))) {
                allRead = false;
            }
        }
        check(!allRead || !scanned.isBroken(), "every entry reads directly, yet the scan is broken: " + scanned.problems());
        check(sink.stringTables <= scanned.index().entriesOfType(StringTable.TYPE).length, "more string tables than entries of the type");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
        List<Problem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Integer> indices(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** What the scanner told its sink, and a check of the bytes it passed. */
    private static final class Recorder implements ScanSink {
        final List<Integer> resources = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final List<Problem> warnings = new ArrayList<>();
        int stringTables;
        int packages;
        ScannedPackage last;

        @Override
        public void onResource(ScannedPackage pkg, int entry, ByteBuffer bytes) {
            resources.add(entry);
            if (bytes != null && bytes.remaining() != pkg.index().memSize(entry)) {
                throw new AssertionError("entry " + entry + ": " + bytes.remaining() + " bytes, declared " + pkg.index().memSize(entry));
            }
        }

        @Override
        public void onStringTable(ScannedPackage pkg, int entry, StringTable table) {
            stringTables++;
        }

        @Override
        public void onProblem(ScannedPackage pkg, Problem problem, boolean breaksPackage) {
            (breaksPackage ? problems : warnings).add(problem);
        }

        @Override
        public void onPackage(ScannedPackage pkg) {
            packages++;
            last = pkg;
        }
    }
}
