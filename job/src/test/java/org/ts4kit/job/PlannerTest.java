package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bin-packing whole files into balanced partitions. */
class PlannerTest {
    private static List<InputFile> files(long... sizes) {
        List<InputFile> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            out.add(new InputFile("file:/f" + i, "f" + i, sizes[i], 0, false));
        }
        return out;
    }

    @Test
    void everyFileLandsInExactlyOnePartition() {
        SplittableRandom rnd = new SplittableRandom(1);
        long[] sizes = new long[1000];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = rnd.nextInt(10) == 0 ? rnd.nextLong(500L << 20) : rnd.nextLong(2L << 20);
        }
        List<List<InputFile>> plan = Planner.plan(files(sizes), 256L << 20, 4, 128 << 10);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (List<InputFile> p : plan) {
            for (InputFile f : p) {
                assertTrue(seen.add(f.path), "twice: " + f);
                total++;
            }
        }
        assertEquals(1000, total);
    }

    @Test
    void skewedCollectionsStillBalance() {
        // one 900 MB package among a thousand small ones: it gets a partition of its own
        long[] sizes = new long[1001];
        sizes[0] = 900L << 20;
        for (int i = 1; i < sizes.length; i++) {
            sizes[i] = 1L << 20;
        }
        List<List<InputFile>> plan = Planner.plan(files(sizes), 256L << 20, 4, 0);
        long max = 0;
        long min = Long.MAX_VALUE;
        for (List<InputFile> p : plan) {
            long bytes = p.stream().mapToLong(f -> f.size).sum();
            if (p.stream().noneMatch(f -> f.size == 900L << 20)) {
                max = Math.max(max, bytes);
                min = Math.min(min, bytes);
            } else {
                assertEquals(1, p.size(), "the big file is alone");
            }
        }
        assertTrue(max - min <= 1L << 20, "small-file partitions within one file of each other: " + min + ".." + max);
    }

    @Test
    void atLeastTheMinimumPartitionsWhenThereAreEnoughFiles() {
        assertEquals(8, Planner.plan(files(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), 256L << 20, 8, 0).size());
        assertEquals(3, Planner.plan(files(10, 10, 10), 256L << 20, 8, 0).size(), "never more partitions than files");
        assertTrue(Planner.plan(List.of(), 256L << 20, 8, 0).isEmpty());
    }
}
