package org.ts4kit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.HeadlessChromium;
import org.ts4kit.testkit.ProblemModsFolder;

/**
 * {@code doctor --html}: the page a curator opens, made from a Mods folder with planted problems, in a real
 * browser: no console error, no uncaught exception, every finding a row, and a screenshot in
 * {@code cli/target/report/doctor.png}. Skipped without Chromium unless {@code -Dts4kit.expectChromium=true}.
 */
@Timeout(180)
class DoctorReportInBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theDoctorsReportOpensCleanWithEveryFinding() throws Exception {
        Path mods = dir.resolve("Mods");
        ProblemModsFolder.write(mods);
        Path html = dir.resolve("out/report.html");
        Cli run = Cli.run("doctor", mods.toString(), "--html", html.toString());
        assertEquals(1, run.exit, run.err);
        assertTrue(run.err.contains("report written to " + html), run.err);
        String page = Files.readString(html);
        assertTrue(page.contains("5 high, 5 medium, 3 low findings"), "the headline says what to do");
        assertTrue(!page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing loads from a network");

        Path binary = HeadlessChromium.requireForTest();
        Path png = Path.of("target", "report", "doctor.png");
        Files.createDirectories(png.getParent());
        try (HeadlessChromium browser = HeadlessChromium.launch(binary);
                HeadlessChromium.Page opened = browser.open(html, 1280, 1800)) {
            long size = opened.screenshot(png);
            assertEquals(List.of(), opened.problems(), "console errors or exceptions in the doctor's report");
            assertEquals("13", opened.evaluate("document.querySelectorAll('#findings tbody tr').length"));
            assertTrue(size > 10_000, "a " + size + "-byte screenshot shows nothing");
        }
    }
}
