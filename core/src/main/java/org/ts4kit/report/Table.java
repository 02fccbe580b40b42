package org.ts4kit.report;

import java.util.List;

/**
 * Markup of the long lists: plain HTML tables that read fine without scripts. The inline script
 * (report.js) finds every {@code div.table}, shows its hidden filter controls, and makes the headers
 * sort: a header marked {@code data-type="num"} sorts its cells by their {@code data-sort} value, any
 * other by text in the reader's locale. Rows carry {@code data-severity} for the severity select.
 */
final class Table {
    /** A column header; numeric ones sort by their cells' {@code data-sort} number, right-aligned ones hold quantities. */
    record Column(String label, boolean numeric, boolean right) {
    }

    static Column text(String label) {
        return new Column(label, false, false);
    }

    static Column num(String label) {
        return new Column(label, true, true);
    }

    /** A severity column: sorts by rank (high first), reads as words. */
    static Column ranked(String label) {
        return new Column(label, true, false);
    }

    /** Tables this long get a filter box; shorter ones are read at a glance (they still sort). */
    static final int FILTER_FROM = 8;

    private Table() {
    }

    /**
     * Opens a table of {@code shown} rows out of {@code total}: the wrapper, the filter controls (hidden
     * until the script shows them), the "showing N of M" note when rows were left out, and the header.
     * {@code severities} lists the options of the severity select; empty for no select.
     */
    static void open(StringBuilder out, String id, String noun, int shown, long total, String order,
            List<String> severities, Column... columns) {
        out.append("<div class=\"table\" id=\"").append(id).append("\">\n");
        if (total >= FILTER_FROM || !severities.isEmpty()) {
            controls(out, noun, severities);
        }
        if (shown < total) {
            out.append("<p class=\"capped\">showing ").append(Html.count(shown)).append(" of ").append(Html.count(total))
                    .append(' ').append(noun).append(": ").append(order).append("</p>\n");
        }
        out.append("<table>\n<thead><tr>");
        for (Column c : columns) {
            out.append(!c.numeric ? "<th>" : c.right ? "<th data-type=\"num\" class=\"num\">"
                    : "<th data-type=\"num\" data-first=\"ascending\">").append(c.label).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
    }

    /** The filter box (and severity select), hidden until the script shows them: without scripts they would do nothing. */
    private static void controls(StringBuilder out, String noun, List<String> severities) {
        out.append("<div class=\"controls\" hidden><input type=\"search\" class=\"filter\" placeholder=\"Filter ")
                .append(noun).append("\" aria-label=\"Filter ").append(noun).append("\">");
        if (!severities.isEmpty()) {
            out.append("<select class=\"severity\" aria-label=\"Severity\"><option value=\"\">every severity</option>");
            for (String s : severities) {
                out.append("<option value=\"").append(s).append("\">").append(s).append("</option>");
            }
            out.append("</select>");
        }
        out.append("<span class=\"matches\" aria-live=\"polite\"></span></div>\n");
    }

    static void close(StringBuilder out) {
        out.append("</tbody>\n</table>\n</div>\n");
    }

    /** A row; {@code severity} (may be {@code null}) becomes {@code data-severity} for the select. */
    static void row(StringBuilder out, String severity) {
        out.append(severity == null ? "<tr>" : "<tr data-severity=\"" + Html.severityClass(severity) + "\">");
    }

    static void endRow(StringBuilder out) {
        out.append("</tr>\n");
    }

    /** A text cell, escaped and cut when very long. */
    static void cell(StringBuilder out, String s) {
        Html.shown(out.append("<td>"), s).append("</td>");
    }

    /** A path cell: like {@link #cell} but allowed to wrap anywhere. */
    static void path(StringBuilder out, String s) {
        Html.shown(out.append("<td class=\"path\">"), s).append("</td>");
    }

    static void count(StringBuilder out, long n) {
        out.append("<td class=\"num\" data-sort=\"").append(n).append("\">").append(Html.count(n)).append("</td>");
    }

    static void bytes(StringBuilder out, long n) {
        Html.bytesSpan(out.append("<td class=\"num\" data-sort=\"").append(n).append("\">"), n).append("</td>");
    }

    static void decimal(StringBuilder out, double v, int digits) {
        out.append("<td class=\"num\" data-sort=\"").append(Html.plain(v)).append("\">").append(Html.decimal(v, digits))
                .append("</td>");
    }

    /** A severity badge cell, sorting by rank (high first when ascending). */
    static void severity(StringBuilder out, String severity) {
        Html.badge(out.append("<td data-sort=\"").append(Html.rank(severity)).append("\">"), severity).append("</td>");
    }
}
