package org.ts4kit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The page's first section, what a curator acts on: a headline counting findings by severity, the
 * findings (most severe first), the conflicting package pairs (ranked) and the files that did not read.
 * Long lists are cut at a cap, most important rows first, and the page says how many were left out.
 */
final class WhatToDo {
    static final int MAX_FINDINGS = 2_000;
    static final int MAX_PAIRS = 2_000;
    static final int MAX_BROKEN = 500;

    /** Severity, then the most differing keys, then the most shared keys, then the names: one order, every run. */
    static final Comparator<PairRow> PAIR_RANK = Comparator.comparingInt((PairRow p) -> Html.rank(p.severity()))
            .thenComparing(Comparator.comparingLong(PairRow::differingKeys).reversed())
            .thenComparing(Comparator.comparingLong(PairRow::sharedKeys).reversed())
            .thenComparing(PairRow::packageA).thenComparing(PairRow::packageB);

    private WhatToDo() {
    }

    static void write(StringBuilder out, ReportData data) {
        out.append("<section id=\"todo\">\n<h2>What to do</h2>\n");
        headline(out, data);
        if (!data.findings().isEmpty()) {
            findings(out, data.findings());
        }
        if (!data.pairs().isEmpty()) {
            pairs(out, data.pairs());
        }
        if (!data.broken().isEmpty()) {
            broken(out, data.broken());
        }
        out.append("</section>\n");
    }

    /** "3 high, 5 medium, 2 low findings", or "Nothing to fix" when there is nothing to act on at all. */
    static String headline(List<FindingRow> findings) {
        long[] bySeverity = new long[5];
        for (FindingRow f : findings) {
            bySeverity[Html.rank(f.severity())]++;
        }
        String[] names = {"high", "medium", "low", "none", "other"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (bySeverity[i] > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(Html.count(bySeverity[i])).append(' ').append(names[i]);
            }
        }
        return s.append(findings.size() == 1 ? " finding" : " findings").toString();
    }

    private static void headline(StringBuilder out, ReportData data) {
        long seriousPairs = data.pairs().stream().filter(p -> Html.rank(p.severity()) < 3).count();
        out.append("<p class=\"headline\">");
        if (!data.findings().isEmpty()) {
            out.append(headline(data.findings()));
        } else if (seriousPairs > 0 || !data.broken().isEmpty()) {
            out.append("No findings; see the conflicts and broken files below");
        } else {
            out.append("Nothing to fix");
        }
        out.append("</p>\n<p class=\"sub\">").append(Html.count(seriousPairs)).append(seriousPairs == 1 ? " package pair" : " package pairs")
                .append(" with conflicts that matter · ").append(Html.count(data.broken().size()))
                .append(data.broken().size() == 1 ? " broken file" : " broken files").append("</p>\n");
    }

    private static void findings(StringBuilder out, List<FindingRow> all) {
        List<FindingRow> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(f -> Html.rank(f.severity()))); // stable: the caller's order within a severity
        int shown = Math.min(sorted.size(), MAX_FINDINGS);
        out.append("<h3>Findings</h3>\n");
        Table.open(out, "findings", "findings", shown, sorted.size(), "the most severe first",
                List.of("high", "medium", "low"), Table.ranked("Severity"), Table.text("Check"), Table.text("Files"),
                Table.text("Why"), Table.text("What to do"));
        for (FindingRow f : sorted.subList(0, shown)) {
            Table.row(out, f.severity());
            Table.severity(out, f.severity());
            Table.cell(out, f.check());
            out.append("<td class=\"path\">");
            for (String file : f.files()) {
                Html.shown(out.append("<div>"), file).append("</div>");
            }
            out.append("</td>");
            Table.cell(out, f.reason());
            Table.cell(out, f.fix());
            Table.endRow(out);
        }
        Table.close(out);
    }

    private static void pairs(StringBuilder out, List<PairRow> all) {
        List<PairRow> sorted = new ArrayList<>(all);
        sorted.sort(PAIR_RANK);
        int shown = Math.min(sorted.size(), MAX_PAIRS);
        out.append("<h3>Conflicting packages</h3>\n<p>Two packages holding the same resource keys: the game loads one copy,"
                + " so where the copies differ one mod replaces the other's resource.</p>\n");
        Table.open(out, "pairs", "pairs", shown, sorted.size(), "the highest ranked first",
                List.of("high", "medium", "low", "none"), Table.ranked("Severity"), Table.text("Packages"),
                Table.text("What differs"), Table.num("Differing keys"), Table.num("Shared keys"));
        for (PairRow p : sorted.subList(0, shown)) {
            Table.row(out, p.severity());
            Table.severity(out, p.severity());
            out.append("<td class=\"path\">");
            Html.shown(out, p.packageA()).append(" <span class=\"and\">and</span> ");
            Html.shown(out, p.packageB());
            if (p.versionsOfOneMod()) {
                out.append(" <span class=\"badge\">two versions of one mod</span>");
            }
            if (p.sameCreator()) {
                out.append(" <span class=\"badge\">same creator</span>");
            }
            out.append("</td><td>").append(differs(p)).append("</td>");
            Table.count(out, p.differingKeys());
            Table.count(out, p.sharedKeys());
            Table.endRow(out);
        }
        Table.close(out);
    }

    /** "37 high, 2 medium of 40 shared keys differ", or "all 40 shared keys are identical". */
    static String differs(PairRow p) {
        StringBuilder s = new StringBuilder();
        long[] counts = {p.highKeys(), p.mediumKeys(), p.lowKeys()};
        String[] names = {"high", "medium", "low"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(Html.count(counts[i])).append(' ').append(names[i]);
            }
        }
        long other = p.differingKeys() - p.highKeys() - p.mediumKeys() - p.lowKeys();
        if (other > 0) {
            s.append(s.length() == 0 ? "" : ", ").append(Html.count(other)).append(" harmless");
        }
        if (s.length() == 0) {
            return (p.sharedKeys() == 1 ? "the shared key is" : "all " + Html.count(p.sharedKeys()) + " shared keys are")
                    + " identical";
        }
        return s.append(" of ").append(Html.count(p.sharedKeys())).append(p.sharedKeys() == 1 ? " shared key" : " shared keys")
                .append(p.differingKeys() == 1 ? " differs" : " differ").toString();
    }

    private static void broken(StringBuilder out, List<BrokenRow> all) {
        List<BrokenRow> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(BrokenRow::path));
        int shown = Math.min(sorted.size(), MAX_BROKEN);
        out.append("<h3>Broken files</h3>\n<p>These did not read; the game may skip them or fail to load.</p>\n");
        Table.open(out, "broken", "broken files", shown, sorted.size(), "the first by path", List.of(),
                Table.text("File"), Table.num("Offset"), Table.text("Why"));
        for (BrokenRow b : sorted.subList(0, shown)) {
            Table.row(out, null);
            Table.path(out, b.path());
            Table.count(out, b.offset());
            Table.cell(out, b.reason());
            Table.endRow(out);
        }
        Table.close(out);
    }
}
