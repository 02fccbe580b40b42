package org.ts4kit.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** {@code summary.json}: what was listed and found, how long it took, how fast. */
public final class JobSummary {
    public final long filesListed;
    public final long otherFilesIgnored;
    public final long packagesOk;
    public final long packagesBroken;
    public final long resources;
    public final long conflicts;
    public final long bytesRead;
    public final double wallSeconds;

    JobSummary(long filesListed, long ignored, Map<String, Long> counts, long bytesRead, double wallSeconds) {
        this.filesListed = filesListed;
        this.otherFilesIgnored = ignored;
        this.packagesOk = counts.get("packages_ok");
        this.packagesBroken = counts.get("packages_broken");
        this.resources = counts.get("resources");
        this.conflicts = counts.get("conflicts");
        this.bytesRead = bytesRead;
        this.wallSeconds = wallSeconds;
    }

    public double megabytesPerSecond() {
        return wallSeconds <= 0 ? 0 : bytesRead / 1e6 / wallSeconds;
    }

    public String toJson() {
        return String.format(Locale.ROOT, "{\"files_listed\":%d,\"other_files_ignored\":%d,\"packages_ok\":%d,\"packages_broken\":%d,"
                        + "\"resources\":%d,\"conflicts\":%d,\"bytes_read\":%d,\"wall_seconds\":%.3f,\"mb_per_second\":%.1f}",
                filesListed, otherFilesIgnored, packagesOk, packagesBroken, resources, conflicts, bytesRead, wallSeconds,
                megabytesPerSecond());
    }

    void write(String outDir, Configuration conf) throws IOException {
        Path p = new Path(outDir, "summary.json");
        try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
            out.write((toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
