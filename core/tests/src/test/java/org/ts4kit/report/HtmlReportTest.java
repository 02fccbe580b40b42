package org.ts4kit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What report.html holds, checked on the markup: sections, order, caps, escaping, reproducibility. */
class HtmlReportTest {
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)");

    @Test
    void theRichReportHasEverySectionInReadingOrder() {
        String html = HtmlReport.render(ReportSamples.rich());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        int todo = html.indexOf("<section id=\"todo\">");
        int collection = html.indexOf("<section id=\"collection\">");
        int run = html.indexOf("<section id=\"run\">");
        assertTrue(todo > 0 && todo < collection && collection < run, "What to do, then Collection, then Run");
        assertTrue(html.contains("<p class=\"headline\">2 high, 1 medium, 1 low findings</p>"));
        for (String id : List.of("findings", "pairs", "broken", "types", "compression", "largest", "duplicates",
                "latency", "partitions")) {
            assertTrue(html.contains("<div class=\"table\" id=\"" + id + "\">"), id);
        }
        assertEquals(5, count(html, "<svg class=\"chart\""), "bytes and count by type, compression, latency, partitions");
        assertTrue(html.contains("<a href=\"#collection\">Collection</a>") && html.contains("<a href=\"#run\">Run</a>"));
    }

    @Test
    void findingsComeMostSevereFirstKeepingTheCallersOrderWithinASeverity() {
        String findings = table(HtmlReport.render(ReportSamples.rich()), "findings");
        List<String> checks = cellsOfColumn(findings, 1);
        assertEquals(List.of("too-deep", "broken", "duplicate", "loose-file"), checks);
    }

    @Test
    void pairsRankBySeverityThenDifferingThenSharedKeys() {
        String pairs = table(HtmlReport.render(ReportSamples.rich()), "pairs");
        assertEquals(List.of("high", "medium", "low", "none"), severities(pairs));
        assertTrue(pairs.contains("37 high, 2 medium of 40 shared keys differ"));
        assertTrue(pairs.contains("all 12 shared keys are identical"));
        assertTrue(pairs.contains("<span class=\"badge\">two versions of one mod</span>"));
        assertEquals(2, count(pairs, "<span class=\"badge\">same creator</span>"));
    }

    @Test
    void hostileNamesAreEscapedAndNoUnexpectedTagAppears() {
        String html = HtmlReport.render(ReportSamples.rich());
        assertFalse(html.contains("<script>alert"), "a file name became a script");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.package"));
        assertFalse(html.contains("\"onerror="), "a quote in a name ended an attribute");
        assertTrue(html.contains("&quot;onerror=alert(2) x=&quot;.package"));
        assertFalse(html.contains("\u202E"), "a bidi override reached the page");
        assertTrue(html.contains("Mods/evil\\u202Egepj.package"), "shown, visibly, where it was");
        assertTrue(html.contains("(magic \\u0000\\u0001\\u0002\\u0003)"), "control characters made visible");
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            tags.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(1, tags.stream().filter("script"::equals).count(), "only the page's own script");
        List<String> allowed = List.of("html", "head", "meta", "title", "style", "body", "nav", "a", "header", "h1", "h2",
                "h3", "p", "main", "section", "div", "input", "select", "option", "span", "table", "thead", "tbody", "tr",
                "th", "td", "dl", "dt", "dd", "figure", "figcaption", "svg", "g", "rect", "text", "footer", "script");
        assertEquals(List.of(), tags.stream().filter(t -> !allowed.contains(t)).distinct().toList());
    }

    @Test
    void aVeryLongNameIsCutForDisplayAndKeptInTheTitle() {
        String name = "Mods/" + "x".repeat(10_000) + ".package";
        String html = HtmlReport.render(ReportData.builder().broken(new BrokenRow(name, 0, "too long")).build());
        assertTrue(html.contains("<span title=\"Mods/xxx"));
        assertTrue(html.contains("x…</span>"));
        assertTrue(html.length() < 30_000, "the 10,000-character name is not written out twice: " + html.length());
    }

    @Test
    void emptyDataSaysNothingToFixAndHasNoTables() {
        String html = HtmlReport.render(ReportData.builder().title("ts4kit doctor: Mods").build());
        assertTrue(html.contains("<p class=\"headline\">Nothing to fix</p>"));
        assertFalse(html.contains("<table"));
        assertFalse(html.contains("id=\"broken\""));
        assertFalse(html.contains("<section id=\"collection\">") || html.contains("<section id=\"run\">"));
        assertFalse(html.contains("href=\"#run\""), "the nav links only to sections on the page");
    }

    @Test
    void aHundredThousandPairsShowTheTopTwoThousandAndSaySo() {
        ReportData.Builder b = ReportData.builder();
        for (int i = 0; i < 100_000; i++) {
            String severity = i == 77_777 ? "high" : "low";
            b.pair(new PairRow("Mods/a" + i + ".package", "Mods/b" + i + ".package", 10 + i % 50, i % 10, severity,
                    severity.equals("high") ? 1 : 0, 0, i % 10, false, false));
        }
        String html = HtmlReport.render(b.build());
        String pairs = table(html, "pairs");
        assertTrue(pairs.contains("<p class=\"capped\">showing 2,000 of 100,000 pairs: the highest ranked first</p>"));
        assertEquals(2_000, count(pairs, "<tr data-severity="));
        assertEquals("high", severities(pairs).get(0), "the one high pair ranks first");
        assertTrue(pairs.indexOf("Mods/a77777.package") < pairs.indexOf("<tr data-severity=\"low\">"));
    }

    @Test
    void cappedListsNeverDropRowsSilently() {
        ReportData.Builder b = ReportData.builder();
        for (int i = 0; i < 600; i++) {
            b.broken(new BrokenRow("Mods/bad" + i + ".package", i, "truncated"));
            b.largest(new PackageSizeRow("Mods/p" + i + ".package", 1_000L * i, 1));
            b.duplicate(new DuplicateRow("copy " + i, 100, 2));
        }
        String html = HtmlReport.render(b.build());
        assertTrue(html.contains("showing 500 of 600 broken files"));
        assertTrue(html.contains("showing 100 of 600 packages"));
        assertTrue(html.contains("showing 200 of 600 duplicates"));
        assertTrue(html.contains("title=\"60,000 bytes\">58.6 KB</span> wasted by 600 things"), "the total counts every row");
    }

    @Test
    void numbersUseOneFormatEverywhere() {
        assertEquals("1,234,567", Html.count(1_234_567));
        assertEquals("512 B", Html.bytes(512));
        assertEquals("1.50 KB", Html.bytes(1_536));
        assertEquals("9.20 GB", Html.bytes(9_876_543_210L));
        String html = HtmlReport.render(ReportSamples.rich());
        assertTrue(html.contains("<span title=\"9,876,543,210 bytes\">9.20 GB</span>"), "exact bytes in the title");
        assertTrue(html.contains("<dt>MB/s</dt><dd>753.5</dd>"), "9,876,543,210 bytes in 12.5 s");
        assertTrue(html.contains("<dt>files/s</dt><dd>98.7</dd>"));
    }

    @Test
    void theSameDataGivesTheSameBytes() throws IOException {
        String once = HtmlReport.render(ReportSamples.rich());
        StringWriter twice = new StringWriter();
        HtmlReport.write(ReportSamples.rich(), twice);
        assertEquals(once, twice.toString());
    }

    @Test
    void thePageLoadsNothingAndRunsOnlyItsOwnScript() {
        String html = HtmlReport.render(ReportSamples.rich());
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'sha256-"));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("://"), "no URL but the SVG namespace");
        assertFalse(html.contains(" src="), "no external script or image");
        assertFalse(html.contains(" style=\""), "no inline style attributes: the policy forbids them");
    }

    private static String table(String html, String id) {
        int from = html.indexOf("<div class=\"table\" id=\"" + id + "\">");
        assertTrue(from >= 0, "no table " + id);
        return html.substring(from, html.indexOf("</table>", from));
    }

    private static List<String> severities(String table) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-severity=\"(\\w+)\">").matcher(table);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The text of column {@code col} (0-based) of every body row, tags removed. */
    private static List<String> cellsOfColumn(String table, int col) {
        List<String> out = new ArrayList<>();
        for (String row : table.substring(table.indexOf("<tbody>")).split("<tr")) {
            String[] cells = row.split("<td");
            if (cells.length > col + 1) {
                out.add(cells[col + 1].replaceAll("<[^>]*>", "").replaceFirst("^[^>]*>", "").strip());
            }
        }
        return out;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
