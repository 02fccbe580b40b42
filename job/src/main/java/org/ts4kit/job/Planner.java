package org.ts4kit.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Packs whole files into partitions of about equal cost (bytes plus a per-file open cost), so a
 * skewed collection still balances. Like Spark's {@code FilePartition} the target is
 * {@code min(maxBytes, max(openCost, total / minPartitions))}; unlike it, files go largest first
 * into the least-loaded partition (LPT scheduling), which keeps the largest partition within
 * 4/3 of the best possible. A file is never split. Plain Java: testable without Spark.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * @param maxPartitionBytes target bytes per partition (default about 256 MB)
     * @param minPartitions at least this many partitions when there are that many files (2 per core)
     * @param openCost what opening one file costs, in bytes
     */
    public static List<List<InputFile>> plan(List<InputFile> files, long maxPartitionBytes, int minPartitions, long openCost) {
        if (files.isEmpty()) {
            return List.of();
        }
        long total = 0;
        for (InputFile f : files) {
            total += cost(f, openCost);
        }
        long target = Math.max(1, Math.min(maxPartitionBytes, Math.max(openCost, (total + minPartitions - 1) / Math.max(1, minPartitions))));
        int partitions = (int) Math.min(files.size(), Math.max(minPartitions, (total + target - 1) / target));
        InputFile[] sorted = files.toArray(new InputFile[0]);
        Arrays.sort(sorted, Comparator.comparingLong((InputFile f) -> f.size).reversed().thenComparing(f -> f.path));
        List<List<InputFile>> bins = new ArrayList<>(partitions);
        long[] load = new long[partitions];
        PriorityQueue<Integer> lightest = new PriorityQueue<>(partitions,
                Comparator.comparingLong((Integer b) -> load[b]).thenComparingInt(b -> b));
        for (int b = 0; b < partitions; b++) {
            bins.add(new ArrayList<>());
            lightest.add(b);
        }
        for (InputFile f : sorted) {
            int b = lightest.poll();
            bins.get(b).add(f);
            load[b] += cost(f, openCost);
            lightest.add(b);
        }
        return bins;
    }

    private static long cost(InputFile f, long openCost) {
        return f.size + openCost;
    }
}
