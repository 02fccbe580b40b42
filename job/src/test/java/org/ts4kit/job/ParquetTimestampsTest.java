package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * The {@code packages} table's {@code modified} timestamps are Parquet INT64 micros with min/max
 * statistics in every row group (read from the written files' footers with parquet-hadoop, which
 * comes with spark-sql at Spark's version), so readers can skip row groups by date. Spark's default,
 * INT96, has no statistics at all.
 */
class ParquetTimestampsTest {
    @TempDir
    static Path dir;

    @Test
    void modifiedIsInt64MicrosWithMinMaxStatistics() throws Exception {
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.generate(corpus, 12, 5, 0);
        JobOptions o = new JobOptions();
        o.out = dir.resolve("out").toString();
        o.inputs = List.of(corpus.toString());
        Ts4kitJob.run(SharedSpark.get(), o);

        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("out").resolve(Tables.PACKAGES))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertFalse(files.isEmpty(), "packages table written as Parquet");
        int chunks = 0;
        for (Path file : files) {
            for (ColumnChunkMetaData c : modifiedChunks(file)) {
                assertEquals(PrimitiveType.PrimitiveTypeName.INT64, c.getPrimitiveType().getPrimitiveTypeName(), file.toString());
                assertEquals(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
                        c.getPrimitiveType().getLogicalTypeAnnotation(), file.toString());
                Statistics<?> stats = c.getStatistics();
                assertNotNull(stats, file.toString());
                assertTrue(stats.hasNonNullValue(), "min/max written in " + file + ": " + stats);
                assertTrue(((Long) stats.genericGetMin()) <= (Long) stats.genericGetMax(), stats.toString());
                chunks++;
            }
        }
        assertTrue(chunks > 0, "the modified column was found");
    }

    private static List<ColumnChunkMetaData> modifiedChunks(Path file) throws Exception {
        ParquetMetadata footer;
        try (ParquetFileReader reader = ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
            footer = reader.getFooter();
        }
        return footer.getBlocks().stream()
                .map(BlockMetaData::getColumns)
                .flatMap(List::stream)
                .filter(c -> c.getPath().toDotString().equals("modified"))
                .toList();
    }
}
