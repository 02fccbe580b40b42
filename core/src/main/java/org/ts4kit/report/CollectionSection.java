package org.ts4kit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The collection: totals, what the bytes are (by resource type, as charts and a table), how they are
 * compressed, the largest packages, and what is stored twice with the space it wastes.
 */
final class CollectionSection {
    static final int MAX_TYPES = 500;
    static final int MAX_LARGEST = 100;
    static final int MAX_DUPLICATES = 200;
    /** Bars per type chart; the rest are in the table below it. */
    static final int CHART_BARS = 20;

    private CollectionSection() {
    }

    static boolean present(ReportData data) {
        return data.totals() != null || !data.types().isEmpty() || !data.compression().isEmpty()
                || !data.largest().isEmpty() || !data.duplicates().isEmpty();
    }

    static void write(StringBuilder out, ReportData data) {
        out.append("<section id=\"collection\">\n<h2>Collection</h2>\n");
        if (data.totals() != null) {
            totals(out, data.totals());
        }
        if (!data.types().isEmpty()) {
            types(out, data.types());
        }
        if (!data.compression().isEmpty()) {
            compression(out, data.compression());
        }
        if (!data.largest().isEmpty()) {
            largest(out, data.largest());
        }
        if (!data.duplicates().isEmpty()) {
            duplicates(out, data.duplicates());
        }
        out.append("</section>\n");
    }

    private static void totals(StringBuilder out, CollectionTotals t) {
        out.append("<dl class=\"stats\">");
        stat(out, "files", Html.count(t.files()));
        stat(out, "packages read", Html.count(t.packagesOk()));
        stat(out, "broken", Html.count(t.broken()));
        stat(out, "resources", Html.count(t.resources()));
        out.append("<div><dt>on disk</dt><dd>");
        Html.bytesSpan(out, t.bytes()).append("</dd></div>");
        out.append("</dl>\n");
    }

    static void stat(StringBuilder out, String name, String value) {
        out.append("<div><dt>").append(name).append("</dt><dd>").append(value).append("</dd></div>");
    }

    private static void types(StringBuilder out, List<TypeRow> all) {
        out.append("<h3>By resource type</h3>\n<div class=\"charts\">\n");
        List<TypeRow> byBytes = new ArrayList<>(all);
        byBytes.sort(Comparator.comparingLong(TypeRow::bytes).reversed().thenComparing(TypeRow::type));
        List<Svg.Bar> bars = new ArrayList<>();
        for (TypeRow t : byBytes.subList(0, Math.min(CHART_BARS, byBytes.size()))) {
            bars.add(new Svg.Bar(t.type(), t.bytes(), Html.bytes(t.bytes())));
        }
        chart(out, "Decompressed bytes by type", "bytes", bars);
        List<TypeRow> byCount = new ArrayList<>(all);
        byCount.sort(Comparator.comparingLong(TypeRow::resources).reversed().thenComparing(TypeRow::type));
        bars.clear();
        for (TypeRow t : byCount.subList(0, Math.min(CHART_BARS, byCount.size()))) {
            bars.add(new Svg.Bar(t.type(), t.resources(), Html.count(t.resources())));
        }
        chart(out, "Resources by type", "count", bars);
        out.append("</div>\n");
        int shown = Math.min(byBytes.size(), MAX_TYPES);
        Table.open(out, "types", "types", shown, byBytes.size(), "the largest first", List.of(), Table.text("Type"),
                Table.num("Resources"), Table.num("Decompressed"));
        for (TypeRow t : byBytes.subList(0, shown)) {
            Table.row(out, null);
            Table.cell(out, t.type());
            Table.count(out, t.resources());
            Table.bytes(out, t.bytes());
            Table.endRow(out);
        }
        Table.close(out);
    }

    static void chart(StringBuilder out, String title, String kind, List<Svg.Bar> bars) {
        out.append("<figure><figcaption>").append(title).append("</figcaption>\n");
        Svg.bars(out, title, kind, bars);
        out.append("</figure>\n");
    }

    private static void compression(StringBuilder out, List<CompressionRow> rows) {
        List<CompressionRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(CompressionRow::storedBytes).reversed().thenComparing(CompressionRow::method));
        out.append("<h3>Compression</h3>\n<figure><figcaption>Bytes on disk by method</figcaption>\n");
        List<Svg.Bar> parts = new ArrayList<>();
        for (CompressionRow c : sorted) {
            parts.add(new Svg.Bar(c.method(), c.storedBytes(), Html.bytes(c.storedBytes()) + " on disk, "
                    + Html.count(c.resources()) + " resources"));
        }
        Svg.stacked(out, "Bytes on disk by compression method", parts);
        out.append("</figure>\n");
        Table.open(out, "compression", "methods", sorted.size(), sorted.size(), "", List.of(), Table.text("Method"),
                Table.num("Resources"), Table.num("On disk"), Table.num("In memory"), Table.num("Ratio"));
        for (CompressionRow c : sorted) {
            Table.row(out, null);
            Table.cell(out, c.method());
            Table.count(out, c.resources());
            Table.bytes(out, c.storedBytes());
            Table.bytes(out, c.memoryBytes());
            Table.decimal(out, c.storedBytes() > 0 ? (double) c.memoryBytes() / c.storedBytes() : Double.NaN, 2);
            Table.endRow(out);
        }
        Table.close(out);
    }

    private static void largest(StringBuilder out, List<PackageSizeRow> rows) {
        List<PackageSizeRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(PackageSizeRow::bytes).reversed().thenComparing(PackageSizeRow::path));
        int shown = Math.min(sorted.size(), MAX_LARGEST);
        out.append("<h3>Largest packages</h3>\n");
        Table.open(out, "largest", "packages", shown, sorted.size(), "the largest first", List.of(), Table.text("Package"),
                Table.num("Size"), Table.num("Resources"));
        for (PackageSizeRow p : sorted.subList(0, shown)) {
            Table.row(out, null);
            Table.path(out, p.path());
            Table.bytes(out, p.bytes());
            Table.count(out, p.resources());
            Table.endRow(out);
        }
        Table.close(out);
    }

    private static void duplicates(StringBuilder out, List<DuplicateRow> rows) {
        List<DuplicateRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(DuplicateRow::wastedBytes).reversed().thenComparing(DuplicateRow::what));
        long wasted = 0;
        for (DuplicateRow d : sorted) {
            wasted += d.wastedBytes();
        }
        int shown = Math.min(sorted.size(), MAX_DUPLICATES);
        out.append("<h3>Duplicates</h3>\n<p class=\"wasted\">");
        Html.bytesSpan(out, wasted).append(" wasted by ").append(Html.count(sorted.size()))
                .append(sorted.size() == 1 ? " thing" : " things").append(" stored more than once</p>\n");
        Table.open(out, "duplicates", "duplicates", shown, sorted.size(), "the most wasteful first", List.of(),
                Table.text("What"), Table.num("Size"), Table.num("Copies"), Table.num("Wasted"));
        for (DuplicateRow d : sorted.subList(0, shown)) {
            Table.row(out, null);
            Table.path(out, d.what());
            Table.bytes(out, d.bytes());
            Table.count(out, d.occurrences());
            Table.bytes(out, d.wastedBytes());
            Table.endRow(out);
        }
        Table.close(out);
    }
}
