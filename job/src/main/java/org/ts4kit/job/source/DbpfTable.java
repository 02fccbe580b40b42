package org.ts4kit.job.source;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** One of the source's tables over a set of inputs; a batch read only. */
final class DbpfTable implements SupportsRead {
    private final SourceTable table;
    private final Map<String, String> properties;

    DbpfTable(SourceTable table, Map<String, String> properties) {
        this.table = table;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "dbpf." + table.tableName();
    }

    @Override
    public StructType schema() {
        return table.schema();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        // CREATE TABLE ... USING dbpf hands the scan empty options: the table's properties carry the path then
        Map<String, String> merged = new HashMap<>(properties);
        merged.putAll(options.asCaseSensitiveMap());
        SparkSession spark = SparkSession.active();
        return new DbpfScanBuilder(table, new SourceOptions(merged), spark.sessionState().newHadoopConf());
    }
}
