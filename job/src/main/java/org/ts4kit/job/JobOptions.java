package org.ts4kit.job;

import java.util.List;

/** What one run is asked to do; filled from the command line. */
public final class JobOptions {
    public String master;
    public String format = "parquet";
    public String out;
    public List<String> inputs;
    public long partitionBytes = 256L << 20;
    public int minPartitionsPerCore = 2;
    public long openCostBytes = 128L << 10;
    /** Resource types to read (the resources, conflicts and duplicates tables hold only these), or null for all. */
    public int[] types;
}
