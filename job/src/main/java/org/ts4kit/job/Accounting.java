package org.ts4kit.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exactly-once accounting: every listed file was processed exactly once and produced the package
 * rows it should have (one for a package file; one per {@code .package} member for a zip, or one
 * broken row for an unreadable zip). Any difference fails the job loudly.
 */
final class Accounting {
    /** What one processed file reports. */
    static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        String source;
        int expected;
        int actual;
        int broken;
        long resources;
        long bytes;

        static Entry of(FileResult r) {
            Entry e = new Entry();
            e.source = r.source;
            e.expected = r.expectedPackages;
            e.actual = r.packages.size();
            for (PackageRow p : r.packages) {
                e.broken += p.broken ? 1 : 0;
            }
            e.resources = r.resources.size();
            e.bytes = r.sourceBytes;
            return e;
        }
    }

    private final long bytesRead;
    private final long packages;
    private final long broken;
    private final long resources;

    private Accounting(long bytesRead, long packages, long broken, long resources) {
        this.bytesRead = bytesRead;
        this.packages = packages;
        this.broken = broken;
        this.resources = resources;
    }

    long bytesRead() {
        return bytesRead;
    }

    long packagesOk() {
        return packages - broken;
    }

    long packagesBroken() {
        return broken;
    }

    long resources() {
        return resources;
    }

    static Accounting check(List<InputFile> listed, List<Entry> processed) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        long bytes = 0;
        long packages = 0;
        long broken = 0;
        long resources = 0;
        for (Entry e : processed) {
            packages += e.actual;
            broken += e.broken;
            resources += e.resources;
            if (seen.merge(e.source, 1, Integer::sum) > 1) {
                wrong.add(e.source + " was processed more than once");
            }
            if (e.actual != e.expected) {
                wrong.add(e.source + " produced " + e.actual + " package rows, expected " + e.expected);
            }
            bytes += e.bytes;
        }
        for (InputFile f : listed) {
            if (!seen.containsKey(f.name)) {
                wrong.add(f.name + " was listed but never processed");
            }
        }
        if (seen.size() != listed.size()) {
            wrong.add(listed.size() + " files listed, " + seen.size() + " processed");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("accounting failed: " + wrong.size() + " problems, first: "
                    + String.join("; ", wrong.subList(0, Math.min(5, wrong.size()))));
        }
        return new Accounting(bytes, packages, broken, resources);
    }
}
