package org.ts4kit.job.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;
import org.ts4kit.job.FileLister;
import org.ts4kit.job.HadoopFileAccess;
import org.ts4kit.job.InputFile;
import org.ts4kit.job.Planner;
import org.ts4kit.job.source.metric.SourceMetrics;

/**
 * The planned read: lists the inputs on the driver (folders recursively, globs, files, zips, any
 * Hadoop file system), drops files the pushed paths rule out, and bin-packs whole files into
 * partitions with the job's planner. The rest happens in the readers.
 */
final class DbpfScan implements Scan, Batch {
    private final SourceTable table;
    private final StructType required;
    private final KeyFilter filter;
    private final SourceOptions options;
    private final Configuration hadoop;

    DbpfScan(SourceTable table, StructType required, KeyFilter filter, SourceOptions options, Configuration hadoop) {
        this.table = table;
        this.required = required;
        this.filter = filter;
        this.options = options;
        this.hadoop = hadoop;
    }

    @Override
    public StructType readSchema() {
        return required;
    }

    @Override
    public String description() {
        return "dbpf " + table.tableName() + " " + options.paths() + " [" + filter + "]";
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        FileLister.ListedFiles listed;
        try {
            listed = FileLister.list(options.paths(), hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("dbpf: cannot list " + options.paths() + ": " + e.getMessage(), e);
        }
        if (!listed.missing.isEmpty()) {
            throw new IllegalArgumentException("dbpf: no such input: " + String.join(", ", listed.missing));
        }
        List<InputFile> files = new ArrayList<>();
        for (InputFile f : listed.files) {
            if (filter.admitsFile(f.name, f.zip)) {
                files.add(f);
            }
        }
        List<List<InputFile>> plan = Planner.plan(files, options.partitionBytes(), options.minPartitions(), options.openCostBytes());
        InputPartition[] out = new InputPartition[plan.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new PackageFilesPartition(i, plan.get(i));
        }
        return out;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new DbpfReaderFactory(table, required, filter, new HadoopFileAccess(hadoop));
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return SourceMetrics.supported();
    }
}
