package org.ts4kit.job.source;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.ts4kit.dbpf.DbpfPackage;
import org.ts4kit.dbpf.ReadOptions;
import org.ts4kit.io.ByteSource;
import org.ts4kit.io.CorruptInputException;
import org.ts4kit.io.zip.ZipArchive;
import org.ts4kit.job.HadoopFileAccess;
import org.ts4kit.job.InputFile;
import org.ts4kit.memory.Arena;
import org.ts4kit.memory.ResourceBuffer;
import org.ts4kit.resource.NameMap;
import org.ts4kit.scan.InputWalker;
import org.ts4kit.scan.PackageInput;
import org.ts4kit.scan.PackageScanner;
import org.ts4kit.scan.ScanOptions;
import org.ts4kit.job.source.metric.SourceMetrics;

/**
 * Reads one task's files: package after package, one walk each (core's {@link PackageScanner}), rows
 * streamed out of the package just walked; only one package's rows are held at a time. Local files are
 * memory-mapped, others read into an off-heap arena reset after each file. Bad input never fails the
 * task: a package that does not open or decode becomes rows that say so, as in the job's tables.
 */
final class DbpfPartitionReader implements PartitionReader<InternalRow> {
    private final InputFile[] files;
    /** {@code package_id} = partition number in the high 32 bits, the package's number in the partition below. */
    private final long firstPackageId;
    private int packagesStarted;
    private final HadoopFileAccess access;
    private final KeyFilter filter;
    private final PackageScanner scanner;
    private final PackageRows rows;
    private final RowWriter rowWriter;
    private final UnsafeRowWriter writer;
    private final ResourceBuffer buffer;
    private final Arena scratch = new Arena(HadoopFileAccess.ARENA_CHUNK);
    private final SourceMetrics metrics = new SourceMetrics();

    private int nextFile;
    private InputFile file;
    private ZipArchive archive;
    private Iterator<PackageInput> packages = Collections.emptyIterator();
    private int row = -1;
    /** The {@code all} table starts each file with its accounting row: how many packages it must produce. */
    private final boolean fileRows;
    private int pendingFileRow = -1;

    DbpfPartitionReader(int partition, InputFile[] files, SourceTable table, StructType required, KeyFilter filter, HadoopFileAccess access) {
        this.files = files;
        this.firstPackageId = (long) partition << 32;
        this.access = access;
        this.filter = filter;
        this.rows = new PackageRows(table, required, filter);
        this.rowWriter = new RowWriter(table, required, rows);
        this.fileRows = table == SourceTable.ALL;
        rows.partition = partition;
        org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
        rows.executor = UTF8String.fromString(env == null ? "local" : env.executorId()); // "driver" in local mode
        ScanOptions what = filter.narrow(table.scanOptions(required));
        if (rows.needsNameMaps() && what.types() != null) {
            int[] types = what.types();
            int[] withMaps = java.util.Arrays.copyOf(types, types.length + 1);
            withMaps[types.length] = NameMap.TYPE; // names may come from a map of another type than the rows'
            what = what.withTypes(withMaps);
        }
        ReadOptions read = ReadOptions.defaults();
        this.scanner = new PackageScanner(what, read);
        this.buffer = new ResourceBuffer(read.pool());
        this.writer = new UnsafeRowWriter(required.fields().length, 256);
    }

    @Override
    public boolean next() throws IOException {
        while (row + 1 >= rows.rows()) {
            if (!nextPackage()) {
                return false;
            }
        }
        row++;
        return true;
    }

    @Override
    public InternalRow get() {
        writer.reset(); // back to the start of the buffer (resetRowWriter is for nested rows)
        writer.zeroOutNullBytes();
        rowWriter.write(row, writer);
        // one UnsafeRow reused for every row, as Spark's own readers do: its operators copy what they keep
        return writer.getRow();
    }

    /** Walks the next package (opening the next file when this one is done); false at the end. */
    private boolean nextPackage() {
        while (!packages.hasNext() && pendingFileRow < 0) {
            closeFile();
            if (filter.matchesNothing() || nextFile == files.length) {
                return false;
            }
            openFile(files[nextFile++]);
        }
        if (pendingFileRow >= 0) {
            rows.fileRow(file.name, file.size, pendingFileRow);
            pendingFileRow = -1;
            row = -1;
            return true;
        }
        PackageInput in = timed(packages.next());
        rows.start(file.name, file.modified, firstPackageId + packagesStarted++);
        long t0 = System.nanoTime();
        boolean broken = scanner.scan(in, buffer, rows).isBroken();
        rows.readMillis = (System.nanoTime() - t0) / 1e6; // open, walk, decode and hash: the whole read
        rows.openMillis = openNanos / 1e6;
        metrics.packagesOpened++;
        metrics.packagesBroken += broken ? 1 : 0;
        metrics.bytesDecompressed = rows.decodedBytes; // the sink's running totals for this task
        metrics.resourcesDecoded = rows.decodedResources;
        row = -1;
        return true;
    }

    /** Nanoseconds the last {@link #timed} input took to open: header and index (and inflating a zip member). */
    private long openNanos;

    /** The same input, its open timed: the scanner opens and walks in one call, and the timings table shows both. */
    private PackageInput timed(PackageInput in) {
        openNanos = 0;
        return new PackageInput(in.name(), in.location(), in.size(), o -> {
            long t = System.nanoTime();
            try {
                return in.open(o);
            } finally {
                openNanos = System.nanoTime() - t;
            }
        }, in.stamp());
    }

    private void openFile(InputFile f) {
        file = f;
        if (!filter.admitsFile(f.name, f.zip)) {
            packages = Collections.emptyIterator();
            return;
        }
        metrics.bytesRead += f.size;
        List<PackageInput> found;
        if (f.problem != null) {
            // found unreadable while listing (a folder that could not be listed, a FIFO): one broken row saying why
            found = filter.admitsPackage(f.name) ? List.of(new PackageInput(f.name, f.name, 0, o -> {
                throw new CorruptInputException(f.name, 0, f.problem);
            })) : List.of();
        } else if (!f.zip) {
            found = List.of(new PackageInput(f.name, f.name, f.size, o -> DbpfPackage.open(access.open(f, scratch), o)));
        } else {
            try {
                ByteSource bytes = access.open(f, scratch);
                ReadOptions read = scanner.readOptions();
                archive = ZipArchive.open(bytes, read.maxResourceBytes(), read.decodeBudget(bytes.length()));
                found = InputWalker.archiveMembers(archive, f.name, f.name).stream().filter(p -> filter.admitsPackage(p.name()))
                        .collect(Collectors.toList());
            } catch (IOException | RuntimeException e) {
                // an unreadable archive is one broken package under its own name, as in the job's tables
                found = filter.admitsPackage(f.name) ? List.of(new PackageInput(f.name, f.name, f.size, o -> {
                    throw e;
                })) : List.of();
            }
        }
        packages = found.iterator();
        pendingFileRow = fileRows ? found.size() : -1;
    }

    private void closeFile() {
        if (archive != null) {
            archive.close();
            archive = null;
        }
        scratch.reset(); // the file's bytes, when they were read rather than mapped
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return metrics.values();
    }

    @Override
    public void close() {
        closeFile();
        buffer.close();
    }
}
