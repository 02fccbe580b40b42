package org.ts4kit.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link HtmlReport} puts on the page, as plain rows. Every list may be empty and every
 * section is optional: no {@code totals} means no totals, no {@code run} means no run section. The
 * caller gives the time the data was made (in {@code subtitle}); the renderer never reads the clock,
 * so the same data always gives the same bytes.
 *
 * <pre>{@code
 * ReportData data = ReportData.builder()
 *         .title("ts4kit doctor: Mods")
 *         .subtitle("/home/me/Mods · 2024-05-01 12:00 UTC")
 *         .finding(new FindingRow("high", "too-deep", List.of("a/b/c/d/e/x.ts4script"), "...", "..."))
 *         .build();
 * String html = HtmlReport.render(data);
 * }</pre>
 */
public record ReportData(String title, String subtitle, List<FindingRow> findings, List<PairRow> pairs,
        List<BrokenRow> broken, CollectionTotals totals, List<TypeRow> types, List<CompressionRow> compression,
        List<PackageSizeRow> largest, List<DuplicateRow> duplicates, RunStats run, List<PartitionRow> partitions) {
    public ReportData {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        findings = List.copyOf(findings);
        pairs = List.copyOf(pairs);
        broken = List.copyOf(broken);
        types = List.copyOf(types);
        compression = List.copyOf(compression);
        largest = List.copyOf(largest);
        duplicates = List.copyOf(duplicates);
        partitions = List.copyOf(partitions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the rows; {@code add} methods append one row, the plural ones many. Not thread-safe. */
    public static final class Builder {
        private String title = "ts4kit report";
        private String subtitle = "";
        private final List<FindingRow> findings = new ArrayList<>();
        private final List<PairRow> pairs = new ArrayList<>();
        private final List<BrokenRow> broken = new ArrayList<>();
        private CollectionTotals totals;
        private final List<TypeRow> types = new ArrayList<>();
        private final List<CompressionRow> compression = new ArrayList<>();
        private final List<PackageSizeRow> largest = new ArrayList<>();
        private final List<DuplicateRow> duplicates = new ArrayList<>();
        private RunStats run;
        private final List<PartitionRow> partitions = new ArrayList<>();

        private Builder() {
        }

        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /** The source line under the title: the roots read, when, by what. */
        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        public Builder finding(FindingRow row) {
            findings.add(Objects.requireNonNull(row));
            return this;
        }

        public Builder findings(Collection<FindingRow> rows) {
            rows.forEach(this::finding);
            return this;
        }

        public Builder pair(PairRow row) {
            pairs.add(Objects.requireNonNull(row));
            return this;
        }

        public Builder pairs(Collection<PairRow> rows) {
            rows.forEach(this::pair);
            return this;
        }

        public Builder broken(BrokenRow row) {
            broken.add(Objects.requireNonNull(row));
            return this;
        }

        public Builder broken(Collection<BrokenRow> rows) {
            rows.forEach(this::broken);
            return this;
        }

        /** The collection's totals; {@code null} (the default) leaves them off the page. */
        public Builder totals(CollectionTotals totals) {
            this.totals = totals;
            return this;
        }

        public Builder type(TypeRow row) {
            types.add(Objects.requireNonNull(row));
            return this;
        }

        public Builder types(Collection<TypeRow> rows) {
            rows.forEach(this::type);
            return this;
        }

        public Builder compression(CompressionRow row) {
            compression.add(Objects.requireNonNull(row));
            return this;
        }

        public Builder compression(Collection<CompressionRow> rows) {
            rows.forEach(this::compression);
            return this;
        }

        public Builder largest(PackageSizeRow row) {
            largest.add(Objects.requireNonNull(row));
            return this;
        }

        public Builder largest(Collection<PackageSizeRow> rows) {
            rows.forEach(this::largest);
            return this;
        }

        public Builder duplicate(DuplicateRow row) {
            duplicates.add(Objects.requireNonNull(row));
            return this;
        }

        public Builder duplicates(Collection<DuplicateRow> rows) {
            rows.forEach(this::duplicate);
            return this;
        }

        /** How the run went; {@code null} (the default) means no run section. */
        public Builder run(RunStats run) {
            this.run = run;
            return this;
        }

        public Builder partition(PartitionRow row) {
            partitions.add(Objects.requireNonNull(row));
            return this;
        }

        public Builder partitions(Collection<PartitionRow> rows) {
            rows.forEach(this::partition);
            return this;
        }

        public ReportData build() {
            return new ReportData(title, subtitle, findings, pairs, broken, totals, types, compression, largest,
                    duplicates, run, partitions);
        }
    }
}
