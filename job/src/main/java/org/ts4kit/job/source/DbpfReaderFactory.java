package org.ts4kit.job.source;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.ts4kit.job.HadoopFileAccess;

/** Small and serialisable: what a task needs to read its files; everything heavy is opened in the reader. */
final class DbpfReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;
    private final SourceTable table;
    private final StructType required;
    private final KeyFilter filter;
    private final HadoopFileAccess access;

    DbpfReaderFactory(SourceTable table, StructType required, KeyFilter filter, HadoopFileAccess access) {
        this.table = table;
        this.required = required;
        this.filter = filter;
        this.access = access;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        PackageFilesPartition p = (PackageFilesPartition) partition;
        return new DbpfPartitionReader(p.index, p.files, table, required, filter, access);
    }
}
