package org.ts4kit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the run went: throughput, open and read latency percentiles (a table and a chart), garbage
 * collection, and for the Spark job the throughput of each partition.
 */
final class RunSection {
    static final int MAX_PARTITIONS = 1_000;
    private static final double MB = 1024.0 * 1024.0;

    private RunSection() {
    }

    static boolean present(ReportData data) {
        return data.run() != null || !data.partitions().isEmpty();
    }

    static void write(StringBuilder out, ReportData data) {
        out.append("<section id=\"run\">\n<h2>Run</h2>\n");
        RunStats run = data.run();
        if (run != null) {
            stats(out, run);
            if (run.open() != null || run.read() != null) {
                latency(out, run);
            }
        }
        if (!data.partitions().isEmpty()) {
            partitions(out, data.partitions());
        }
        out.append("</section>\n");
    }

    private static void stats(StringBuilder out, RunStats r) {
        double seconds = r.wallSeconds();
        out.append("<dl class=\"stats\">");
        CollectionSection.stat(out, "MB/s", Html.decimal(perSecond(r.bytesRead() / MB, seconds), 1));
        CollectionSection.stat(out, "files/s", Html.decimal(perSecond(r.files(), seconds), 1));
        CollectionSection.stat(out, "files", Html.count(r.files()));
        out.append("<div><dt>read</dt><dd>");
        Html.bytesSpan(out, r.bytesRead()).append("</dd></div>");
        CollectionSection.stat(out, "wall time", Html.decimal(seconds, 2) + " s");
        CollectionSection.stat(out, "threads", Integer.toString(r.threads()));
        CollectionSection.stat(out, "GCs", Html.count(r.gcCount()));
        CollectionSection.stat(out, "GC time", Html.decimal(r.gcSeconds(), 2) + " s");
        out.append("</dl>\n");
    }

    /** {@code amount / seconds}, or not-a-number (shown as n/a) for a run too short to time. */
    static double perSecond(double amount, double seconds) {
        return seconds > 0 ? amount / seconds : Double.NaN;
    }

    private static void latency(StringBuilder out, RunStats r) {
        out.append("<h3>Latency</h3>\n");
        Table.open(out, "latency", "operations", 2, 2, "", List.of(), Table.text("Operation"), Table.num("Count"),
                Table.num("P50 ms"), Table.num("P95 ms"), Table.num("P99 ms"), Table.num("Max ms"));
        List<Svg.Bar> bars = new ArrayList<>();
        latencyRow(out, bars, r.open());
        latencyRow(out, bars, r.read());
        Table.close(out);
        CollectionSection.chart(out, "Latency percentiles (ms)", "latency", bars);
    }

    private static void latencyRow(StringBuilder out, List<Svg.Bar> bars, Latency l) {
        if (l == null) {
            return;
        }
        String name = l.what();
        Table.row(out, null);
        Table.cell(out, name);
        Table.count(out, l.count());
        Table.decimal(out, l.p50Ms(), 3);
        Table.decimal(out, l.p95Ms(), 3);
        Table.decimal(out, l.p99Ms(), 3);
        Table.decimal(out, l.maxMs(), 3);
        Table.endRow(out);
        int space = name.indexOf(' ');
        String op = space < 0 ? name : name.substring(0, space);
        double[] values = {l.p50Ms(), l.p95Ms(), l.p99Ms(), l.maxMs()};
        String[] names = {"P50", "P95", "P99", "max"};
        for (int i = 0; i < values.length; i++) {
            bars.add(new Svg.Bar(op + " " + names[i], values[i], Html.decimal(values[i], 3) + " ms"));
        }
    }

    private static void partitions(StringBuilder out, List<PartitionRow> rows) {
        List<PartitionRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(PartitionRow::partition));
        out.append("<h3>Partitions</h3>\n");
        if (sorted.size() <= 200) { // past that a bar per partition is a smear; the table still sorts by MB/s
            List<Svg.Bar> bars = new ArrayList<>();
            for (PartitionRow p : sorted) {
                double mbs = perSecond(p.bytes() / MB, p.seconds());
                bars.add(new Svg.Bar("partition " + p.partition(), Double.isNaN(mbs) ? 0 : mbs, Html.decimal(mbs, 1) + " MB/s"));
            }
            CollectionSection.chart(out, "Throughput per partition (MB/s)", "throughput", bars);
        }
        int shown = Math.min(sorted.size(), MAX_PARTITIONS);
        Table.open(out, "partitions", "partitions", shown, sorted.size(), "the first by number", List.of(),
                Table.num("Partition"), Table.num("Files"), Table.num("Bytes"), Table.num("Seconds"), Table.num("MB/s"));
        for (PartitionRow p : sorted.subList(0, shown)) {
            Table.row(out, null);
            Table.count(out, p.partition());
            Table.count(out, p.files());
            Table.bytes(out, p.bytes());
            Table.decimal(out, p.seconds(), 2);
            Table.decimal(out, perSecond(p.bytes() / MB, p.seconds()), 1);
            Table.endRow(out);
        }
        Table.close(out);
    }
}
