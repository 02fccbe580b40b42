package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.json's exact text: its keys, their order and the decimals, which scripts and tests read. */
class JobSummaryTest {
    static JobSummary summary(long bytes, double seconds) {
        return new JobSummary(120, 7, Map.of("packages_ok", 100L, "packages_broken", 13L, "resources", 45_678L,
                "conflicts", 9L, "widely_shared_keys", 2L), bytes, 0.25, seconds);
    }

    @Test
    void isOneLineWithFixedDecimals() {
        assertEquals("{\"files_listed\":120,\"other_files_ignored\":7,\"packages_ok\":100,\"packages_broken\":13,"
                + "\"resources\":45678,\"conflicts\":9,\"widely_shared_keys\":2,\"bytes_read\":123456789,\"gc_seconds\":0.250,"
                + "\"wall_seconds\":2.500,\"mb_per_second\":49.4}",
                summary(123_456_789, 2.5).toJson());
    }

    /** The text summary.json had when it was written with String.format: the same for any figures. */
    @Test
    void decimalsAreWhatStringFormatWrote() {
        for (double seconds : new double[] {0, 0.0004999, 0.0005, 1.0005, 2.5, 12345.6789, 3 * 0.1}) {
            for (long bytes : new long[] {0, 150_000, 123_456_789, 1L << 40}) {
                JobSummary s = summary(bytes, seconds);
                String want = String.format(Locale.ROOT, "\"wall_seconds\":%.3f,\"mb_per_second\":%.1f}", seconds,
                        s.megabytesPerSecond());
                assertEquals(want, tail(s), bytes + " bytes in " + seconds + " s");
            }
        }
    }

    private static String tail(JobSummary s) {
        String json = s.toJson();
        return json.substring(json.indexOf("\"wall_seconds\""));
    }
}
