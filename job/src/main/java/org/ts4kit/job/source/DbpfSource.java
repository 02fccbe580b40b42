package org.ts4kit.job.source;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("dbpf").load(path...)}: Sims 4 packages as Spark SQL tables, read by
 * ts4kit's core on the executors. {@code option("table", "resources" | "packages" | "strings" |
 * "errors")}, {@code resources} by default; the columns are the job's tables' (README). Column
 * pruning decides what is decoded; {@code =}/{@code IN} on type, group, instance and path run on the
 * index before any row is built.
 *
 * <pre>{@code
 * Dataset<Row> resources = spark.read().format("dbpf").load("Mods", "Archives/*.zip");
 * resources.where("type = '220557DA'").count();    // string tables, found by the SIMD type filter
 * }</pre>
 */
public final class DbpfSource implements TableProvider, DataSourceRegister {
    public static final String SHORT_NAME = "dbpf";

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return SourceTable.named(options.get("table")).schema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new DbpfTable(SourceTable.named(new CaseInsensitiveStringMap(properties).get("table")), properties);
    }
}
