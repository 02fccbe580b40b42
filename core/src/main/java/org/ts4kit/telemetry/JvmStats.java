package org.ts4kit.telemetry;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process as the JVM and the kernel see it at one moment: garbage collections (count and
 * time over all collectors), heap used, committed and max, and the resident set (current and
 * peak) from {@code /proc/self/status} where there is one. A figure the platform does not give is -1.
 */
public record JvmStats(long gcCount, long gcMillis, long heapUsed, long heapCommitted, long heapMax, long rssBytes,
        long peakRssBytes) {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** Reads the figures now. */
    public static JvmStats now() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rss = -1;
        long peak = -1;
        String status = readStatus();
        if (status != null) {
            rss = kilobytes(status, "VmRSS:");
            peak = kilobytes(status, "VmHWM:");
        }
        return new JvmStats(count, millis, heap.getUsed(), heap.getCommitted(), heap.getMax(), rss, peak);
    }

    private static String readStatus() {
        if (!Files.isReadable(STATUS)) {
            return null;
        }
        try {
            return Files.readString(STATUS, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The bytes of a {@code Field:   1234 kB} line of {@code /proc/self/status}, or -1. */
    static long kilobytes(String status, String field) {
        int at = status.indexOf(field);
        if (at < 0) {
            return -1;
        }
        int i = at + field.length();
        while (i < status.length() && (status.charAt(i) == ' ' || status.charAt(i) == '\t')) {
            i++;
        }
        long kb = 0;
        int digits = 0;
        while (i < status.length() && Character.isDigit(status.charAt(i))) {
            kb = kb * 10 + (status.charAt(i++) - '0');
            digits++;
        }
        return digits == 0 ? -1 : kb * 1024;
    }
}
