package org.ts4kit.job;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** {@code summary.json}: what was listed and found, how long it took, how fast. */
public final class JobSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final long filesListed;
    public final long otherFilesIgnored;
    public final long packagesOk;
    public final long packagesBroken;
    public final long resources;
    public final long conflicts;
    /** Conflicting keys held by more than {@code PackagePairs.MAX_HOLDERS} packages: not in {@code conflict_pairs}. */
    public final long widelySharedKeys;
    public final long bytesRead;
    /** The tasks' JVM garbage collection time, summed ({@link GcTime}). */
    public final double gcSeconds;
    public final double wallSeconds;

    JobSummary(long filesListed, long ignored, Map<String, Long> counts, long bytesRead, double gcSeconds, double wallSeconds) {
        this.filesListed = filesListed;
        this.otherFilesIgnored = ignored;
        this.packagesOk = counts.get("packages_ok");
        this.packagesBroken = counts.get("packages_broken");
        this.resources = counts.get("resources");
        this.conflicts = counts.get("conflicts");
        this.widelySharedKeys = counts.get("widely_shared_keys");
        this.bytesRead = bytesRead;
        this.gcSeconds = gcSeconds;
        this.wallSeconds = wallSeconds;
    }

    public double megabytesPerSecond() {
        return wallSeconds <= 0 ? 0 : bytesRead / 1e6 / wallSeconds;
    }

    /** One line of JSON, keys in this order; seconds to 3 decimals and MB/s to 1, rounded half up. */
    public String toJson() {
        ObjectNode json = JSON.createObjectNode()
                .put("files_listed", filesListed)
                .put("other_files_ignored", otherFilesIgnored)
                .put("packages_ok", packagesOk)
                .put("packages_broken", packagesBroken)
                .put("resources", resources)
                .put("conflicts", conflicts)
                .put("widely_shared_keys", widelySharedKeys)
                .put("bytes_read", bytesRead)
                .put("gc_seconds", decimals(gcSeconds, 3))
                .put("wall_seconds", decimals(wallSeconds, 3))
                .put("mb_per_second", decimals(megabytesPerSecond(), 1));
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers always serialise", e);
        }
    }

    /** A fixed number of decimals, written as such ({@code 2.500}, not {@code 2.5}). */
    private static BigDecimal decimals(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP);
    }

    void write(String outDir, Configuration conf) throws IOException {
        Path p = new Path(outDir, "summary.json");
        try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
            out.write((toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
