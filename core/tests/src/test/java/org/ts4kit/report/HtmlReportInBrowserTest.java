package org.ts4kit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ts4kit.testkit.HeadlessChromium;

/**
 * report.html in a real browser: it must load with no console error and no uncaught exception, its
 * script must make every table sortable and filterable, and it must draw something (a screenshot,
 * left in target/report/ to look at). The first four tests keep the check honest: a page that logs
 * an error, one that throws and one whose security policy blocks a load must be caught; a clean page
 * that only logs must pass. Without Chromium the tests
 * are skipped (tools/install-chromium.sh installs it), unless {@code -Dts4kit.expectChromium=true}
 * (CI) makes a missing browser a failure.
 */
@Timeout(180) // hang guard: a browser that never answers
class HtmlReportInBrowserTest {
    static final Path OUT = Path.of("target", "report");
    static HeadlessChromium browser;

    @BeforeAll
    static void launch() throws IOException {
        Path binary = HeadlessChromium.requireForTest();
        browser = HeadlessChromium.launch(binary);
        System.out.println("HtmlReportInBrowserTest: " + browser.version() + " at " + binary);
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void quit() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCheckCatchesAConsoleError() throws IOException {
        List<String> problems = problemsOf("console-error.html", "<script>console.error('x', 42)</script>");
        assertEquals(List.of("console.error: x 42"), problems);
    }

    @Test
    void theCheckCatchesAnUncaughtException() throws IOException {
        List<String> problems = problemsOf("throws.html", "<script>'use strict'; notDefined();</script>");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("uncaught: ") && problems.get(0).contains("ReferenceError: notDefined is not defined"),
                problems.get(0));
    }

    @Test
    void theCheckCatchesALoadTheSecurityPolicyBlocks() throws IOException {
        List<String> problems = problemsOf("blocked.html", "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">",
                "<img src=\"https://example.invalid/x.png\" alt=\"\">");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Content Security Policy"), problems.get(0));
    }

    @Test
    void theCheckPassesACleanPageThatOnlyLogs() throws IOException {
        assertEquals(List.of(), problemsOf("clean.html", "<script>console.log('fine'); console.info('also fine')</script>"));
    }

    @Test
    void theRichReportLoadsWithoutErrorsAndDrawsAPage() throws IOException {
        Path html = write("report.html", HtmlReport.render(ReportSamples.rich()));
        Path png = OUT.resolve("report.png");
        try (HeadlessChromium.Page page = browser.open(html, 1280, 900)) {
            long size = page.screenshot(png);
            assertEquals(List.of(), page.problems(), "console errors or exceptions in report.html");
            assertEquals("9", page.evaluate("document.querySelectorAll('div.table.interactive').length"),
                    "the script made every table sortable and filterable");
            assertEquals("1", page.evaluate("document.scripts.length"), "no script but the page's own");
            assertTrue(size > 10_000, "a screenshot of " + size + " bytes is too small to show the page");
        }
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, head, "a PNG");
    }

    @Test
    void headersSortAndTheFilterAndSeveritySelectHideRows() throws IOException {
        Path html = write("report-interactive.html", HtmlReport.render(ReportSamples.rich()));
        try (HeadlessChromium.Page page = browser.open(html, 1280, 900)) {
            String firstPair = "document.querySelector('#pairs tbody tr').cells[1].textContent";
            assertTrue(page.evaluate(firstPair).startsWith("Mods/MCCC/"), "ranked: the high pair first");
            click(page, "#pairs", "Shared keys"); // numbers sort largest first: 40, 40, 12, 8
            assertEquals("40,40,12,8", page.evaluate(column("#pairs", 4)));
            click(page, "#pairs", "Shared keys");
            assertEquals("8,12,40,40", page.evaluate(column("#pairs", 4)));
            click(page, "#largest", "Package"); // text sorts by the reader's locale
            assertEquals("<script>alert(1)</script>.package", page.evaluate(
                    "document.querySelector('#largest tbody tr').cells[0].textContent"));

            page.evaluate("(() => { const f = document.querySelector('#findings input.filter');"
                    + " f.value = 'HAIR'; f.dispatchEvent(new Event('input')); })()");
            assertEquals("1", page.evaluate(visibleRows("#findings")));
            assertEquals("1 of 4 rows", page.evaluate("document.querySelector('#findings .matches').textContent"));
            page.evaluate("(() => { const s = document.querySelector('#pairs select.severity');"
                    + " s.value = 'high'; s.dispatchEvent(new Event('change')); })()");
            assertEquals("1", page.evaluate(visibleRows("#pairs")));
            assertEquals(List.of(), page.problems());
        }
    }

    private static void click(HeadlessChromium.Page page, String table, String header) throws IOException {
        page.evaluate("Array.from(document.querySelectorAll('" + table + " th button'))"
                + ".find(b => b.textContent === '" + header + "').click()");
    }

    private static String column(String table, int col) {
        return "Array.from(document.querySelectorAll('" + table + " tbody tr')).map(r => r.cells[" + col
                + "].dataset.sort).join(',')";
    }

    private static String visibleRows(String table) {
        return "Array.from(document.querySelectorAll('" + table + " tbody tr')).filter(r => !r.hidden).length";
    }

    private static List<String> problemsOf(String name, String body) throws IOException {
        return problemsOf(name, "", body);
    }

    private static List<String> problemsOf(String name, String head, String body) throws IOException {
        Path html = write(name, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "<title>" + name + "</title></head><body>"
                + "<h1>" + name + "</h1>" + body + "</body></html>");
        try (HeadlessChromium.Page page = browser.open(html, 800, 600)) {
            return page.problems();
        }
    }

    private static Path write(String name, String html) throws IOException {
        return Files.writeString(OUT.resolve(name), html, StandardCharsets.UTF_8);
    }
}
