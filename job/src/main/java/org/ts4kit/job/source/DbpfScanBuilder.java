package org.ts4kit.job.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructType;

/** Takes the columns a query needs and the predicates the source can evaluate exactly (see {@link KeyFilter}). */
final class DbpfScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownV2Filters {
    private final SourceTable table;
    private final SourceOptions options;
    private final Configuration hadoop;
    private final KeyFilter filter;
    private final List<Predicate> pushed = new ArrayList<>();
    private StructType required;

    DbpfScanBuilder(SourceTable table, SourceOptions options, Configuration hadoop) {
        this.table = table;
        this.options = options;
        this.hadoop = hadoop;
        this.filter = new KeyFilter(table);
        filter.restrictTypes(options.types());
        this.required = table.schema();
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Predicate[] pushPredicates(Predicate[] predicates) {
        return filter.push(predicates, pushed);
    }

    @Override
    public Predicate[] pushedPredicates() {
        return pushed.toArray(new Predicate[0]);
    }

    @Override
    public Scan build() {
        return new DbpfScan(table, required, filter, options, hadoop);
    }
}
